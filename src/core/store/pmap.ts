/**
 * A persistent (immutable) hash map: a wide, shallow hash trie of small frozen nodes.
 *
 * Why not an immer-drafted `Map`: copy-on-write of one big collection costs time proportional to its size
 * (inserting into a 100,000-entry `Map` through immer costs tens of milliseconds). Here an update copies only
 * the path from the root to one leaf — at most seven 32-slot arrays, in practice three or four at 100,000
 * entries — so every update costs the same at any size, and every old version stays valid and unchanged.
 * That is what makes snapshots O(1): a snapshot is just a reference.
 *
 * Keys are strings or non-negative integers. Integer keys use their own value as the hash, so sequential
 * integers fill the trie perfectly (used for creation-ordered sequences).
 */

const BITS = 5;
const MASK = (1 << BITS) - 1;
/** Entries a leaf holds before it splits into a branch. */
const BUCKET = 8;
/** Past this shift every hash bit is used: leaves then grow without splitting (full hash collisions). */
const MAX_SHIFT = 30;

type Key = string | number;

interface Leaf<K extends Key, V> {
  readonly hashes: readonly number[];
  readonly keys: readonly K[];
  readonly values: readonly V[];
}
interface Branch<K extends Key, V> {
  readonly slots: readonly (TrieNode<K, V> | undefined)[];
}
type TrieNode<K extends Key, V> = Leaf<K, V> | Branch<K, V>;

const isBranch = <K extends Key, V>(node: TrieNode<K, V>): node is Branch<K, V> => "slots" in node;

/** FNV-1a over UTF-16 code units; integers hash to themselves. */
function hashOf(key: Key): number {
  if (typeof key === "number") return key >>> 0;
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function leaf<K extends Key, V>(hashes: number[], keys: K[], values: V[]): Leaf<K, V> {
  return Object.freeze({
    hashes: Object.freeze(hashes),
    keys: Object.freeze(keys),
    values: Object.freeze(values),
  });
}

function branch<K extends Key, V>(slots: (TrieNode<K, V> | undefined)[]): Branch<K, V> {
  return Object.freeze({ slots: Object.freeze(slots) });
}

function lookup<K extends Key, V>(root: TrieNode<K, V> | undefined, hash: number, key: K): V | undefined {
  let node = root;
  let shift = 0;
  while (node !== undefined) {
    if (!isBranch(node)) {
      const { keys } = node;
      for (let i = 0; i < keys.length; i++) if (keys[i] === key) return node.values[i];
      return undefined;
    }
    node = node.slots[(hash >>> shift) & MASK];
    shift += BITS;
  }
  return undefined;
}

/** Returns the same node when nothing changed; `added` tells whether the key was new. */
function insert<K extends Key, V>(
  node: TrieNode<K, V> | undefined,
  shift: number,
  hash: number,
  key: K,
  value: V,
  added: { value: boolean },
): TrieNode<K, V> {
  if (node === undefined) {
    added.value = true;
    return leaf([hash], [key], [value]);
  }
  if (isBranch(node)) {
    const index = (hash >>> shift) & MASK;
    const child = node.slots[index];
    const next = insert(child, shift + BITS, hash, key, value, added);
    if (next === child) return node;
    const slots = node.slots.slice();
    slots[index] = next;
    return branch(slots);
  }
  const at = node.keys.indexOf(key);
  if (at >= 0) {
    if (node.values[at] === value) return node;
    const values = node.values.slice();
    values[at] = value;
    return leaf(node.hashes.slice(), node.keys.slice(), values);
  }
  if (node.keys.length < BUCKET || shift > MAX_SHIFT) {
    added.value = true;
    return leaf([...node.hashes, hash], [...node.keys, key], [...node.values, value]);
  }
  const slots: (TrieNode<K, V> | undefined)[] = new Array(1 << BITS);
  let split: TrieNode<K, V> = branch(slots);
  const ignored = { value: false };
  for (let i = 0; i < node.keys.length; i++) {
    split = insert(split, shift, node.hashes[i] as number, node.keys[i] as K, node.values[i] as V, ignored);
  }
  return insert(split, shift, hash, key, value, added);
}

function remove<K extends Key, V>(
  node: TrieNode<K, V> | undefined,
  shift: number,
  hash: number,
  key: K,
): TrieNode<K, V> | undefined {
  if (node === undefined) return undefined;
  if (isBranch(node)) {
    const index = (hash >>> shift) & MASK;
    const child = node.slots[index];
    const next = remove(child, shift + BITS, hash, key);
    if (next === child) return node;
    const slots = node.slots.slice();
    slots[index] = next;
    return slots.some((s) => s !== undefined) ? branch(slots) : undefined;
  }
  const at = node.keys.indexOf(key);
  if (at < 0) return node;
  if (node.keys.length === 1) return undefined;
  const drop = <T>(list: readonly T[]): T[] => list.filter((_, i) => i !== at);
  return leaf(drop(node.hashes), drop(node.keys), drop(node.values));
}

function* walk<K extends Key, V>(node: TrieNode<K, V> | undefined): Generator<[K, V]> {
  if (node === undefined) return;
  if (isBranch(node)) {
    for (const slot of node.slots) yield* walk(slot);
    return;
  }
  for (let i = 0; i < node.keys.length; i++) yield [node.keys[i] as K, node.values[i] as V];
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
  private static readonly EMPTY = new PMap<never, never>(undefined, 0);

  private constructor(
    private readonly root: TrieNode<K, V> | undefined,
    /** The number of entries. */
    readonly size: number,
  ) {
    Object.freeze(this);
  }

  /** The empty map (one shared instance). */
  static empty<K extends Key, V>(): PMap<K, V> {
    return PMap.EMPTY as unknown as PMap<K, V>;
  }

  /** Builds a map from entries in one pass. */
  static from<K extends Key, V>(entries: Iterable<readonly [K, V]>): PMap<K, V> {
    let map = PMap.empty<K, V>();
    for (const [k, v] of entries) map = map.set(k, v);
    return map;
  }

  /** The value under `key`, or `undefined`. */
  get(key: K): V | undefined {
    return lookup(this.root, hashOf(key), key);
  }

  /** Whether `key` is present. */
  has(key: K): boolean {
    return this.get(key) !== undefined;
  }

  /** A map with `key` set to `value`; `this` when the value is already there. */
  set(key: K, value: V): PMap<K, V> {
    const added = { value: false };
    const root = insert(this.root, 0, hashOf(key), key, value, added);
    if (root === this.root) return this;
    return new PMap(root, added.value ? this.size + 1 : this.size);
  }

  /** A map without `key`; `this` when the key is absent. */
  delete(key: K): PMap<K, V> {
    const root = remove(this.root, 0, hashOf(key), key);
    if (root === this.root) return this;
    return root === undefined ? PMap.empty() : new PMap(root, this.size - 1);
  }

  /** All entries, in hash order (stable for the same contents, not insertion order). */
  [Symbol.iterator](): Iterator<[K, V]> {
    return walk(this.root);
  }

  /** All values, in hash order. */
  *values(): Generator<V> {
    for (const [, v] of this) yield v;
  }

  /** All keys, in hash order. */
  *keys(): Generator<K> {
    for (const [k] of this) yield k;
  }
}
