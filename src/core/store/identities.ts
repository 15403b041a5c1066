/**
 * Reading and writing identities. Every writer returns a new frozen state and keeps the pool's indexes in
 * step with the records:
 * - `identities` (id → record),
 * - `logins` (`loginKey(provider, user)` → id),
 * - `developerUsers` (developer user identifier → id),
 * - `order` (creation sequence → id),
 * - and the global `identityPools` (id → pool id).
 *
 * Every read goes through an index, never a scan, so each call costs the same at 100,000 identities as at
 * 1,000. One writer, {@link writeIdentity}, diffs the stored record against the new one and moves only the
 * index entries that changed (at most 20 logins per identity), so no caller can forget an index.
 */
import { errors } from "../errors";
import type { Context, CoreState, Env, PoolEntry, StoredIdentity } from "../state";
import { loginKey } from "./keys";
import type { PMap } from "./pmap";
import { findPool, putPool } from "./pools";
import { frozenRecord, type NewIdentity, newIdentity } from "./records";
import { idsInSequence } from "./sequence";

/** Linked logins per identity (provider logins and developer user identifiers together). */
export const MAX_LINKED_LOGINS = 20;

/** An identity together with the pool entry that owns it. */
export interface IdentityLocation {
  readonly entry: PoolEntry;
  readonly identity: StoredIdentity;
}

/** The pool entry owning `identityId`, in any region; `undefined` if gone (also after its pool was deleted). */
function ownerEntry(state: CoreState, identityId: string): PoolEntry | undefined {
  const poolId = state.identityPools.get(identityId);
  if (poolId === undefined) return undefined;
  const entry = state.pools.get(poolId);
  return entry?.identities.has(identityId) ? entry : undefined;
}

/** The record of an identity in any region or account, or `undefined` (state API). */
export function identityAnywhere(state: CoreState, identityId: string): StoredIdentity | undefined {
  return ownerEntry(state, identityId)?.identities.get(identityId);
}

/** The identity and its pool, if the identity exists in the caller's account and region. */
export function findIdentity(
  state: CoreState,
  identityId: string,
  ctx: Context,
): IdentityLocation | undefined {
  const poolId = state.identityPools.get(identityId);
  if (poolId === undefined) return undefined;
  const entry = findPool(state, poolId, ctx);
  const identity = entry?.identities.get(identityId);
  return entry && identity ? { entry, identity } : undefined;
}

/** The identity and its pool, or `ResourceNotFoundException` `Identity '<id>' not found.`. */
export function requireIdentity(state: CoreState, identityId: string, ctx: Context): IdentityLocation {
  const found = findIdentity(state, identityId, ctx);
  if (!found) throw errors.identityNotFound(identityId);
  return found;
}

/** The identity of this pool, or `ResourceNotFoundException` (an identity of another pool is not found). */
export function requireIdentityInPool(entry: PoolEntry, identityId: string): StoredIdentity {
  const identity = entry.identities.get(identityId);
  if (!identity) throw errors.identityNotFound(identityId);
  return identity;
}

/** The id of the identity a login is linked to in this pool, if any. */
export const loginOwner = (entry: PoolEntry, provider: string, user: string): string | undefined =>
  entry.logins.get(loginKey(provider, user));

/** How many logins are linked in a pool (0 for an unknown pool). */
export const linkedLoginCount = (state: CoreState, poolId: string): number =>
  state.pools.get(poolId)?.logins.size ?? 0;

/** The id of the identity a developer user identifier is linked to in this pool, if any. */
export const developerUserOwner = (entry: PoolEntry, developerUser: string): string | undefined =>
  entry.developerUsers.get(developerUser);

/** Whether an identity has any linked login or developer user (an authenticated identity). */
export const isAuthenticated = (identity: StoredIdentity): boolean =>
  Object.keys(identity.logins).length > 0 || identity.developerUserIdentifiers.length > 0;

/** The provider names `DescribeIdentity` lists: linked providers, then the developer provider if linked. */
export function providerNames(identity: StoredIdentity, developerProviderName: string | undefined): string[] {
  const names = Object.keys(identity.logins);
  if (identity.developerUserIdentifiers.length > 0 && developerProviderName !== undefined) {
    names.push(developerProviderName);
  }
  return names;
}

/** Throws (an internal error) when `key` is linked to an identity already: callers check first. */
function requireUnlinked(index: PMap<string, string>, key: string, what: string): void {
  const owner = index.get(key);
  if (owner !== undefined) throw new Error(`${what} is linked to ${owner}`);
}

/**
 * Stores new identities of one pool, made by {@link newIdentity} with the pool's next creation sequences in
 * order, and registers them in every index, each map updated once for all of them. Their logins and
 * developer users must be linked to no other identity (callers check first).
 */
export function addIdentities(
  state: CoreState,
  poolId: string,
  records: readonly StoredIdentity[],
): CoreState {
  const entry = state.pools.get(poolId);
  if (!entry) throw new Error(`addIdentities: no pool ${poolId}`);
  const loginKeys: string[] = [];
  const loginOwners: string[] = [];
  const users: string[] = [];
  const userOwners: string[] = [];
  const ids: string[] = [];
  const seqs: number[] = [];
  for (const record of records) {
    ids.push(record.identityId);
    seqs.push(record.seq);
    for (const provider of Object.keys(record.logins)) {
      const key = loginKey(provider, record.logins[provider] as string);
      requireUnlinked(entry.logins, key, `login ${provider}`);
      loginKeys.push(key);
      loginOwners.push(record.identityId);
    }
    for (const user of record.developerUserIdentifiers) {
      requireUnlinked(entry.developerUsers, user, "developer user");
      users.push(user);
      userOwners.push(record.identityId);
    }
  }
  return putPool(
    { ...state, identityPools: state.identityPools.setAll(ids, new Array<string>(ids.length).fill(poolId)) },
    {
      ...entry,
      identities: entry.identities.setAll(ids, records),
      logins: entry.logins.setAll(loginKeys, loginOwners),
      developerUsers: entry.developerUsers.setAll(users, userOwners),
      order: entry.order.setAll(seqs, ids),
      nextSeq: entry.nextSeq + records.length,
    },
  );
}

/**
 * Creates an identity in a pool (id `<pool region>:<guid>`, next creation sequence), linked to the given
 * logins, and registers it in every index. The logins must not be linked to another identity. (One identity
 * is written map by map, with no batch: what most calls of `GetId` do.)
 */
export function insertIdentity(
  state: CoreState,
  poolId: string,
  init: NewIdentity,
  env: Env,
): { state: CoreState; identity: StoredIdentity } {
  const entry = state.pools.get(poolId);
  if (!entry) throw new Error(`insertIdentity: no pool ${poolId}`);
  const identity = newIdentity(entry.pool, entry.nextSeq, init, env);
  const id = identity.identityId;
  let logins = entry.logins;
  for (const provider of Object.keys(identity.logins)) {
    const key = loginKey(provider, identity.logins[provider] as string);
    requireUnlinked(logins, key, `login ${provider}`);
    logins = logins.set(key, id);
  }
  let developerUsers = entry.developerUsers;
  for (const user of identity.developerUserIdentifiers) {
    requireUnlinked(developerUsers, user, "developer user");
    developerUsers = developerUsers.set(user, id);
  }
  const next = putPool(
    { ...state, identityPools: state.identityPools.set(id, poolId) },
    {
      ...entry,
      identities: entry.identities.set(id, identity),
      logins,
      developerUsers,
      order: entry.order.set(identity.seq, id),
      nextSeq: entry.nextSeq + 1,
    },
  );
  return { state: next, identity };
}

/**
 * Stores a new version of an existing identity and moves the index entries of the logins and developer
 * users it gained or lost. Throws (an internal error) if a gained login is linked to another identity:
 * callers unlink or merge first.
 */
export function writeIdentity(state: CoreState, next: StoredIdentity): CoreState {
  const entry = state.pools.get(next.identityPoolId);
  const previous = entry?.identities.get(next.identityId);
  if (!entry || !previous) throw new Error(`writeIdentity: no identity ${next.identityId}`);
  const id = next.identityId;
  let logins = entry.logins;
  for (const [provider, user] of Object.entries(previous.logins)) {
    if (!Object.hasOwn(next.logins, provider) || next.logins[provider] !== user) {
      const key = loginKey(provider, user);
      if (logins.get(key) === id) logins = logins.delete(key);
    }
  }
  for (const [provider, user] of Object.entries(next.logins)) {
    const key = loginKey(provider, user);
    const owner = logins.get(key);
    if (owner !== undefined && owner !== id) throw new Error(`login ${provider} is linked to ${owner}`);
    logins = logins.set(key, id);
  }
  let developerUsers = entry.developerUsers;
  for (const user of previous.developerUserIdentifiers) {
    if (!next.developerUserIdentifiers.includes(user) && developerUsers.get(user) === id) {
      developerUsers = developerUsers.delete(user);
    }
  }
  for (const user of next.developerUserIdentifiers) {
    const owner = developerUsers.get(user);
    if (owner !== undefined && owner !== id) throw new Error(`developer user is linked to ${owner}`);
    developerUsers = developerUsers.set(user, id);
  }
  return putPool(state, {
    ...entry,
    identities: entry.identities.set(id, frozenRecord(next)),
    logins,
    developerUsers,
  });
}

/** Removes an identity and every index entry pointing at it. */
export function deleteIdentity(state: CoreState, identity: StoredIdentity): CoreState {
  const unlinked = writeIdentity(state, { ...identity, logins: {}, developerUserIdentifiers: [] });
  const entry = unlinked.pools.get(identity.identityPoolId) as PoolEntry;
  return putPool(
    { ...unlinked, identityPools: unlinked.identityPools.delete(identity.identityId) },
    {
      ...entry,
      identities: entry.identities.delete(identity.identityId),
      order: entry.order.delete(identity.seq),
    },
  );
}

/** The identity without any login or developer user, disabled ("inaccessible"), modified now. */
export function disableIdentity(state: CoreState, identity: StoredIdentity, now: number): CoreState {
  return writeIdentity(state, {
    ...identity,
    logins: {},
    developerUserIdentifiers: [],
    loginClaims: {},
    disabled: true,
    lastModifiedDate: now,
  });
}

/**
 * The identity with some provider logins and developer users removed, modified now; disabled when nothing
 * is left linked ("Removing the last linked login will make this identity inaccessible").
 */
export function unlinkFromIdentity(
  state: CoreState,
  identity: StoredIdentity,
  remove: { readonly providers?: readonly string[]; readonly developerUsers?: readonly string[] },
  now: number,
): CoreState {
  const providers = new Set(remove.providers ?? []);
  const developerUsers = new Set(remove.developerUsers ?? []);
  const keep = <T>(entries: [string, T][]) => entries.filter(([provider]) => !providers.has(provider));
  const next: StoredIdentity = {
    ...identity,
    logins: Object.fromEntries(keep(Object.entries(identity.logins))),
    loginClaims: Object.fromEntries(keep(Object.entries(identity.loginClaims))),
    developerUserIdentifiers: identity.developerUserIdentifiers.filter((u) => !developerUsers.has(u)),
    lastModifiedDate: now,
  };
  return isAuthenticated(next) ? writeIdentity(state, next) : disableIdentity(state, identity, now);
}

/** The identities of a pool in creation order (state API; a full walk, not used by operations). */
export function identitiesOfPool(entry: PoolEntry): StoredIdentity[] {
  const out: StoredIdentity[] = [];
  for (const id of idsInSequence(entry.order, entry.nextSeq)) {
    const identity = entry.identities.get(id);
    if (identity) out.push(identity);
  }
  return out;
}
