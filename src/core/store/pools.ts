/**
 * Reading and writing pool entries. Every writer returns a new frozen state; nothing is modified in place.
 */
import { errors } from "../errors";
import type { Context, CoreState, PoolEntry, StoredPool } from "../state";
import { regionKey, regionOfKey } from "./keys";
import { PMap } from "./pmap";

/** The pool entry, if the pool exists in the caller's account and region. */
export function findPool(state: CoreState, poolId: string, ctx: Context): PoolEntry | undefined {
  const entry = state.pools.get(poolId);
  if (!entry || entry.pool.region !== ctx.region || entry.pool.accountId !== ctx.accountId) return undefined;
  return entry;
}

/** The pool entry, or `ResourceNotFoundException` with the real message. */
export function requirePool(state: CoreState, poolId: string, ctx: Context): PoolEntry {
  const entry = findPool(state, poolId, ctx);
  if (!entry) throw errors.poolNotFound(poolId);
  return entry;
}

/** A state with the entry stored under its pool id. */
export function putPool(state: CoreState, entry: PoolEntry): CoreState {
  return Object.freeze({ ...state, pools: state.pools.set(entry.pool.identityPoolId, Object.freeze(entry)) });
}

/** A state with a new pool added, with no identities, at the end of its region's listing order. */
export function addPool(state: CoreState, pool: StoredPool): CoreState {
  const key = regionKey(pool.accountId, pool.region);
  const order = [...(state.poolOrder.get(key) ?? []), pool.identityPoolId];
  const entry: PoolEntry = {
    pool,
    identities: PMap.empty(),
    logins: PMap.empty(),
    developerUsers: PMap.empty(),
    order: PMap.empty(),
    nextSeq: 0,
  };
  return putPool({ ...state, poolOrder: state.poolOrder.set(key, Object.freeze(order)) }, entry);
}

/**
 * A state without the pool and everything it owns: its identities and their indexes go with the pool entry,
 * and their entries of the global identity index are removed (one batch, about a microsecond per identity).
 */
export function removePool(state: CoreState, pool: StoredPool): CoreState {
  const key = regionKey(pool.accountId, pool.region);
  const order = (state.poolOrder.get(key) ?? []).filter((id) => id !== pool.identityPoolId);
  const owned = state.pools.get(pool.identityPoolId)?.identities;
  const identityPools = owned ? state.identityPools.deleteAll(owned.keys()) : state.identityPools;
  return Object.freeze({
    ...state,
    pools: state.pools.delete(pool.identityPoolId),
    poolOrder: state.poolOrder.set(key, Object.freeze(order)),
    identityPools,
  });
}

/** The ids of the pools of the caller's account and region, oldest first. */
export function poolIdsInRegion(state: CoreState, ctx: Context): readonly string[] {
  return state.poolOrder.get(regionKey(ctx.accountId, ctx.region)) ?? [];
}

/**
 * The regions that hold pools (of any account), each once.
 *
 * @example
 * ```ts
 * regionsInUse(state); // ["us-east-1", "eu-south-1"]
 * ```
 */
export function regionsInUse(state: CoreState): string[] {
  const regions = new Set<string>();
  for (const [key, ids] of state.poolOrder) if (ids.length > 0) regions.add(regionOfKey(key));
  return [...regions];
}
