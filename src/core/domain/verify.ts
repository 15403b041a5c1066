/**
 * Login verification: checking each login of a `Logins` map against the pool's provider directory and
 * returning who it identifies. Shared by every operation that takes `Logins`; seeding asks the same
 * {@link requireLoginProvider} question. Throws `NotAuthorizedException` with the service's messages.
 */
import { errors } from "../errors";
import type { StoredPool, VerifiedLogin } from "../state";
import { type DecodedJwt, decodeJwt, verifyJwt } from "../tokens/jwt";
import { PROVIDER_KID, providerKey } from "../tokens/keys";
import { COGNITO_IDENTITY_PROVIDER, type LoginProvider, providersOf } from "./providers";
import { parseSamlResponse } from "./saml";

/** The issuers of Cognito Identity's own tokens: global, regional, China. */
const COGNITO_ISSUER = /^https:\/\/cognito-identity(?:\.[a-z0-9-]+)?\.amazonaws\.com(?:\.cn)?$/;

/** OIDC tokens are accepted this long after `exp` (the developer guide's 5-minute clock skew); user-pool tokens are not. */
export const OIDC_CLOCK_SKEW_SECONDS = 300;

/**
 * The configured provider under a Logins key, or the service's refusal: "Token is not from a supported
 * provider of this identity pool." when the pool has any login provider, "Logins don't match…" otherwise.
 *
 * @example
 * ```ts
 * requireLoginProvider(pool, "graph.facebook.com").kind; // "opaque", or throws NotAuthorizedException
 * ```
 */
export function requireLoginProvider(pool: StoredPool, name: string): LoginProvider {
  const { logins } = providersOf(pool.config);
  const provider = logins.get(name);
  if (provider) return provider;
  throw logins.size > 0 ? errors.unsupportedProvider() : errors.loginsDontMatch();
}

function audiences(payload: Readonly<Record<string, unknown>>): string[] {
  const aud = payload.aud;
  if (typeof aud === "string") return aud === "" ? [] : [aud];
  if (Array.isArray(aud)) return aud.filter((a): a is string => typeof a === "string" && a !== "");
  return [];
}

/** Checks the signature where the fake can: only RS256/RS512 pass; tokens of the fake provider key must verify. */
function checkSignature(decoded: DecodedJwt): void {
  const alg = decoded.header.alg;
  if (alg !== "RS256" && alg !== "RS512") throw errors.badSignature();
  if (decoded.header.kid === PROVIDER_KID && !verifyJwt(decoded, providerKey().publicKey)) {
    throw errors.badSignature();
  }
}

type JwtProvider = Extract<LoginProvider, { kind: "publicJwt" | "userPool" | "oidc" }>;

const issuersOf = (provider: JwtProvider): readonly string[] =>
  provider.kind === "publicJwt" ? provider.issuers : [`https://${provider.name}`];

/** The client ids a token's `aud` must name; any for OIDC (IAM holds those, not the pool). */
const audiencesOf = (provider: JwtProvider): readonly string[] | undefined =>
  provider.kind === "publicJwt"
    ? [provider.appId]
    : provider.kind === "userPool"
      ? provider.clientIds
      : undefined;

/**
 * A JWT login: `iss` must match the key, `alg` RS256/RS512 (and the fake provider key's signature), `aud` a
 * configured client id (any for OIDC), `exp` in the future (OIDC: within the clock skew), `sub` the user.
 */
function verifyJwtLogin(provider: JwtProvider, token: string, now: number): VerifiedLogin {
  const decoded = decodeJwt(token);
  if (!decoded) throw errors.notOpenIdToken();
  const claims = decoded.payload;
  if (typeof claims.iss !== "string" || !issuersOf(provider).includes(claims.iss))
    throw errors.issuerMismatch();
  checkSignature(decoded);
  const aud = audiences(claims);
  if (aud.length === 0) throw errors.missingClaim("aud");
  const allowed = audiencesOf(provider);
  if (allowed && !aud.some((a) => allowed.includes(a))) throw errors.unsupportedProvider();
  const nowSeconds = Math.floor(now / 1000);
  if (typeof claims.exp !== "number") throw errors.missingClaim("exp");
  const grace = provider.kind === "oidc" ? OIDC_CLOCK_SKEW_SECONDS : 0;
  if (nowSeconds >= claims.exp + grace) throw errors.expired(nowSeconds, claims.exp);
  if (typeof claims.sub !== "string" || claims.sub === "") throw errors.missingClaim("sub");
  return Object.freeze({ provider: provider.name, user: claims.sub, claims });
}

/**
 * Checks one login of a `Logins` map against the pool and returns who it identifies.
 *
 * - Opaque-token providers (`graph.facebook.com`, `www.amazon.com`, `api.twitter.com`, `www.digits.com`): the
 *   token string is the user; claims `{ iss, aud (the app id), sub }`.
 * - JWT providers (user pools, `accounts.google.com`, `appleid.apple.com`, OIDC hosts): see `verifyJwtLogin`.
 * - SAML provider ARNs: a base64 SAML response; the user is its `NameID`, the claims its attributes.
 * - `cognito-identity.amazonaws.com` (or a Cognito-issued token under the developer provider name) is
 *   refused: GetCredentialsForIdentity handles that key itself before calling this.
 * - Anything else (the developer provider name included) is not a supported provider.
 *
 * @param now - the clock, epoch milliseconds
 * @example
 * ```ts
 * verifyLogin(pool, "graph.facebook.com", "fb-token", Date.now()).user; // "fb-token"
 * ```
 */
export function verifyLogin(pool: StoredPool, name: string, token: string, now: number): VerifiedLogin {
  if (name === COGNITO_IDENTITY_PROVIDER) throw errors.cognitoToken();
  if (
    name === pool.config.DeveloperProviderName &&
    COGNITO_ISSUER.test(String(decodeJwt(token)?.payload.iss))
  ) {
    throw errors.cognitoToken();
  }
  const provider = requireLoginProvider(pool, name);
  switch (provider.kind) {
    case "opaque":
      return Object.freeze({
        provider: name,
        user: token,
        claims: Object.freeze({ iss: name, aud: provider.appId, sub: token }),
      });
    case "saml": {
      const { nameId, attributes } = parseSamlResponse(token);
      return Object.freeze({ provider: name, user: nameId, claims: attributes });
    }
    default:
      return verifyJwtLogin(provider, token, now);
  }
}

/**
 * Checks every login of a `Logins` map (see {@link verifyLogin}); the first failure fails the call.
 *
 * @example
 * ```ts
 * const verified = verifyLogins(entry.pool, { "graph.facebook.com": "fb-token" }, ctx.now);
 * // [{ provider: "graph.facebook.com", user: "fb-token", claims: {...} }]
 * ```
 */
export function verifyLogins(
  pool: StoredPool,
  logins: Readonly<Record<string, string>>,
  now: number,
): VerifiedLogin[] {
  return Object.entries(logins).map(([provider, token]) => verifyLogin(pool, provider, token, now));
}
