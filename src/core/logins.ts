/**
 * Logins: checking a `Logins` map against a pool's configured providers, and signing in with the checked
 * logins — find the identity they belong to, link new logins, merge identities. Shared by every operation
 * that takes `Logins` (GetId, GetOpenIdTokenForDeveloperIdentity, UnlinkIdentity, and GetOpenIdToken /
 * GetCredentialsForIdentity).
 *
 * Typical use by an operation:
 * ```ts
 * const verified = verifyLogins(entry.pool, input.Logins ?? {}, ctx.now);
 * const { state: next, identity } = signIn(state, entry.pool.identityPoolId, { logins: verified, identityId }, env);
 * ```
 */
import { accessForbidden, LOGINS_DONT_MATCH, notAuthorized, ServiceError } from "./errors";
import type { Env } from "./operations/handler";
import {
  COGNITO_IDENTITY_PROVIDER,
  isSamlArn,
  isUserPoolProvider,
  OPAQUE_TOKEN_PROVIDERS,
  oidcHost,
} from "./providers";
import type { CoreState, PoolEntry, StoredIdentity, StoredPool } from "./state";
import {
  developerUserOwner,
  insertIdentity,
  isAuthenticated,
  type LoginToLink,
  loginOwner,
  MAX_LINKED_LOGINS,
  mergeInto,
  requireIdentityInPool,
  tooManyLogins,
} from "./store/identities";
import { type DecodedJwt, decodeJwt, verifyJwt } from "./tokens/jwt";
import { providerKey } from "./tokens/keys";
import { PROVIDER_KID } from "./tokens/loginTokens";

/** A login that passed the checks: the provider, the user it identifies and the token's claims. */
export type VerifiedLogin = LoginToLink;

/** The real messages of token checks. */
export const LOGIN_MESSAGES = {
  unsupportedProvider: "Token is not from a supported provider of this identity pool.",
  issuerMismatch: "Invalid login token. Issuer doesn't match providerName",
  badSignature: "Invalid login token. Couldn't verify signed token.",
  notOpenIdToken: "Invalid login token. Not a valid OpenId Connect identity token.",
  cognitoToken: "Invalid login token. Can't pass in a Cognito token.",
  missingClaim: (claim: string) => `Invalid login token. Missing a required claim: ${claim}`,
  expired: (now: number, exp: number) => `Invalid login token. Token expired: ${now} >= ${exp}`,
  guestsNotAllowed: "Unauthenticated access is not supported for this identity pool.",
  invalidSaml: "Invalid login token. Not a valid SAML assertion.",
} as const;

/** The issuers a public JWT provider's tokens may carry. */
const PUBLIC_JWT_ISSUERS: Readonly<Record<string, readonly string[]>> = {
  "accounts.google.com": ["https://accounts.google.com", "accounts.google.com"],
  "appleid.apple.com": ["https://appleid.apple.com"],
};

/** How a configured provider's tokens are checked. */
type ProviderKind =
  | { readonly kind: "opaque"; readonly appId: string }
  | { readonly kind: "jwt"; readonly issuers: readonly string[]; readonly audiences?: readonly string[] }
  | { readonly kind: "saml" };

/** Provider kinds already worked out, per pool configuration (configurations are frozen and replaced whole). */
const kinds = new WeakMap<object, Map<string, ProviderKind | undefined>>();

/** How the pool checks tokens of `provider`, or `undefined` when the pool does not configure it. */
function providerKind(pool: StoredPool, provider: string): ProviderKind | undefined {
  let known = kinds.get(pool.config);
  if (!known) {
    known = new Map();
    kinds.set(pool.config, known);
  }
  if (known.has(provider)) return known.get(provider);
  const kind = workOutProviderKind(pool, provider);
  known.set(provider, kind);
  return kind;
}

function workOutProviderKind(pool: StoredPool, provider: string): ProviderKind | undefined {
  const config = pool.config;
  const supported = config.SupportedLoginProviders ?? {};
  if (Object.hasOwn(supported, provider)) {
    const appId = supported[provider] as string;
    const issuers = PUBLIC_JWT_ISSUERS[provider];
    if (issuers && Object.hasOwn(PUBLIC_JWT_ISSUERS, provider))
      return { kind: "jwt", issuers, audiences: [appId] };
    if (OPAQUE_TOKEN_PROVIDERS.includes(provider)) return { kind: "opaque", appId };
    return undefined;
  }
  if (isUserPoolProvider(provider)) {
    const clients = (config.CognitoIdentityProviders ?? [])
      .filter((p) => p.ProviderName === provider)
      .map((p) => p.ClientId ?? "");
    if (clients.length > 0) return { kind: "jwt", issuers: [`https://${provider}`], audiences: clients };
  }
  if ((config.OpenIdConnectProviderARNs ?? []).some((arn) => oidcHost(arn) === provider)) {
    return { kind: "jwt", issuers: [`https://${provider}`] };
  }
  if ((config.SamlProviderARNs ?? []).includes(provider) && isSamlArn(provider)) return { kind: "saml" };
  return undefined;
}

/** Whether the pool configures any login provider (public, user pool, OIDC or SAML). */
function hasLoginProviders(pool: StoredPool): boolean {
  const c = pool.config;
  return (
    Object.keys(c.SupportedLoginProviders ?? {}).length > 0 ||
    (c.CognitoIdentityProviders ?? []).length > 0 ||
    (c.OpenIdConnectProviderARNs ?? []).length > 0 ||
    (c.SamlProviderARNs ?? []).length > 0
  );
}

/** Whether the pool's tokens of `provider` can be presented as a login (it is a configured provider). */
export const isConfiguredProvider = (pool: StoredPool, provider: string): boolean =>
  providerKind(pool, provider) !== undefined;

const isCognitoIdentityToken = (token: string): boolean =>
  decodeJwt(token)?.payload.iss === `https://${COGNITO_IDENTITY_PROVIDER}`;

/** The refusal for a provider the pool does not configure. */
function unsupported(pool: StoredPool): ServiceError {
  return notAuthorized(hasLoginProviders(pool) ? LOGIN_MESSAGES.unsupportedProvider : LOGINS_DONT_MATCH);
}

function audiences(payload: Readonly<Record<string, unknown>>): string[] | undefined {
  const aud = payload.aud;
  if (typeof aud === "string") return [aud];
  if (Array.isArray(aud)) return aud.filter((a): a is string => typeof a === "string");
  return undefined;
}

/** Checks the signature where the fake can: `alg: none` never passes; tokens of the fake provider key must verify. */
function checkSignature(decoded: DecodedJwt): void {
  const alg = decoded.header.alg;
  if (alg !== "RS256" && alg !== "RS512") throw notAuthorized(LOGIN_MESSAGES.badSignature);
  if (decoded.header.kid === PROVIDER_KID && !verifyJwt(decoded, providerKey().publicKey)) {
    throw notAuthorized(LOGIN_MESSAGES.badSignature);
  }
}

function verifyJwtLogin(
  provider: string,
  token: string,
  kind: Extract<ProviderKind, { kind: "jwt" }>,
  now: number,
): VerifiedLogin {
  const decoded = decodeJwt(token);
  if (!decoded) throw notAuthorized(LOGIN_MESSAGES.notOpenIdToken);
  const claims = decoded.payload;
  if (typeof claims.iss !== "string" || !kind.issuers.includes(claims.iss)) {
    throw notAuthorized(LOGIN_MESSAGES.issuerMismatch);
  }
  checkSignature(decoded);
  const aud = audiences(claims);
  if (!aud || aud.length === 0) throw notAuthorized(LOGIN_MESSAGES.missingClaim("aud"));
  if (kind.audiences && !aud.some((a) => kind.audiences?.includes(a))) {
    throw notAuthorized(LOGIN_MESSAGES.unsupportedProvider);
  }
  const nowSeconds = Math.floor(now / 1000);
  if (typeof claims.exp !== "number") throw notAuthorized(LOGIN_MESSAGES.missingClaim("exp"));
  if (nowSeconds >= claims.exp) throw notAuthorized(LOGIN_MESSAGES.expired(nowSeconds, claims.exp));
  if (typeof claims.sub !== "string" || claims.sub === "")
    throw notAuthorized(LOGIN_MESSAGES.missingClaim("sub"));
  return Object.freeze({ provider, user: claims.sub, claims });
}

/** SAML elements the fake reads; `[^<>]*` keeps the scan linear on hostile input. */
const SAML_TAG = /<(\/?)(?:[\w-]+:)?(NameID|Attribute|AttributeValue)\b([^<>]*)>/g;
const SAML_NAME = /\bName="([^"]*)"/;

/** A base64 SAML response: the user is its `NameID`; its attributes are the claims. Signatures are not checked. */
function verifySamlLogin(provider: string, token: string): VerifiedLogin {
  const xml = Buffer.from(token, "base64").toString("utf8");
  const claims: Record<string, unknown> = {};
  let nameId: string | undefined;
  let attribute: string | undefined;
  let values: string[] = [];
  let textStart = 0;
  for (const match of xml.matchAll(SAML_TAG)) {
    const [whole, closing, tag, attributes] = match;
    const at = match.index ?? 0;
    if (!closing) {
      textStart = at + whole.length;
      if (tag === "Attribute") {
        attribute = SAML_NAME.exec(attributes ?? "")?.[1];
        values = [];
      }
      continue;
    }
    const text = xml.slice(textStart, at).trim();
    if (tag === "NameID") nameId ??= text;
    else if (tag === "AttributeValue") values.push(text);
    else if (attribute !== undefined) {
      Object.defineProperty(claims, attribute, {
        value: values.length === 1 ? values[0] : values,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      attribute = undefined;
    }
  }
  if (!nameId) throw notAuthorized(LOGIN_MESSAGES.invalidSaml);
  return Object.freeze({ provider, user: nameId, claims: Object.freeze(claims) });
}

/**
 * Checks one login of a `Logins` map against the pool and returns who it identifies.
 *
 * - Opaque-token providers (`graph.facebook.com`, `www.amazon.com`, `api.twitter.com`, `www.digits.com`): the
 *   token string is the user; claims `{ iss, aud (the app id), sub }`.
 * - JWT providers (user pools, `accounts.google.com`, `appleid.apple.com`, OIDC hosts): `iss` must match the
 *   key, `aud` must be a configured client id (any `aud` for OIDC), `exp` in the future; the user is `sub`.
 *   Tokens whose `kid` is the fake provider key's must verify with it; `alg` must be RS256 or RS512.
 * - SAML provider ARNs: a base64 SAML response; the user is its `NameID`.
 * - `cognito-identity.amazonaws.com` (or a Cognito-issued token) is refused: GetCredentialsForIdentity
 *   handles that key itself before calling this.
 * - Anything else (including the developer provider name) is not a supported provider.
 *
 * Throws `NotAuthorizedException` with the service's message.
 *
 * @param now - the clock, epoch milliseconds
 */
export function verifyLogin(pool: StoredPool, provider: string, token: string, now: number): VerifiedLogin {
  if (provider === COGNITO_IDENTITY_PROVIDER) throw notAuthorized(LOGIN_MESSAGES.cognitoToken);
  const kind = providerKind(pool, provider);
  if (!kind) {
    if (provider === pool.config.DeveloperProviderName && isCognitoIdentityToken(token)) {
      throw notAuthorized(LOGIN_MESSAGES.cognitoToken);
    }
    throw unsupported(pool);
  }
  switch (kind.kind) {
    case "opaque":
      return Object.freeze({
        provider,
        user: token,
        claims: Object.freeze({ iss: provider, aud: kind.appId, sub: token }),
      });
    case "jwt":
      return verifyJwtLogin(provider, token, kind, now);
    case "saml":
      return verifySamlLogin(provider, token);
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

/** What to sign in with. */
export interface SignInRequest {
  /** Checked logins (from {@link verifyLogins}). */
  readonly logins: readonly VerifiedLogin[];
  /** A developer user identifier of the pool's developer provider (GetOpenIdTokenForDeveloperIdentity). */
  readonly developerUser?: string;
  /** The identity the caller claims (GetOpenIdToken, GetCredentialsForIdentity, developer linking). */
  readonly identityId?: string;
}

/** The identity signed in, and the state with any creation, link or merge applied. */
export interface SignInResult {
  readonly state: CoreState;
  readonly identity: StoredIdentity;
  /** Whether a new identity was created. */
  readonly created: boolean;
}

/**
 * Signs in to a pool with checked logins: returns the identity they belong to, creating, linking and merging
 * as the service does.
 *
 * - No `identityId`, no logins: a new unauthenticated identity (`NotAuthorizedException` "Unauthenticated
 *   access is not supported for this identity pool." when the pool forbids guests).
 * - Logins nobody has: a new identity with all of them (or, with `identityId`, linked to that identity).
 * - Logins already linked: their identity; logins linked to several identities merge them — the oldest of
 *   the identities owning a presented login survives, the others (and a claimed guest identity) are disabled.
 * - With `identityId`: the identity must exist in the pool (`ResourceNotFoundException`) and not be disabled
 *   ("Access to Identity '<id>' is forbidden."). An authenticated identity must be proved by one of its own
 *   logins among those presented ("Logins don't match..."; with no logins at all, "Access ... forbidden.");
 *   an unauthenticated one without logins needs a pool that allows guests. A developer user linked to
 *   another identity answers `DeveloperUserAlreadyRegisteredException`.
 * - One user per provider per identity (`ResourceConflictException`), at most 20 linked logins.
 *
 * The claims of every presented token replace the stored claims of that login.
 *
 * @example
 * ```ts
 * // GetOpenIdToken / GetCredentialsForIdentity: the caller names an identity and may bring logins to link.
 * const { entry } = requireIdentity(state, input.IdentityId, env.ctx);
 * const logins = verifyLogins(entry.pool, input.Logins ?? {}, env.ctx.now);
 * const { state: next, identity } = signIn(state, entry.pool.identityPoolId, { logins, identityId: input.IdentityId }, env);
 * // identity.identityId may differ from input.IdentityId after a merge; identity.loginClaims feed role mapping.
 * ```
 */
export function signIn(state: CoreState, poolId: string, request: SignInRequest, env: Env): SignInResult {
  const entry = state.pools.get(poolId);
  if (!entry) throw new Error(`signIn: no pool ${poolId}`);
  const { logins, developerUser } = request;
  const claimed =
    request.identityId === undefined ? undefined : requireIdentityInPool(entry, request.identityId);
  if (claimed?.disabled) throw accessForbidden(claimed.identityId);

  const owners = ownersOf(entry, request);
  if (claimed && developerUser !== undefined) {
    const owner = developerUserOwner(entry, developerUser);
    if (owner !== undefined && owner !== claimed.identityId) {
      throw new ServiceError(
        "DeveloperUserAlreadyRegisteredException",
        "This developer user identifier is already registered with Cognito.",
      );
    }
  }
  const presentsNothing = logins.length === 0 && developerUser === undefined;
  if (claimed && isAuthenticated(claimed)) {
    if (presentsNothing) throw accessForbidden(claimed.identityId);
    if (!owners.some((o) => o.identityId === claimed.identityId)) throw notAuthorized(LOGINS_DONT_MATCH);
  }
  if (presentsNothing && !entry.pool.config.AllowUnauthenticatedIdentities) {
    throw notAuthorized(LOGIN_MESSAGES.guestsNotAllowed);
  }

  if (claimed && presentsNothing) return { state, identity: claimed, created: false };
  const developerUsers = developerUser === undefined ? [] : [developerUser];
  if (owners.length === 0 && !claimed) {
    if (logins.length + developerUsers.length > MAX_LINKED_LOGINS) throw tooManyLogins();
    const created = insertIdentity(
      state,
      poolId,
      {
        logins: Object.fromEntries(logins.map((l) => [l.provider, l.user])),
        loginClaims: Object.fromEntries(logins.map((l) => [l.provider, l.claims])),
        developerUserIdentifiers: developerUsers,
      },
      env,
    );
    return { ...created, created: true };
  }
  const participants =
    claimed && !owners.some((o) => o.identityId === claimed.identityId) ? [...owners, claimed] : owners;
  const survivor = owners.length > 0 ? oldest(owners) : (claimed as StoredIdentity);
  if (participants.length === 1 && isCurrent(survivor, logins, developerUsers)) {
    return { state, identity: survivor, created: false };
  }
  const merged = mergeInto(
    state,
    survivor,
    { absorbed: participants.filter((p) => p.identityId !== survivor.identityId), logins, developerUsers },
    env.ctx.now,
  );
  return { ...merged, created: false };
}

/**
 * Whether signing in would change nothing: every login is linked to the identity with the very claims object
 * already stored (decoded tokens are shared, so the same token gives the same object), and the developer user
 * is linked too. The common case of a returning user, answered without writing the state.
 */
function isCurrent(
  identity: StoredIdentity,
  logins: readonly VerifiedLogin[],
  developerUsers: readonly string[],
): boolean {
  for (const login of logins) {
    if (!Object.hasOwn(identity.logins, login.provider) || identity.logins[login.provider] !== login.user)
      return false;
    if (identity.loginClaims[login.provider] !== login.claims) return false;
  }
  return developerUsers.every((user) => identity.developerUserIdentifiers.includes(user));
}

/** The distinct identities owning a presented login or the developer user. */
function ownersOf(entry: PoolEntry, request: SignInRequest): StoredIdentity[] {
  const ids = new Set<string>();
  for (const login of request.logins) {
    const owner = loginOwner(entry, login.provider, login.user);
    if (owner !== undefined) ids.add(owner);
  }
  if (request.developerUser !== undefined) {
    const owner = developerUserOwner(entry, request.developerUser);
    if (owner !== undefined) ids.add(owner);
  }
  const owners: StoredIdentity[] = [];
  for (const id of ids) {
    const identity = entry.identities.get(id);
    if (identity) owners.push(identity);
  }
  return owners;
}

/** The identity created first (lowest creation sequence). */
function oldest(identities: readonly StoredIdentity[]): StoredIdentity {
  return identities.reduce((a, b) => (b.seq < a.seq ? b : a));
}
