/**
 * Signing in with checked logins: find the identity they belong to, create it, link new logins, merge
 * identities. Shared by every operation that signs in (GetId, GetOpenIdToken, GetCredentialsForIdentity,
 * GetOpenIdTokenForDeveloperIdentity).
 *
 * Typical use by an operation:
 * ```ts
 * const verified = verifyLogins(entry.pool, input.Logins ?? {}, ctx.now);
 * const { state: next, identity } = signIn(state, entry, { logins: verified, identityId }, env);
 * ```
 */
import { errors } from "../errors";
import type { CoreState, Env, PoolEntry, StoredIdentity, VerifiedLogin } from "../state";
import {
  developerUserOwner,
  insertIdentity,
  isAuthenticated,
  loginOwner,
  requireIdentityInPool,
} from "../store/identities";
import { requireDeveloperUserFree, requireGuestsAllowed, requireLinkCount } from "./identityRules";
import { mergeInto } from "./merge";

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
 * const { state: next, identity } = signIn(state, entry, { logins, identityId: input.IdentityId }, env);
 * // identity.identityId may differ from input.IdentityId after a merge; identity.loginClaims feed role mapping.
 * ```
 */
export function signIn(state: CoreState, entry: PoolEntry, request: SignInRequest, env: Env): SignInResult {
  const { logins, developerUser } = request;
  const claimed =
    request.identityId === undefined ? undefined : requireIdentityInPool(entry, request.identityId);
  if (claimed?.disabled) throw errors.accessForbidden(claimed.identityId);

  const owners = ownersOf(entry, request);
  if (claimed && developerUser !== undefined)
    requireDeveloperUserFree(entry, developerUser, claimed.identityId);
  const presentsNothing = logins.length === 0 && developerUser === undefined;
  if (claimed && isAuthenticated(claimed)) {
    if (presentsNothing) throw errors.accessForbidden(claimed.identityId);
    if (!owners.some((o) => o.identityId === claimed.identityId)) throw errors.loginsDontMatch();
  }
  if (presentsNothing) requireGuestsAllowed(entry.pool);

  if (claimed && presentsNothing) return { state, identity: claimed };
  const developerUsers = developerUser === undefined ? [] : [developerUser];
  if (owners.length === 0 && !claimed) {
    requireLinkCount(logins.length + developerUsers.length);
    const created = insertIdentity(
      state,
      entry.pool.identityPoolId,
      {
        logins: Object.fromEntries(logins.map((l) => [l.provider, l.user])),
        loginClaims: Object.fromEntries(logins.map((l) => [l.provider, l.claims])),
        developerUserIdentifiers: developerUsers,
      },
      env,
    );
    return created;
  }
  const participants =
    claimed && !owners.some((o) => o.identityId === claimed.identityId) ? [...owners, claimed] : owners;
  const survivor = owners.length > 0 ? oldest(owners) : (claimed as StoredIdentity);
  if (participants.length === 1 && isCurrent(survivor, logins, developerUsers)) {
    return { state, identity: survivor };
  }
  const merged = mergeInto(
    state,
    survivor,
    { absorbed: participants.filter((p) => p.identityId !== survivor.identityId), logins, developerUsers },
    env.ctx.now,
  );
  return merged;
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
    // An unlinked provider reads `undefined` or an `Object.prototype` member, never a user's string.
    if (identity.logins[login.provider] !== login.user) return false;
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
  // The pool's indexes only hold ids of its stored identities (the store's writers keep them in step).
  for (const id of ids) owners.push(entry.identities.get(id) as StoredIdentity);
  return owners;
}

/** The identity created first (lowest creation sequence). */
function oldest(identities: readonly StoredIdentity[]): StoredIdentity {
  return identities.reduce((a, b) => (b.seq < a.seq ? b : a));
}
