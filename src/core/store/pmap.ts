/**
 * A persistent (immutable) hash map: a wide, shallow hash trie of small nodes (see `trie.ts`). Private to
 * `store/`: the rest of the core reads the state's maps through this type and writes through the store's
 * writers.
 *
 * Why not an immer-drafted `Map`: copy-on-write of one big collection costs time proportional to its size
 * (tens of milliseconds per insert at 100,000 entries). Here an update copies only the path from the root to
 * one leaf — three or four 32-slot arrays at 100,000 entries — so every update costs the same at any size, and
 * every old version stays valid and unchanged. That is what makes snapshots O(1): a snapshot is a reference.
 *
 * Bulk updates go through an explicit {@link PMapBatch}: nodes the batch creates are changed in place by its
 * later updates; nodes from before it are copied, so every earlier map stays unchanged.
 *
 * Keys are strings or non-negative integers (runs of consecutive integers share leaves and paths, see
 * `integerHash` in `hash.ts`).
 * Iteration order is canonical (by hash, not by insertion): two maps with the same entries iterate, print,
 * serialize and compare (`toEqual`) alike.
 */
import { type InspectOptionsStylized, inspect } from "node:util";
import { hashOf, type Key } from "./hash";
import { build, type Edit, type InsertFlags, insert, lookup, remove, type TrieNode, walk } from "./trie";
import { diffNodes } from "./trieDiff";

/**
 * A batch of updates to one map: an explicit transient. Use it for one chain of updates, then call
 * {@link PMapBatch.done}; the batch cannot be used afterwards.
 *
 * @example
 * ```ts
 * const batch = PMap.empty<number, number>().batch();
 * for (let i = 0; i < 1000; i++) batch.set(i, i);
 * const map = batch.done(); // map.size === 1000
 * ```
 */
export class PMapBatch<K extends Key, V> {
  #edit: Edit | null = {};
  #root: TrieNode<K, V> | undefined;
  #size: number;

  /** @internal Use {@link PMap.batch}. */
  constructor(root: TrieNode<K, V> | undefined, size: number) {
    this.#root = root;
    this.#size = size;
  }

  #open(): Edit {
    if (this.#edit === null) throw new Error("PMapBatch: used after done()");
    return this.#edit;
  }

  /** Sets `key` to `value`. */
  set(key: K, value: V): this {
    const flags: InsertFlags = { added: false, changed: false };
    this.#root = insert(this.#root, this.#open(), 0, hashOf(key), key, value, flags);
    if (flags.added) this.#size++;
    return this;
  }

  /** Removes `key` if present. */
  delete(key: K): this {
    const hash = hashOf(key);
    if (lookup(this.#root, hash, key) === undefined) return this;
    this.#root = remove(this.#root, this.#open(), 0, hash, key);
    this.#size--;
    return this;
  }

  /** The map the batch made; the batch is closed. */
  done(): PMap<K, V> {
    this.#open();
    this.#edit = null;
    return PMap.of(this.#root, this.#size);
  }
}

/**
 * An immutable map whose updates return a new map and share all untouched nodes with the old one.
 *
 * @example
 * ```ts
 * const a = PMap.empty<string, number>();
 * const b = a.set("x", 1);
 * a.get("x"); // undefined — `a` is unchanged
 * b.get("x"); // 1
 * ```
 */
export class PMap<K extends Key, V> implements Iterable<[K, V]> {
  static readonly #EMPTY = new PMap<never, never>(undefined, 0);
  readonly #root: TrieNode<K, V> | undefined;
  /** The number of entries. */
  readonly size: number;

  private constructor(root: TrieNode<K, V> | undefined, size: number) {
    this.#root = root;
    this.size = size;
    Object.freeze(this);
  }

  /** The empty map (one shared instance). */
  static empty<K extends Key, V>(): PMap<K, V> {
    return PMap.#EMPTY as unknown as PMap<K, V>;
  }

  /** @internal A map over a finished trie. */
  static of<K extends Key, V>(root: TrieNode<K, V> | undefined, size: number): PMap<K, V> {
    return root === undefined ? PMap.empty() : new PMap(root, size);
  }

  /** A batch of updates starting from this map (this map itself never changes). */
  batch(): PMapBatch<K, V> {
    return new PMapBatch(this.#root, this.size);
  }

  /**
   * A map with `keys[i]` set to `values[i]` (later entries win). Into an empty map the trie is built in one
   * pass; otherwise the entries are set as one batch.
   *
   * @example
   * ```ts
   * PMap.empty<number, string>().setAll([1, 2], ["a", "b"]).get(2); // "b"
   * ```
   */
  setAll(keys: readonly K[], values: readonly V[]): PMap<K, V> {
    if (keys.length === 0) return this;
    if (this.size > 0) {
      const batch = this.batch();
      for (let i = 0; i < keys.length; i++) batch.set(keys[i] as K, values[i] as V);
      return batch.done();
    }
    const count = { value: 0 };
    const root = build(keys.map(hashOf), keys as K[], values as V[], 0, count);
    return new PMap(root, count.value);
  }

  /**
   * A map with every entry set (later entries win).
   *
   * @example
   * ```ts
   * PMap.empty<string, number>().setMany([["a", 1], ["b", 2]]).size; // 2
   * ```
   */
  setMany(entries: Iterable<readonly [K, V]>): PMap<K, V> {
    const keys: K[] = [];
    const values: V[] = [];
    for (const [k, v] of entries) {
      keys.push(k);
      values.push(v);
    }
    return this.setAll(keys, values);
  }

  /** A map without any of `keys`, removed as one batch. */
  deleteAll(keys: Iterable<K>): PMap<K, V> {
    const batch = this.batch();
    for (const key of keys) batch.delete(key);
    return batch.done();
  }

  /** The value under `key`, or `undefined`. */
  get(key: K): V | undefined {
    return lookup(this.#root, hashOf(key), key);
  }

  /** Whether `key` is present. */
  has(key: K): boolean {
    return this.get(key) !== undefined;
  }

  /** A map with `key` set to `value`; `this` when the value is already there. */
  set(key: K, value: V): PMap<K, V> {
    const flags: InsertFlags = { added: false, changed: false };
    const root = insert(this.#root, null, 0, hashOf(key), key, value, flags);
    if (!flags.changed) return this;
    return new PMap(root, flags.added ? this.size + 1 : this.size);
  }

  /** A map without `key`; `this` when the key is absent. */
  delete(key: K): PMap<K, V> {
    if (!this.has(key)) return this;
    return PMap.of(remove(this.#root, null, 0, hashOf(key), key), this.size - 1);
  }

  /**
   * The entries that differ from `other` (an earlier version, say), as `[key, valueInOther, valueHere]`,
   * `undefined` for an absent side; values compared by identity. Shared subtrees are skipped: the cost follows
   * the number of updates between the two versions, not their size.
   *
   * @example
   * ```ts
   * const a = PMap.empty<string, number>().set("x", 1);
   * [...a.set("y", 2).diff(a)]; // [["y", undefined, 2]]
   * ```
   */
  *diff(other: PMap<K, V>): Generator<[K, V | undefined, V | undefined]> {
    yield* diffNodes(other.#root, this.#root);
  }

  /** All entries, in the canonical (hash) order. */
  [Symbol.iterator](): Iterator<[K, V]> {
    return walk(this.#root);
  }

  /** All values, in the canonical order. */
  *values(): Generator<V> {
    for (const [, v] of this) yield v;
  }

  /** All keys, in the canonical order. */
  *keys(): Generator<K> {
    for (const [k] of this) yield k;
  }

  /** The entries as a plain object (keys as strings), for `JSON.stringify`. */
  toJSON(): Record<string, V> {
    return Object.fromEntries(this);
  }

  /** How Node's `util.inspect` (and `console.log`) prints it: like a `Map`, as `PMap(n) { key => value, … }`. */
  [inspect.custom](depth: number, options: InspectOptionsStylized, nodeInspect: typeof inspect): string {
    if (depth < 0) return `[PMap(${this.size})]`;
    return nodeInspect(new Map(this), options).replace(/^Map/, "PMap");
  }
}
