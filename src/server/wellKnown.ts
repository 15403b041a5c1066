/**
 * The OpenID discovery documents of Cognito Identity, so that code verifying the fake's OpenID tokens by URL can
 * point at the server: `GET /.well-known/jwks_uri` and `GET /.well-known/openid-configuration`. The global
 * issuer is `https://cognito-identity.amazonaws.com`; `?region=<region>` (or a regional host) answers for the
 * regional issuer `https://cognito-identity.<region>.amazonaws.com`. Every region's `kid` is in the key set.
 */
import { OPENID_ISSUER } from "../core/tokens/openid";
import type { ServedFake } from "./host";

/** A JSON answer: status and body. */
export interface JsonAnswer {
  readonly status: number;
  readonly body: unknown;
}

/**
 * The answer for a `/.well-known/` path, or `undefined` if the path is not one.
 *
 * @example
 * ```ts
 * wellKnown(fake, new URL("http://127.0.0.1:4566/.well-known/jwks_uri"), undefined)?.body; // { keys: [...] }
 * ```
 */
export function wellKnown(fake: ServedFake, url: URL, region: string | undefined): JsonAnswer | undefined {
  if (url.pathname === "/.well-known/jwks_uri") return { status: 200, body: fake.jwks() };
  if (url.pathname !== "/.well-known/openid-configuration") return undefined;
  const issuer = region ? `https://cognito-identity.${region}.amazonaws.com` : OPENID_ISSUER;
  return {
    status: 200,
    body: {
      issuer,
      jwks_uri: `${url.origin}/.well-known/jwks_uri`,
      response_types_supported: ["code", "token"],
      subject_types_supported: ["public"],
      id_token_signing_alg_values_supported: ["RS512"],
      scopes_supported: ["openid"],
      claims_supported: ["aud", "iss", "sub", "amr", "exp", "iat"],
    },
  };
}
