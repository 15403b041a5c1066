/**
 * Login tokens as identity providers issue them (a Cognito user pool's ID token, an OIDC provider's ID
 * token, signed RS256 with the fake provider key; a SAML response, unsigned). The fake accepts them as `Logins` values and checks their
 * signature, so a tampered token is refused.
 */
import { signJwt } from "./jwt";
import { PROVIDER_KID, providerKey } from "./keys";
import { mintSamlResponse, type SamlTokenInput } from "./samlTokens";

/** Default lifetime of a minted login token: one hour, like a user pool ID token. */
export const LOGIN_TOKEN_LIFETIME_SECONDS = 3600;

/**
 * What `fake.loginToken.userPool` mints: a Cognito user pool ID token.
 *
 * @example
 * ```ts
 * const input: UserPoolTokenInput = {
 *   userPoolId: "us-east-1_AbC123",
 *   clientId: "app-client",
 *   sub: "alice-sub",
 *   claims: { "cognito:groups": ["admins"] },
 * };
 * ```
 */
export interface UserPoolTokenInput {
  /** The user pool id, `<region>_<id>`, e.g. `us-east-1_AbC123`. */
  readonly userPoolId: string;
  /** The app client id: the token's `aud`. */
  readonly clientId: string;
  /** The user's `sub`: the user identifier the identity pool links. */
  readonly sub: string;
  /** Extra claims (`cognito:groups`, `cognito:roles`, custom ones); they override the defaults (a past `exp` mints an expired token). */
  readonly claims?: Readonly<Record<string, unknown>>;
  /** Seconds until `exp`. Default 3600. */
  readonly expiresIn?: number;
  /** The user pool's region. Default: the prefix of `userPoolId`. */
  readonly region?: string;
}

/**
 * What `fake.loginToken.oidc` mints: an OpenID Connect ID token.
 *
 * @example
 * ```ts
 * const input: OidcTokenInput = { issuer: "https://login.example.com", audience: "my-client", sub: "bob" };
 * // the pool configures arn:aws:iam::<account>:oidc-provider/login.example.com; Logins key "login.example.com"
 * ```
 */
export interface OidcTokenInput {
  /** The issuer URL, e.g. `https://login.example.com` (a bare host gets `https://`). The Logins key is the issuer without `https://`. */
  readonly issuer: string;
  /** The client id: the token's `aud`. */
  readonly audience: string;
  /** The user's `sub`. */
  readonly sub: string;
  /** Extra claims; they override the defaults. */
  readonly claims?: Readonly<Record<string, unknown>>;
  /** Seconds until `exp`. Default 3600. */
  readonly expiresIn?: number;
}

/** The Logins key of a user pool: `cognito-idp.<region>.amazonaws.com/<userPoolId>`. */
export function userPoolProviderName(userPoolId: string, region?: string): string {
  const poolRegion = region ?? userPoolId.split("_")[0] ?? "";
  return `cognito-idp.${poolRegion}.amazonaws.com/${userPoolId}`;
}

const sign = (payload: Record<string, unknown>): string =>
  signJwt({ alg: "RS256", typ: "JWT", kid: PROVIDER_KID }, payload, providerKey().privateKey);

/**
 * A user pool ID token: `iss` `https://cognito-idp.<region>.amazonaws.com/<userPoolId>`, `aud` the client
 * id, `sub`, `token_use` `id`, `iat` now, `exp` an hour later (or `expiresIn`); `claims` override them.
 *
 * @param now - the clock, epoch milliseconds
 * @example
 * ```ts
 * const token = mintUserPoolToken({ userPoolId: "us-east-1_AbC123", clientId: "app", sub: "alice" }, Date.now());
 * // Logins: { "cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123": token }
 * ```
 */
export function mintUserPoolToken(input: UserPoolTokenInput, now: number): string {
  const iat = Math.floor(now / 1000);
  return sign({
    iss: `https://${userPoolProviderName(input.userPoolId, input.region)}`,
    aud: input.clientId,
    sub: input.sub,
    token_use: "id",
    iat,
    exp: iat + (input.expiresIn ?? LOGIN_TOKEN_LIFETIME_SECONDS),
    ...input.claims,
  });
}

/**
 * An OIDC ID token: `iss` the issuer, `aud` the audience, `sub`, `iat` now, `exp` an hour later (or
 * `expiresIn`); `claims` override them.
 *
 * @param now - the clock, epoch milliseconds
 * @example
 * ```ts
 * const token = mintOidcToken({ issuer: "https://login.example.com", audience: "app", sub: "bob" }, Date.now());
 * // Logins: { "login.example.com": token }
 * ```
 */
export function mintOidcToken(input: OidcTokenInput, now: number): string {
  const iat = Math.floor(now / 1000);
  return sign({
    iss: input.issuer.startsWith("https://") ? input.issuer : `https://${input.issuer}`,
    aud: input.audience,
    sub: input.sub,
    iat,
    exp: iat + (input.expiresIn ?? LOGIN_TOKEN_LIFETIME_SECONDS),
    ...input.claims,
  });
}

/**
 * `fake.loginToken`: mints provider login tokens the fake accepts, on the fake's clock.
 *
 * @example
 * ```ts
 * const idToken = fake.loginToken.userPool({ userPoolId: "us-east-1_AbC123", clientId: "app", sub: "alice" });
 * await client.send(new GetIdCommand({
 *   IdentityPoolId: poolId,
 *   Logins: { "cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123": idToken },
 * }));
 * ```
 */
export interface LoginTokenMinter {
  /** A Cognito user pool ID token (see {@link mintUserPoolToken}); Logins key `cognito-idp.<region>.amazonaws.com/<userPoolId>`. */
  userPool(input: UserPoolTokenInput): string;
  /** An OIDC ID token (see {@link mintOidcToken}); Logins key: the issuer without `https://`. */
  oidc(input: OidcTokenInput): string;
  /** A base64, unsigned SAML response (see {@link mintSamlResponse}); Logins key: the SAML provider ARN. */
  saml(input: SamlTokenInput): string;
}

/** A {@link LoginTokenMinter} on the given clock. */
export function loginTokenMinter(now: () => number): LoginTokenMinter {
  return {
    userPool: (input) => mintUserPoolToken(input, now()),
    oidc: (input) => mintOidcToken(input, now()),
    saml: (input) => mintSamlResponse(input, now()),
  };
}
