/**
 * Invariants of the fake's state, checked by walking `fake.state` as its layout documents it (`src/core/state.ts`):
 * pools → identities / logins / developerUsers / order, `poolOrder` and the global `identityPools`. Written
 * against the layout, not with the fake's own helpers: every index is rebuilt here from the records and compared
 * with the stored one.
 */
import type { CoreState, StoredIdentity } from "../../../src/core";

/** Linked logins per identity (provider logins and developer user identifiers together). */
const MAX_LINKED = 20;

const fail = (message: string): never => {
  throw new Error(`invariant violated: ${message}`);
};

/** What the walk found besides violations. */
export interface InvariantReport {
  readonly pools: number;
  readonly identities: number;
}

function entriesOf<K, V>(map: Iterable<[K, V]> & { readonly size: number }, what: string): [K, V][] {
  const entries = [...map];
  if (entries.length !== map.size) fail(`${what}: size ${map.size} but ${entries.length} entries`);
  return entries;
}

/**
 * Checks every invariant; throws on the first violation.
 * - records are frozen and keyed by their own id; pool ids appear once in `poolOrder`, under their region;
 * - inside a pool, `logins`, `developerUsers` and `order` are exactly the indexes the records imply;
 * - every linked login and developer user belongs to exactly one identity; at most 20 per identity;
 * - disabled identities carry no logins and no developer users;
 * - `identityPools` has every identity under its pool, and nothing that points into a live pool wrongly.
 */
export function checkInvariants(state: CoreState): InvariantReport {
  if (!Object.isFrozen(state)) fail("the state object is not frozen");
  const listed = new Map<string, string>();
  for (const [key, region] of entriesOf(state.poolOrder, "poolOrder")) {
    if (!Object.isFrozen(region)) fail(`poolOrder ${key} is not frozen`);
    for (const [seq, id] of entriesOf(region.order, `poolOrder ${key}`)) {
      if (!Number.isInteger(seq) || seq < 0 || seq >= region.nextSeq)
        fail(`poolOrder ${key}: sequence ${seq} outside 0..${region.nextSeq - 1}`);
      if (listed.has(id)) fail(`pool ${id} listed twice in poolOrder`);
      listed.set(id, key);
    }
  }
  let identities = 0;
  for (const [poolId, entry] of entriesOf(state.pools, "pools")) {
    const { pool } = entry;
    if (!Object.isFrozen(entry) || !Object.isFrozen(pool) || !Object.isFrozen(pool.config))
      fail(`pool ${poolId} is not frozen`);
    if (pool.identityPoolId !== poolId || pool.config.IdentityPoolId !== poolId)
      fail(`pool stored under ${poolId} says ${pool.identityPoolId}`);
    if (listed.get(poolId) !== `${pool.accountId}/${pool.region}`)
      fail(`pool ${poolId} is listed under ${listed.get(poolId)}, not ${pool.accountId}/${pool.region}`);
    listed.delete(poolId);

    const expectedLogins = new Map<string, string>();
    const expectedDevelopers = new Map<string, string>();
    const expectedOrder = new Map<number, string>();
    for (const [id, identity] of entriesOf(entry.identities, `identities of ${poolId}`)) {
      identities++;
      checkIdentity(poolId, pool.region, id, identity, entry.nextSeq);
      if (state.identityPools.get(id) !== poolId)
        fail(`identityPools[${id}] is ${state.identityPools.get(id)}, not ${poolId}`);
      for (const [provider, user] of Object.entries(identity.logins)) {
        const key = `${provider}\n${user}`;
        const other = expectedLogins.get(key);
        if (other !== undefined) fail(`login ${provider}/${user} belongs to ${other} and ${id}`);
        expectedLogins.set(key, id);
      }
      for (const user of identity.developerUserIdentifiers) {
        const other = expectedDevelopers.get(user);
        if (other !== undefined) fail(`developer user ${user} belongs to ${other} and ${id}`);
        expectedDevelopers.set(user, id);
      }
      if (expectedOrder.has(identity.seq)) fail(`seq ${identity.seq} used twice in ${poolId}`);
      expectedOrder.set(identity.seq, id);
    }
    sameIndex(`logins of ${poolId}`, entriesOf(entry.logins, `logins of ${poolId}`), expectedLogins);
    sameIndex(
      `developerUsers of ${poolId}`,
      entriesOf(entry.developerUsers, `developerUsers of ${poolId}`),
      expectedDevelopers,
    );
    sameIndex(`order of ${poolId}`, entriesOf(entry.order, `order of ${poolId}`), expectedOrder);
  }
  if (listed.size > 0) fail(`poolOrder lists pools that do not exist: ${[...listed.keys()].join(", ")}`);

  for (const [id, poolId] of entriesOf(state.identityPools, "identityPools")) {
    const entry = state.pools.get(poolId);
    if (entry === undefined) fail(`identityPools[${id}] points at ${poolId}, a pool that no longer exists`);
    else if (!entry.identities.has(id))
      fail(`identityPools[${id}] points at ${poolId}, which does not have it`);
  }
  if (state.identityPools.size !== identities) {
    fail(`identityPools has ${state.identityPools.size} entries for ${identities} identities`);
  }
  return { pools: state.pools.size, identities };
}

function checkIdentity(
  poolId: string,
  region: string,
  id: string,
  identity: StoredIdentity,
  nextSeq: number,
): void {
  if (
    !Object.isFrozen(identity) ||
    !Object.isFrozen(identity.logins) ||
    !Object.isFrozen(identity.developerUserIdentifiers)
  )
    fail(`identity ${id} is not frozen`);
  if (identity.identityId !== id) fail(`identity stored under ${id} says ${identity.identityId}`);
  if (identity.identityPoolId !== poolId)
    fail(`identity ${id} says pool ${identity.identityPoolId}, lives in ${poolId}`);
  if (!id.startsWith(`${region}:`)) fail(`identity ${id} is not in its pool's region ${region}`);
  if (!(identity.seq >= 0 && identity.seq < nextSeq))
    fail(`identity ${id} has seq ${identity.seq} >= ${nextSeq}`);
  const linked = Object.keys(identity.logins).length + identity.developerUserIdentifiers.length;
  if (identity.disabled && linked > 0) fail(`disabled identity ${id} still carries ${linked} logins`);
  if (linked > MAX_LINKED) fail(`identity ${id} carries ${linked} logins`);
  if (new Set(identity.developerUserIdentifiers).size !== identity.developerUserIdentifiers.length)
    fail(`identity ${id} lists a developer user twice`);
  if (identity.lastModifiedDate < identity.creationDate)
    fail(`identity ${id} modified before it was created`);
}

function sameIndex<K, V>(what: string, stored: [K, V][], expected: Map<K, V>): void {
  if (stored.length !== expected.size)
    fail(`${what}: ${stored.length} entries, the records imply ${expected.size}`);
  for (const [k, v] of stored) {
    if (expected.get(k) !== v)
      fail(`${what}: ${String(k)} → ${String(v)}, the records say ${String(expected.get(k))}`);
  }
}

/**
 * A text of everything a state holds. Taken when a snapshot is made and again later from the same snapshot, it
 * shows the snapshot still describes the state it was taken of (an unchanged map iterates in the same order, so
 * no sorting is needed to compare a state with itself).
 */
export function digest(state: CoreState): string {
  return JSON.stringify({
    seed: state.seed,
    idPosition: state.idPosition,
    poolOrder: [...state.poolOrder].map(([key, region]) => [key, region.nextSeq, [...region.order]]),
    identityPools: [...state.identityPools],
    pools: [...state.pools].map(([id, entry]) => [
      id,
      entry.pool,
      entry.nextSeq,
      [...entry.identities],
      [...entry.logins],
      [...entry.developerUsers],
      [...entry.order],
    ]),
  });
}
