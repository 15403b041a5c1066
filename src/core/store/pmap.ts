/**
 * A persistent (immutable) hash map: a wide, shallow hash trie of small frozen nodes.
 *
 * Why not an immer-drafted `Map`: copy-on-write of one big collection costs time proportional to its size
 * (inserting into a 100,000-entry `Map` through immer costs tens of milliseconds). Here an update copies only
 * the path from the root to one leaf — at most seven 32-slot arrays, in practice three or four at 100,000
 * entries — so every update costs the same at any size, and every old version stays valid and unchanged.
 * Nodes are private and never mutated once published; the map object itself is frozen. (Freezing every node
 * as well would triple the cost of an update for no protection the encapsulation does not already give.)
 * That is what makes snapshots O(1): a snapshot is just a reference.
 *
 * Bulk loading: inside {@link PMap.batch}, nodes created during the batch belong to it and later updates in
 * the same batch change them in place instead of copying (Clojure's transients). Nodes that existed before
 * the batch are still copied, so every map that existed before the batch stays unchanged; only the
 * intermediate versions made inside the batch must not be kept.
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

/** The token of a running batch; nodes carrying it may be changed in place until the batch ends. */
type Edit = object;
let currentEdit: Edit | null = null;

/** Whether a node was made in the running batch. */
const owned = (node: { readonly owner: Edit | null }): boolean =>
  currentEdit !== null && node.owner === currentEdit;

/** A bucket of up to {@link BUCKET} entries (more only when every hash bit is used up). */
class Leaf<K extends Key, V> {
  readonly owner: Edit | null = currentEdit;
  constructor(
    readonly hashes: number[],
    readonly keys: K[],
    readonly values: V[],
  ) {}
}

/** A 32-slot interior node. */
class Branch<K extends Key, V> {
  readonly owner: Edit | null = currentEdit;
  constructor(readonly slots: (TrieNode<K, V> | undefined)[]) {}
}

type TrieNode<K extends Key, V> = Leaf<K, V> | Branch<K, V>;

/** Characters of a string key that the hash reads, from its end (ids and index keys differ most there). */
const HASHED_CHARS = 24;

/**
 * FNV-1a over the length and the last {@link HASHED_CHARS} UTF-16 code units of a string; integers hash to
 * themselves. Keys that share those characters only end up in the same bucket: lookups compare keys, so the
 * map stays correct whatever the keys.
 */
function hashOf(key: Key): number {
  if (typeof key === "number") return key >>> 0;
  let h = Math.imul(0x811c9dc5 ^ key.length, 0x01000193);
  for (let i = Math.max(0, key.length - HASHED_CHARS); i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // A final avalanche (MurmurHash3's fmix32): FNV leaves the low bits, which pick the first levels' slots,
  // depending on the last characters only.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function lookup<K extends Key, V>(root: TrieNode<K, V> | undefined, hash: number, key: K): V | undefined {
  let node = root;
  let shift = 0;
  while (node !== undefined) {
    if (node instanceof Leaf) {
      const { hashes, keys } = node;
      for (let i = 0; i < keys.length; i++) if (hashes[i] === hash && keys[i] === key) return node.values[i];
      return undefined;
    }
    node = node.slots[(hash >>> shift) & MASK];
    shift += BITS;
  }
  return undefined;
}

/** A copy of `list` with `item` at the end (a plain loop: faster than spreading for these short arrays). */
function appended<T>(list: readonly T[], item: T): T[] {
  const n = list.length;
  const out = new Array<T>(n + 1);
  for (let i = 0; i < n; i++) out[i] = list[i] as T;
  out[n] = item;
  return out;
}

/** What an insert did: whether the key was new, and whether anything changed (in place or by copying). */
interface InsertFlags {
  added: boolean;
  changed: boolean;
}

/** Returns the same node when nothing changed, or when it changed a node of the running batch in place. */
function insert<K extends Key, V>(
  node: TrieNode<K, V> | undefined,
  shift: number,
  hash: number,
  key: K,
  value: V,
  flags: InsertFlags,
): TrieNode<K, V> {
  if (node === undefined) {
    flags.added = true;
    flags.changed = true;
    return new Leaf([hash], [key], [value]);
  }
  if (node instanceof Branch) {
    const index = (hash >>> shift) & MASK;
    const child = node.slots[index];
    const next = insert(child, shift + BITS, hash, key, value, flags);
    if (next === child) return node;
    if (owned(node)) {
      node.slots[index] = next;
      return node;
    }
    const slots = node.slots.slice();
    slots[index] = next;
    return new Branch(slots);
  }
  const at = node.keys.indexOf(key);
  if (at >= 0) {
    if (node.values[at] === value) return node;
    flags.changed = true;
    if (owned(node)) {
      node.values[at] = value;
      return node;
    }
    const values = node.values.slice();
    values[at] = value;
    return new Leaf(node.hashes.slice(), node.keys.slice(), values);
  }
  if (node.keys.length < BUCKET || shift > MAX_SHIFT) {
    flags.added = true;
    flags.changed = true;
    return new Leaf(appended(node.hashes, hash), appended(node.keys, key), appended(node.values, value));
  }
  const slots: (TrieNode<K, V> | undefined)[] = new Array(1 << BITS).fill(undefined);
  let split: TrieNode<K, V> = new Branch(slots);
  const ignored: InsertFlags = { added: false, changed: false };
  for (let i = 0; i < node.keys.length; i++) {
    split = insert(split, shift, node.hashes[i] as number, node.keys[i] as K, node.values[i] as V, ignored);
  }
  return insert(split, shift, hash, key, value, flags);
}

function remove<K extends Key, V>(
  node: TrieNode<K, V> | undefined,
  shift: number,
  hash: number,
  key: K,
): TrieNode<K, V> | undefined {
  if (node === undefined) return undefined;
  if (node instanceof Branch) {
    const index = (hash >>> shift) & MASK;
    const child = node.slots[index];
    const next = remove(child, shift + BITS, hash, key);
    if (next === child) return node;
    if (owned(node)) {
      node.slots[index] = next;
      return node.slots.some((s) => s !== undefined) ? node : undefined;
    }
    const slots = node.slots.slice();
    slots[index] = next;
    return slots.some((s) => s !== undefined) ? new Branch(slots) : undefined;
  }
  const at = node.keys.indexOf(key);
  if (at < 0) return node;
  if (node.keys.length === 1) return undefined;
  const drop = <T>(list: readonly T[]): T[] => list.filter((_, i) => i !== at);
  return new Leaf(drop(node.hashes), drop(node.keys), drop(node.values));
}

/**
 * A leaf from entries that may repeat a key: the later entry wins, in the earlier one's place. The arrays are
 * exact-size copies (the inputs grew by push and carry spare capacity).
 */
function leafOf<K extends Key, V>(
  hashes: number[],
  keys: K[],
  values: V[],
  count: { value: number },
): Leaf<K, V> {
  let repeats = false;
  for (let i = 1; i < keys.length && !repeats; i++) repeats = keys.indexOf(keys[i] as K) < i;
  if (!repeats) {
    count.value += keys.length;
    return new Leaf(hashes.slice(), keys.slice(), values.slice());
  }
  const h: number[] = [];
  const k: K[] = [];
  const v: V[] = [];
  for (let i = 0; i < keys.length; i++) {
    const at = k.indexOf(keys[i] as K);
    if (at >= 0) v[at] = values[i] as V;
    else {
      h.push(hashes[i] as number);
      k.push(keys[i] as K);
      v.push(values[i] as V);
    }
  }
  count.value += k.length;
  return new Leaf(h.slice(), k.slice(), v.slice());
}

/**
 * Builds a trie from entries in one pass: entries are split by hash digit level by level and every node is
 * written once (no path copying, no re-splitting); repeated keys are resolved in the leaves. `count` receives
 * the number of distinct keys.
 */
function build<K extends Key, V>(
  hashes: number[],
  keys: K[],
  values: V[],
  shift: number,
  count: { value: number },
): TrieNode<K, V> {
  if (keys.length <= BUCKET || shift > MAX_SHIFT) return leafOf(hashes, keys, values, count);
  const parts: { hashes: number[]; keys: K[]; values: V[] }[] = [];
  for (let i = 0; i < keys.length; i++) {
    const hash = hashes[i] as number;
    const index = (hash >>> shift) & MASK;
    let part = parts[index];
    if (!part) {
      part = { hashes: [], keys: [], values: [] };
      parts[index] = part;
    }
    part.hashes.push(hash);
    part.keys.push(keys[i] as K);
    part.values.push(values[i] as V);
  }
  const slots: (TrieNode<K, V> | undefined)[] = new Array(1 << BITS).fill(undefined);
  for (let index = 0; index < slots.length; index++) {
    const part = parts[index];
    if (part) slots[index] = build(part.hashes, part.keys, part.values, shift + BITS, count);
  }
  return new Branch(slots);
}

function* walk<K extends Key, V>(node: TrieNode<K, V> | undefined): Generator<[K, V]> {
  if (node === undefined) return;
  if (node instanceof Branch) {
    for (const slot of node.slots) yield* walk(slot);
    return;
  }
  for (let i = 0; i < node.keys.length; i++) yield [node.keys[i] as K, node.values[i] as V];
}

/**
 * The entries that differ between two tries, as `[key, before, after]` (`undefined` for an absent side).
 * Subtrees the two share are skipped, so two versions a few updates apart are compared in time proportional
 * to the updates, whatever their size. Values are compared by identity.
 */
function* diffNodes<K extends Key, V>(
  a: TrieNode<K, V> | undefined,
  b: TrieNode<K, V> | undefined,
): Generator<[K, V | undefined, V | undefined]> {
  if (a === b) return;
  if (a instanceof Branch && b instanceof Branch) {
    for (let i = 0; i < a.slots.length; i++) yield* diffNodes(a.slots[i], b.slots[i]);
    return;
  }
  const before = new Map(walk(a));
  for (const [key, value] of walk(b)) {
    const old = before.get(key);
    before.delete(key);
    if (old !== value) yield [key, old, value];
  }
  for (const [key, old] of before) yield [key, old, undefined];
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

  /**
   * Runs `fn` as one batch: maps updated inside it reuse the nodes the batch made instead of copying them,
   * which makes bulk loading several times faster. Maps from before the batch are never changed; keep only
   * the final result of a chain of updates made inside it. Nested batches join the outer one.
   *
   * @example
   * ```ts
   * const big = PMap.batch(() => {
   *   let m = PMap.empty<number, number>();
   *   for (let i = 0; i < 100_000; i++) m = m.set(i, i);
   *   return m;
   * });
   * ```
   */
  static batch<T>(fn: () => T): T {
    if (currentEdit !== null) return fn();
    currentEdit = {};
    try {
      return fn();
    } finally {
      currentEdit = null;
    }
  }

  /**
   * A map with every entry set (later entries win over earlier ones with the same key). Into an empty map the
   * trie is built in one pass, several times faster than one `set` per entry; otherwise the entries are set as
   * one batch.
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

  /**
   * {@link PMap.setMany} from parallel arrays: `keys[i]` is set to `values[i]`. Spares building a pair per
   * entry when loading many.
   *
   * @example
   * ```ts
   * PMap.empty<number, string>().setAll([1, 2], ["a", "b"]).get(2); // "b"
   * ```
   */
  setAll(keys: readonly K[], values: readonly V[]): PMap<K, V> {
    if (keys.length === 0) return this;
    if (this.size > 0) {
      return PMap.batch(() => {
        let map: PMap<K, V> = this;
        for (let i = 0; i < keys.length; i++) map = map.set(keys[i] as K, values[i] as V);
        return map;
      });
    }
    const count = { value: 0 };
    const root = build(keys.map(hashOf), keys as K[], values as V[], 0, count);
    return new PMap(root, count.value);
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
    const flags: InsertFlags = { added: false, changed: false };
    const root = insert(this.root, 0, hashOf(key), key, value, flags);
    if (!flags.changed) return this;
    return new PMap(root, flags.added ? this.size + 1 : this.size);
  }

  /** A map without `key`; `this` when the key is absent. */
  delete(key: K): PMap<K, V> {
    if (!this.has(key)) return this;
    const root = remove(this.root, 0, hashOf(key), key);
    return root === undefined ? PMap.empty() : new PMap(root, this.size - 1);
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
    yield* diffNodes(other.root, this.root);
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
