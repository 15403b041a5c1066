/**
 * The OpenID tokens the fake issues as Cognito Identity (GetOpenIdToken, GetOpenIdTokenForDeveloperIdentity):
 * RS512 JWTs with the real header and claims, signed with the fixed identity test key, verifiable through
 * {@link jwks}; and their verification when one comes back as the `cognito-identity.amazonaws.com` login.
 */
import { ServiceError } from "../errors";
import { isUserPoolProvider, oidcHost } from "../providers";
import type { StoredPool } from "../state";
import { decodeJwt, signJwt, verifyJwt } from "./jwt";
import { identityKey } from "./keys";

/** The `iss` of every token Cognito Identity issues (global, not regional). */
export const OPENID_ISSUER = "https://cognito-identity.amazonaws.com";
/** The claim that carries the pool ARN. */
export const POOL_ARN_CLAIM = "https://cognito-identity.amazonaws.com/identity-pool-arn";
/** The claim that carries the principal tags: `{ principal_tags: { tag: [value] } }`. */
export const TAGS_CLAIM = "https://aws.amazon.com/tags";
/** GetOpenIdToken: "The OpenID token is valid for 10 minutes". */
export const OPENID_TOKEN_SECONDS = 600;
/** GetOpenIdTokenForDeveloperIdentity's default `TokenDuration`: 15 minutes. */
export const DEVELOPER_TOKEN_SECONDS = 900;

/** The `kid` of the tokens issued for a pool of `region`: `<region>1`, like the real `us-east-11`. */
export const openIdKid = (region: string): string => `${region}1`;

/** Regions whose `kid` {@link jwks} always publishes, so a token verifies whatever pools exist now. */
export const AWS_REGIONS: readonly string[] = [
  "af-south-1",
  "ap-east-1",
  "ap-northeast-1",
  "ap-northeast-2",
  "ap-northeast-3",
  "ap-south-1",
  "ap-south-2",
  "ap-southeast-1",
  "ap-southeast-2",
  "ap-southeast-3",
  "ap-southeast-4",
  "ap-southeast-5",
  "ca-central-1",
  "ca-west-1",
  "cn-north-1",
  "cn-northwest-1",
  "eu-central-1",
  "eu-central-2",
  "eu-north-1",
  "eu-south-1",
  "eu-south-2",
  "eu-west-1",
  "eu-west-2",
  "eu-west-3",
  "il-central-1",
  "me-central-1",
  "me-south-1",
  "mx-central-1",
  "sa-east-1",
  "us-east-1",
  "us-east-2",
  "us-gov-east-1",
  "us-gov-west-1",
  "us-west-1",
  "us-west-2",
];

/** One public key of the set: the shape Cognito publishes at `/.well-known/jwks_uri`. */
export interface Jwk {
  readonly kty: "RSA";
  readonly alg: "RS512";
  readonly use: "sig";
  readonly kid: string;
  readonly n: string;
  readonly e: string;
}

/** A JWK set (RFC 7517), as `createLocalJWKSet` of `jose` and other JOSE libraries take it (frozen). */
export interface Jwks {
  readonly keys: Jwk[];
}

/**
 * The public key set that verifies the fake's OpenID tokens: one entry per region `kid` (the same key),
 * for every known AWS region and every region in `regions`.
 *
 * @example
 * ```ts
 * const set = jwks(["local-1"]);
 * set.keys.some((k) => k.kid === "local-11"); // true
 * ```
 */
export function jwks(regions: Iterable<string> = []): Jwks {
  const { n, e } = identityKey().publicJwk;
  const kids = new Set<string>();
  for (const region of [...AWS_REGIONS, ...regions]) kids.add(openIdKid(region));
  const keys = [...kids].map(
    (kid): Jwk => Object.freeze({ kty: "RSA", alg: "RS512", use: "sig", kid, n: n ?? "", e: e ?? "" }),
  );
  return Object.freeze({ keys: Object.freeze(keys) as Jwk[] });
}

/**
 * The subject an `amr` names for one login (the element after the provider name). Observed forms: user
 * pools `<provider>:CognitoSignIn:<sub>`; OIDC `<oidc-provider-arn>:OIDC:<sub>`; developer provider
 * `<DeveloperProviderName>:<IdentityPoolId>:<user>`. Public providers (`<provider>:<app id>:<user>`) and
 * SAML (`<saml-provider-arn>:SAML:<user>`) are inferred by analogy.
 */
export function amrSubject(pool: StoredPool, provider: string, userIdentifier: string): string {
  const { config } = pool;
  if (isUserPoolProvider(provider)) return `${provider}:CognitoSignIn:${userIdentifier}`;
  if (provider === config.DeveloperProviderName) {
    return `${provider}:${pool.identityPoolId}:${userIdentifier}`;
  }
  const oidcArn = (config.OpenIdConnectProviderARNs ?? []).find((arn) => oidcHost(arn) === provider);
  if (oidcArn) return `${oidcArn}:OIDC:${userIdentifier}`;
  if ((config.SamlProviderARNs ?? []).includes(provider)) return `${provider}:SAML:${userIdentifier}`;
  const appId = config.SupportedLoginProviders?.[provider];
  return appId === undefined ? `${provider}:${userIdentifier}` : `${provider}:${appId}:${userIdentifier}`;
}

/** A login as the `amr` names it: the provider (Logins key) and the user it identifies. */
export interface AmrLogin {
  readonly provider: string;
  /** The `sub` for JWT providers, the token for opaque ones, the developer user identifier. */
  readonly user: string;
}

/**
 * The `amr` claim: `["unauthenticated"]` when there are no logins, otherwise `"authenticated"` followed by the
 * provider name and its subject for each login, in order.
 *
 * @param logins - checked logins (`VerifiedLogin[]` fits), or a map provider → user identifier
 * @example
 * ```ts
 * amrFor(pool, [{ provider: "cognito-idp.us-east-1.amazonaws.com/us-east-1_Ab1", user: "sub-1" }]);
 * // ["authenticated", "cognito-idp.us-east-1.amazonaws.com/us-east-1_Ab1",
 * //  "cognito-idp.us-east-1.amazonaws.com/us-east-1_Ab1:CognitoSignIn:sub-1"]
 * ```
 */
export function amrFor(
  pool: StoredPool,
  logins: readonly AmrLogin[] | Readonly<Record<string, string>>,
): string[] {
  const list: readonly AmrLogin[] = Array.isArray(logins)
    ? logins
    : Object.entries(logins as Readonly<Record<string, string>>).map(([provider, user]) => ({
        provider,
        user,
      }));
  if (list.length === 0) return ["unauthenticated"];
  const amr = ["authenticated"];
  for (const { provider, user } of list) amr.push(provider, amrSubject(pool, provider, user));
  return amr;
}

/** The real refusal of GetOpenIdToken when the pool's `AllowClassicFlow` is explicitly false (unset allows it). */
export const CLASSIC_FLOW_DISABLED = "Basic (classic) flow is not enabled, please use enhanced flow.";

/**
 * Throws `InvalidParameterException` ({@link CLASSIC_FLOW_DISABLED}) when the pool's `AllowClassicFlow` is
 * explicitly `false`; GetOpenIdToken calls it first. (Never set behaves as enabled, as the real service does.)
 *
 * @example
 * ```ts
 * requireClassicFlow(entry.pool);
 * ```
 */
export function requireClassicFlow(pool: StoredPool): void {
  if (pool.config.AllowClassicFlow === false) {
    throw new ServiceError("InvalidParameterException", CLASSIC_FLOW_DISABLED);
  }
}

/** What an OpenID token says. */
export interface OpenIdTokenInput {
  /** The pool: `aud`, the pool-ARN claim and the region of the `kid`. */
  readonly pool: StoredPool;
  /** `sub`. */
  readonly identityId: string;
  /** The `amr` claim, e.g. from {@link amrFor}. */
  readonly amr: readonly string[];
  /** Tag → value; the tags claim is left out when empty. */
  readonly principalTags?: Readonly<Record<string, string>>;
  /** `iat`, epoch milliseconds (the fake's clock). */
  readonly issuedAt: number;
  /** Seconds from `iat` to `exp`: {@link OPENID_TOKEN_SECONDS} or the developer call's `TokenDuration`. */
  readonly durationSeconds: number;
}

/**
 * Signs an OpenID token as Cognito Identity does: RS512, header `{ kid: "<region>1", typ: "JWS", alg: "RS512" }`.
 *
 * @example
 * ```ts
 * const token = signOpenIdToken({
 *   pool, identityId: "us-east-1:0b5c…", amr: amrFor(pool, {}),
 *   issuedAt: Date.now(), durationSeconds: OPENID_TOKEN_SECONDS,
 * });
 * ```
 */
export function signOpenIdToken(input: OpenIdTokenInput): string {
  const iat = Math.floor(input.issuedAt / 1000);
  const payload: Record<string, unknown> = {
    sub: input.identityId,
    aud: input.pool.identityPoolId,
    amr: [...input.amr],
  };
  const tags = Object.entries(input.principalTags ?? {});
  if (tags.length > 0) {
    payload[TAGS_CLAIM] = {
      principal_tags: Object.fromEntries(tags.map(([key, value]) => [key, [value]])),
    };
  }
  payload.iss = OPENID_ISSUER;
  payload[POOL_ARN_CLAIM] = input.pool.arn;
  payload.exp = iat + input.durationSeconds;
  payload.iat = iat;
  const header = { kid: openIdKid(input.pool.region), typ: "JWS", alg: "RS512" as const };
  return signJwt(header, payload, identityKey().privateKey);
}

/** What a verified OpenID token of the fake says. */
export interface VerifiedOpenIdToken {
  /** `sub`. */
  readonly identityId: string;
  /** `aud`. */
  readonly identityPoolId: string;
  readonly amr: readonly string[];
  /** The principal tags the token carries (first value of each). */
  readonly principalTags: Readonly<Record<string, string>>;
  /** Every claim. */
  readonly claims: Readonly<Record<string, unknown>>;
}

const invalidToken = (reason: string): ServiceError =>
  new ServiceError("NotAuthorizedException", `Invalid login token. ${reason}`);

function tagsOf(claim: unknown): Record<string, string> {
  if (typeof claim !== "object" || claim === null) return {};
  const principal = (claim as { principal_tags?: unknown }).principal_tags;
  if (typeof principal !== "object" || principal === null) return {};
  // Built from entries: a tag key such as `__proto__` stays an own key (an assignment would drop it).
  const tags: [string, string][] = [];
  for (const [key, value] of Object.entries(principal)) {
    const first: unknown = Array.isArray(value) ? value[0] : value;
    if (typeof first === "string") tags.push([key, first]);
  }
  return Object.fromEntries(tags);
}

/**
 * Verifies a token presented as the `cognito-identity.amazonaws.com` login of `pool`: an RS512 signature by
 * the fake's identity key, `iss`, `aud` = the pool id, and `exp` after `now`. Failures throw
 * `NotAuthorizedException` with the service's messages.
 *
 * @param now - epoch milliseconds
 * @example
 * ```ts
 * const { identityId, principalTags } = verifyOpenIdToken(token, pool, Date.now());
 * ```
 */
export function verifyOpenIdToken(token: string, pool: StoredPool, now: number): VerifiedOpenIdToken {
  const decoded = decodeJwt(token);
  if (decoded?.header.alg !== "RS512" || !verifyJwt(decoded, identityKey().publicKey)) {
    throw invalidToken("Couldn't verify signed token.");
  }
  const claims = decoded.payload;
  if (claims.iss !== OPENID_ISSUER) throw invalidToken("Issuer doesn't match providerName");
  if (claims.aud === undefined) throw invalidToken("Missing a required claim: aud");
  if (claims.aud !== pool.identityPoolId) {
    throw new ServiceError(
      "NotAuthorizedException",
      "Token is not from a supported provider of this identity pool.",
    );
  }
  if (typeof claims.sub !== "string") throw invalidToken("Missing a required claim: sub");
  if (typeof claims.exp !== "number") throw invalidToken("Missing a required claim: exp");
  const nowSeconds = Math.floor(now / 1000);
  if (nowSeconds >= claims.exp) throw invalidToken(`Token expired: ${nowSeconds} >= ${claims.exp}`);
  const amr = Array.isArray(claims.amr) ? claims.amr.filter((a): a is string => typeof a === "string") : [];
  return Object.freeze({
    identityId: claims.sub,
    identityPoolId: claims.aud,
    amr: Object.freeze(amr),
    principalTags: Object.freeze(tagsOf(claims[TAGS_CLAIM])),
    claims,
  });
}
