/**
 * Cognito Identity and STS endpoints as the SDK's endpoint rules build them, in every AWS partition:
 * `cognito-identity[-fips].<region>.<suffix>` where the suffix is a partition's DNS suffix (`amazonaws.com`,
 * `amazonaws.com.cn`, …) or its dual-stack suffix (`api.aws`, …). A host whose region is not a real one (a typo
 * such as `us-east1`) does not resolve on the internet, so the fake answers it as DNS would: `ENOTFOUND`.
 */
import type { WireRequest } from "../wire/protocol";
import { AWS_DNS_SUFFIXES, AWS_REGIONS } from "./partitions.generated";

const REGIONS = new Set(AWS_REGIONS);
const SUFFIXES = AWS_DNS_SUFFIXES.map((s) => s.replace(/\./g, "\\.")).join("|");
const COGNITO_IDENTITY_HOST = new RegExp(`^cognito-identity(?:-fips)?\\.([a-z0-9-]+)\\.(?:${SUFFIXES})$`);
const STS_HOST = new RegExp(`^sts(?:-fips)?(?:\\.([a-z0-9-]+))?\\.(?:${SUFFIXES})$`);

/** A Cognito Identity endpoint host, read. */
export interface CognitoIdentityHost {
  /** The region the host names. */
  readonly region: string;
  /** Whether that region exists (is listed in the SDK's partition data). */
  readonly known: boolean;
}

/**
 * Reads a Cognito Identity endpoint host; `undefined` for any other host.
 *
 * @example
 * ```ts
 * cognitoIdentityHost("cognito-identity.eu-west-1.api.aws"); // { region: "eu-west-1", known: true }
 * cognitoIdentityHost("cognito-identity.us-east1.amazonaws.com"); // { region: "us-east1", known: false }
 * ```
 */
export function cognitoIdentityHost(hostname: string | undefined): CognitoIdentityHost | undefined {
  const region = COGNITO_IDENTITY_HOST.exec(hostname?.toLowerCase() ?? "")?.[1];
  return region === undefined ? undefined : { region, known: REGIONS.has(region) };
}

/**
 * Whether `hostname` is an STS endpoint of an AWS partition (global `sts.amazonaws.com` or regional).
 *
 * @example
 * ```ts
 * isStsHost("sts.us-east-1.amazonaws.com"); // true
 * ```
 */
export function isStsHost(hostname: string): boolean {
  return STS_HOST.test(hostname.toLowerCase());
}

/** The error Node's resolver gives for a host that does not exist, as the SDK and `fetch` surface it. */
export interface NotFoundError extends Error {
  readonly code: "ENOTFOUND";
  readonly errno: number;
  readonly syscall: "getaddrinfo";
  readonly hostname: string;
}

/**
 * The `getaddrinfo ENOTFOUND <host>` error of a host that does not resolve.
 *
 * @example
 * ```ts
 * notFound("cognito-identity.us-east1.amazonaws.com").message; // "getaddrinfo ENOTFOUND cognito-identity.us-east1.amazonaws.com"
 * ```
 */
export function notFound(hostname: string): NotFoundError {
  return Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
    code: "ENOTFOUND" as const,
    errno: -3008,
    syscall: "getaddrinfo" as const,
    hostname,
  });
}

/**
 * The request as the engine reads it: throws `ENOTFOUND` for a Cognito Identity host of a region that does
 * not exist, and names the region of any other partition's host in the engine's canonical form
 * (`cognito-identity.<region>.amazonaws.com`). Requests to other hosts (a custom endpoint) pass as they are.
 *
 * @example
 * ```ts
 * engineRequest({ hostname: "cognito-identity.eu-west-1.api.aws", headers: {} }).hostname;
 * // "cognito-identity.eu-west-1.amazonaws.com"
 * ```
 */
export function engineRequest(request: WireRequest): WireRequest {
  const host = cognitoIdentityHost(request.hostname);
  if (!host) return request;
  if (!host.known) throw notFound(request.hostname ?? "");
  const hostname = `cognito-identity.${host.region}.amazonaws.com`;
  return hostname === request.hostname ? request : { headers: request.headers, body: request.body, hostname };
}
