/**
 * Reading and writing pool entries. Every writer returns a new frozen state; nothing is modified in place.
 */
import { errors } from "../errors";
import type { Context, CoreState, PoolEntry, RegionPools, StoredPool } from "../state";
import { regionKey, regionOfKey } from "./keys";
import { PMap } from "./pmap";
import { idsInSequence } from "./sequence";

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

/** A region with no pools. */
const NO_POOLS: RegionPools = Object.freeze({ order: PMap.empty<number, string>(), nextSeq: 0 });

/** The pools of an account in a region (none if it never had any). */
const regionPools = (state: CoreState, accountId: string, region: string): RegionPools =>
  state.poolOrder.get(regionKey(accountId, region)) ?? NO_POOLS;

/**
 * A state with a new pool added, with no identities, at the end of its region's listing order: one entry of the
 * region's order map, so a pool costs the same to create as the region's 1st or its 1,000th.
 */
export function addPool(state: CoreState, pool: StoredPool): CoreState {
  const key = regionKey(pool.accountId, pool.region);
  const region = regionPools(state, pool.accountId, pool.region);
  const listed: RegionPools = Object.freeze({
    order: region.order.set(region.nextSeq, pool.identityPoolId),
    nextSeq: region.nextSeq + 1,
  });
  const entry: PoolEntry = {
    pool,
    identities: PMap.empty(),
    logins: PMap.empty(),
    developerUsers: PMap.empty(),
    order: PMap.empty(),
    nextSeq: 0,
  };
  return putPool({ ...state, poolOrder: state.poolOrder.set(key, listed) }, entry);
}

/**
 * A state without the pool and everything it owns: its identities and their indexes go with the pool entry,
 * and their entries of the global identity index are removed (one batch, about a microsecond per identity).
 */
export function removePool(state: CoreState, pool: StoredPool): CoreState {
  const key = regionKey(pool.accountId, pool.region);
  const region = regionPools(state, pool.accountId, pool.region);
  let order = region.order;
  for (const [seq, id] of region.order) {
    if (id === pool.identityPoolId) {
      order = order.delete(seq);
      break;
    }
  }
  const owned = state.pools.get(pool.identityPoolId)?.identities;
  const identityPools = owned ? state.identityPools.deleteAll(owned.keys()) : state.identityPools;
  return Object.freeze({
    ...state,
    pools: state.pools.delete(pool.identityPoolId),
    poolOrder: state.poolOrder.set(key, Object.freeze({ order, nextSeq: region.nextSeq })),
    identityPools,
  });
}

/**
 * The listing of the caller's account and region: the pool id at each creation sequence below `end` (a deleted
 * pool's sequence reads `undefined`), oldest first.
 *
 * @example
 * ```ts
 * const listing = regionListing(state, ctx);
 * for (let seq = 0; seq < listing.end; seq++) listing.idAt(seq); // a pool id, or undefined
 * ```
 */
export function regionListing(
  state: CoreState,
  ctx: Context,
): { readonly end: number; idAt(seq: number): string | undefined } {
  const { order, nextSeq } = regionPools(state, ctx.accountId, ctx.region);
  return { end: nextSeq, idAt: (seq) => order.get(seq) };
}

/** How many pools the caller's account has in its region. */
export const poolCountInRegion = (state: CoreState, ctx: Context): number =>
  regionPools(state, ctx.accountId, ctx.region).order.size;

/** The ids of the pools of the caller's account and region, oldest first. */
export function poolIdsInRegion(state: CoreState, ctx: Context): string[] {
  const { order, nextSeq } = regionPools(state, ctx.accountId, ctx.region);
  return idsInSequence(order, nextSeq);
}

/** Every pool id, region by region, each region's oldest first (the order of a state file). */
export function listedPoolIds(state: CoreState): string[] {
  const ids: string[] = [];
  for (const [, { order, nextSeq }] of state.poolOrder) ids.push(...idsInSequence(order, nextSeq));
  return ids;
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
  for (const [key, region] of state.poolOrder) if (region.order.size > 0) regions.add(regionOfKey(key));
  return [...regions];
}
