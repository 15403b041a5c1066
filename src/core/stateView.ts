/**
 * `fake.state`: the whole state in the service's vocabulary, as two read-only, map-like views over the store.
 * Nothing is copied: a lookup goes through the store's index and builds (or reuses) the record on access;
 * iterating walks the store in creation order. A state object never changes, so neither does its view.
 */
import { type InspectOptionsStylized, inspect } from "node:util";
import type { CoreState, PoolEntry } from "./state";
import { identitiesOfPool, identityAnywhere } from "./store/identities";
import { type IdentityPoolRecord, type IdentityRecord, identityRecord, poolRecord } from "./views";

/**
 * The whole state of a fake at one moment, frozen: pools by id and identities by id, every region included.
 *
 * @example
 * ```ts
 * const { IdentityPools, Identities } = fake.state;
 * IdentityPools.get(pool.IdentityPoolId)?.IdentityPoolName; // "app"
 * [...Identities.values()].filter((i) => i.Disabled).length; // 0
 * ```
 */
export interface FakeState {
  /** Pool id → pool record, oldest first. */
  readonly IdentityPools: ReadonlyMap<string, IdentityPoolRecord>;
  /** Identity id → identity record, pool by pool (oldest pool first), oldest first within a pool. */
  readonly Identities: ReadonlyMap<string, IdentityRecord>;
}

/** Pool entries, oldest first, every region. */
function entriesInOrder(state: CoreState): PoolEntry[] {
  return [...state.pools.values()].sort((a, b) => a.pool.listSeq - b.pool.listSeq);
}

/** A read-only map view: lookups and iteration delegate to the store; prints and serializes as a map. */
class StoreView<V> implements ReadonlyMap<string, V> {
  constructor(
    private readonly lookup: (key: string) => V | undefined,
    private readonly walk: () => Iterable<[string, V]>,
    private readonly count: () => number,
  ) {
    Object.freeze(this);
  }

  get(key: string): V | undefined {
    return typeof key === "string" ? this.lookup(key) : undefined;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  get size(): number {
    return this.count();
  }

  *entries(): MapIterator<[string, V]> {
    yield* this.walk();
  }

  *keys(): MapIterator<string> {
    for (const [key] of this.walk()) yield key;
  }

  *values(): MapIterator<V> {
    for (const [, value] of this.walk()) yield value;
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.walk()) callback.call(thisArg, value, key, this);
  }

  /** How Node's `util.inspect` (and `console.log`) prints it: as the `Map` of its records. */
  [inspect.custom](depth: number, options: InspectOptionsStylized, nodeInspect: typeof inspect): string {
    if (depth < 0) return `[Map(${this.size})]`;
    return nodeInspect(new Map(this.walk()), options);
  }

  /** Printed by jest and Node as a `Map`. */
  get [Symbol.toStringTag](): string {
    return "Map";
  }

  /** `JSON.stringify` gives an object keyed by id. */
  toJSON(): Record<string, V> {
    return Object.fromEntries(this.walk());
  }
}

const views = new WeakMap<CoreState, FakeState>();

/**
 * The public, frozen view of a state (one per state object).
 *
 * @example
 * ```ts
 * stateView(initialState(1)).IdentityPools.size; // 0
 * ```
 */
export function stateView(state: CoreState): FakeState {
  let view = views.get(state);
  if (view) return view;
  view = Object.freeze({
    IdentityPools: new StoreView<IdentityPoolRecord>(
      (id) => {
        const entry = state.pools.get(id);
        return entry ? poolRecord(entry.pool) : undefined;
      },
      function* () {
        for (const entry of entriesInOrder(state)) yield [entry.pool.identityPoolId, poolRecord(entry.pool)];
      },
      () => state.pools.size,
    ),
    Identities: new StoreView<IdentityRecord>(
      (id) => {
        const stored = identityAnywhere(state, id);
        return stored ? identityRecord(stored) : undefined;
      },
      function* () {
        for (const entry of entriesInOrder(state)) {
          for (const stored of identitiesOfPool(entry)) yield [stored.identityId, identityRecord(stored)];
        }
      },
      () => {
        let count = 0;
        for (const entry of state.pools.values()) count += entry.identities.size;
        return count;
      },
    ),
  });
  views.set(state, view);
  return view;
}
