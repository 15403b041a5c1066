/**
 * The OpenID tokens the fake issues as Cognito Identity (GetOpenIdToken, GetOpenIdTokenForDeveloperIdentity):
 * RS512 JWTs with the real header and claims, signed with the fixed identity test key, verifiable through
 * {@link jwks}, from the issuer of the pool's Region ({@link openIdIssuer}); and their verification when one comes back as the `cognito-identity.amazonaws.com` login.
 */
import { errors } from "../errors";
import type { StoredPool } from "../state";
import { decodeJwt, signJwt, verifyJwt } from "./jwt";
import { identityKey } from "./keys";

/**
 * The `iss` of the tokens Cognito Identity issues in the standard Regions (see {@link openIdIssuer} for the others).
 *
 * @example
 * ```ts
 * await jwtVerify(token, createLocalJWKSet(fake.jwks()), { issuer: OPENID_ISSUER, audience: poolId });
 * ```
 */
export const OPENID_ISSUER = "https://cognito-identity.amazonaws.com";

/**
 * Opt-in Regions: those launched after March 20, 2019, disabled in an account until enabled (AWS Account
 * Management Reference Guide, "Enable or disable AWS Regions in your account",
 * https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-regions.html; the names as listed among
 * the opt-in Regions of https://docs.aws.amazon.com/awsconsolehelpdocs/latest/gsg/supported-regions.html and
 * the Region table of https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html).
 */
export const OPT_IN_REGIONS: readonly string[] = [
  "af-south-1",
  "ap-east-1",
  "ap-east-2",
  "ap-south-2",
  "ap-southeast-3",
  "ap-southeast-4",
  "ap-southeast-5",
  "ap-southeast-6",
  "ap-southeast-7",
  "ca-west-1",
  "eu-central-2",
  "eu-south-1",
  "eu-south-2",
  "il-central-1",
  "me-central-1",
  "me-south-1",
  "mx-central-1",
];

/**
 * The `iss` of the OpenID tokens issued for pools of `region`: the global `https://cognito-identity.amazonaws.com`
 * in the standard Regions; the regional host in GovCloud, China (`.amazonaws.com.cn`) and opt-in Regions
 * (semantics §6). The JWKS of an issuer is at `<issuer>/.well-known/jwks_uri`.
 *
 * @example
 * ```ts
 * openIdIssuer("us-east-1"); // "https://cognito-identity.amazonaws.com"
 * openIdIssuer("eu-south-1"); // "https://cognito-identity.eu-south-1.amazonaws.com"
 * openIdIssuer("cn-north-1"); // "https://cognito-identity.cn-north-1.amazonaws.com.cn"
 * ```
 */
export function openIdIssuer(region: string): string {
  if (region.startsWith("cn-")) return `https://cognito-identity.${region}.amazonaws.com.cn`;
  if (region.startsWith("us-gov-") || OPT_IN_REGIONS.includes(region)) {
    return `https://cognito-identity.${region}.amazonaws.com`;
  }
  return OPENID_ISSUER;
}
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
  "ap-east-2",
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
  "ap-southeast-6",
  "ap-southeast-7",
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
  payload.iss = openIdIssuer(input.pool.region);
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
 * the fake's identity key, `iss` (the issuer of the pool's Region), `aud` = the pool id, and `exp` after `now`. Failures throw
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
    throw errors.badSignature();
  }
  const claims = decoded.payload;
  if (claims.iss !== openIdIssuer(pool.region)) throw errors.issuerMismatch();
  if (claims.aud === undefined) throw errors.missingClaim("aud");
  if (claims.aud !== pool.identityPoolId) throw errors.unsupportedProvider();
  if (typeof claims.sub !== "string") throw errors.missingClaim("sub");
  if (typeof claims.exp !== "number") throw errors.missingClaim("exp");
  const nowSeconds = Math.floor(now / 1000);
  if (nowSeconds >= claims.exp) throw errors.expired(nowSeconds, claims.exp);
  const amr = Array.isArray(claims.amr) ? claims.amr.filter((a): a is string => typeof a === "string") : [];
  return Object.freeze({
    identityId: claims.sub,
    identityPoolId: claims.aud,
    amr: Object.freeze(amr),
    principalTags: Object.freeze(tagsOf(claims[TAGS_CLAIM])),
    claims,
  });
}
