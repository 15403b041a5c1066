/**
 * The region a request to the server is for. A server on loopback has no regional host name, so the region
 * comes from, in order: the SigV4 credential scope of the `Authorization` header (signatures are not
 * checked), the host (`cognito-identity.<region>.amazonaws.com`), the region prefix of a pool or identity id
 * in the body, else the server's default region.
 */
import { regionOfHost } from "../wire/protocol";

const SCOPE = /Credential=[^/,\s]+\/\d{8}\/([a-z0-9-]+)\/[^/,\s]+\/aws4_request/;
const ID_PREFIX = /^([a-z]{2}(?:-[a-z]+)+-\d+):/;
const ID_MEMBERS = ["IdentityPoolId", "IdentityId", "SourceIdentityId", "DestinationIdentityId"] as const;

/** The region of a SigV4 `Authorization` header's credential scope, if any. */
export function regionOfAuthorization(authorization: string | undefined): string | undefined {
  return authorization ? SCOPE.exec(authorization)?.[1] : undefined;
}

/**
 * The region prefix of a pool or identity id (`<region>:<guid>`), if it has one.
 *
 * @example
 * ```ts
 * regionOfId("eu-west-1:11111111-2222-4333-8444-555555555555"); // "eu-west-1"
 * ```
 */
export const regionOfId = (id: string): string | undefined => ID_PREFIX.exec(id)?.[1];

/** The region prefix of the first pool or identity id of a JSON body, if any. */
export function regionOfBody(body: string): string | undefined {
  if (!body.includes(":")) return undefined;
  let input: unknown;
  try {
    input = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof input !== "object" || input === null) return undefined;
  const record = input as Record<string, unknown>;
  const ids = [...ID_MEMBERS.map((m) => record[m]), ...[record.IdentityIdsToDelete].flat()];
  for (const id of ids) {
    const region = typeof id === "string" ? regionOfId(id) : undefined;
    if (region) return region;
  }
  return undefined;
}

/**
 * The region of a request, by the rules above.
 *
 * @example
 * ```ts
 * requestRegion({ authorization: undefined, host: "127.0.0.1:4566" }, '{"IdentityPoolId":"eu-west-1:…"}', "us-east-1");
 * // "eu-west-1"
 * ```
 */
export function requestRegion(
  headers: { readonly authorization?: string; readonly host?: string },
  body: string,
  fallback: string,
): string {
  const hostname = headers.host?.replace(/:\d+$/, "");
  return (
    regionOfAuthorization(headers.authorization) ?? regionOfHost(hostname) ?? regionOfBody(body) ?? fallback
  );
}
