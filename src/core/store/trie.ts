/**
 * The nodes of {@link PMap}'s hash trie and the functions over them. Private to `store/`.
 *
 * A node made under an {@link Edit} (a running batch) may be changed in place by later updates of the same
 * batch (Clojure's transients); every other node is copied on write. Entries are kept in one canonical order
 * — by hash digit from the lowest, then by key — in every leaf, so two maps with the same entries iterate
 * alike whatever their history.
 */

import { BITS, BUCKET, type Key, MASK } from "./hash";

/** Past this shift every hash bit is used: leaves then grow without splitting (full hash collisions). */
const MAX_SHIFT = 30;

/** The token of a batch: nodes carrying it may be changed in place while the batch runs. */
export type Edit = object;

/** A bucket of up to {@link BUCKET} entries (more only when every hash bit is used up), in canonical order. */
export class Leaf<K extends Key, V> {
  constructor(
    readonly owner: Edit | null,
    readonly hashes: number[],
    readonly keys: K[],
    readonly values: V[],
  ) {}
}

/** A 32-slot interior node. */
export class Branch<K extends Key, V> {
  constructor(
    readonly owner: Edit | null,
    readonly slots: (TrieNode<K, V> | undefined)[],
  ) {}
}

export type TrieNode<K extends Key, V> = Leaf<K, V> | Branch<K, V>;

/** The canonical order of two entries: hash digits from the lowest (the walk's order), then the key. */
function before(h1: number, k1: Key, h2: number, k2: Key): boolean {
  for (let shift = 0; shift <= MAX_SHIFT; shift += BITS) {
    const d1 = (h1 >>> shift) & MASK;
    const d2 = (h2 >>> shift) & MASK;
    if (d1 !== d2) return d1 < d2;
  }
  return typeof k1 === typeof k2 ? k1 < k2 : typeof k1 === "number";
}

/** Where `key` is in a leaf, or -1: hashes compared first, so a new key is rarely compared as a string. */
function indexIn<K extends Key, V>(leaf: Leaf<K, V>, hash: number, key: K): number {
  const { hashes, keys } = leaf;
  for (let i = 0; i < keys.length; i++) if (hashes[i] === hash && keys[i] === key) return i;
  return -1;
}

export function lookup<K extends Key, V>(
  root: TrieNode<K, V> | undefined,
  hash: number,
  key: K,
): V | undefined {
  let node = root;
  let shift = 0;
  while (node !== undefined) {
    if (node instanceof Leaf) {
      const at = indexIn(node, hash, key);
      return at < 0 ? undefined : node.values[at];
    }
    node = node.slots[(hash >>> shift) & MASK];
    shift += BITS;
  }
  return undefined;
}

/** A copy of `list` with `item` inserted at `at` (a plain loop: faster than splicing for these short arrays). */
function inserted<T>(list: readonly T[], at: number, item: T): T[] {
  const n = list.length;
  const out = new Array<T>(n + 1);
  for (let i = 0; i < at; i++) out[i] = list[i] as T;
  out[at] = item;
  for (let i = at; i < n; i++) out[i + 1] = list[i] as T;
  return out;
}

/** What an insert did: whether the key was new, and whether anything changed (in place or by copying). */
export interface InsertFlags {
  added: boolean;
  changed: boolean;
}

/** Returns the same node when nothing changed, or when it changed a node of the running batch in place. */
export function insert<K extends Key, V>(
  node: TrieNode<K, V> | undefined,
  edit: Edit | null,
  shift: number,
  hash: number,
  key: K,
  value: V,
  flags: InsertFlags,
): TrieNode<K, V> {
  if (node === undefined) {
    flags.added = true;
    flags.changed = true;
    return new Leaf(edit, [hash], [key], [value]);
  }
  const owned = edit !== null && node.owner === edit;
  if (node instanceof Branch) {
    const index = (hash >>> shift) & MASK;
    const child = node.slots[index];
    const next = insert(child, edit, shift + BITS, hash, key, value, flags);
    if (next === child) return node;
    if (owned) {
      node.slots[index] = next;
      return node;
    }
    const slots = node.slots.slice();
    slots[index] = next;
    return new Branch(edit, slots);
  }
  const at = indexIn(node, hash, key);
  if (at >= 0) {
    if (node.values[at] === value) return node;
    flags.changed = true;
    if (owned) {
      node.values[at] = value;
      return node;
    }
    const values = node.values.slice();
    values[at] = value;
    return new Leaf(edit, node.hashes.slice(), node.keys.slice(), values);
  }
  if (node.keys.length < BUCKET || shift > MAX_SHIFT) {
    flags.added = true;
    flags.changed = true;
    let pos = node.keys.length;
    while (pos > 0 && before(hash, key, node.hashes[pos - 1] as number, node.keys[pos - 1] as K)) pos--;
    return new Leaf(
      edit,
      inserted(node.hashes, pos, hash),
      inserted(node.keys, pos, key),
      inserted(node.values, pos, value),
    );
  }
  // A full leaf splits: its entries and the new one go into a branch of this batch's (or a local) edit. The key
  // is new, so `flags` ends up added and changed whatever the re-inserted entries set.
  const local: Edit = edit ?? {};
  let split: TrieNode<K, V> = new Branch<K, V>(local, new Array(1 << BITS).fill(undefined));
  for (let i = 0; i < node.keys.length; i++) {
    split = insert(
      split,
      local,
      shift,
      node.hashes[i] as number,
      node.keys[i] as K,
      node.values[i] as V,
      flags,
    );
  }
  return insert(split, local, shift, hash, key, value, flags);
}

export function remove<K extends Key, V>(
  node: TrieNode<K, V> | undefined,
  edit: Edit | null,
  shift: number,
  hash: number,
  key: K,
): TrieNode<K, V> | undefined {
  if (node === undefined) return undefined;
  if (node instanceof Branch) {
    const index = (hash >>> shift) & MASK;
    const child = node.slots[index];
    const next = remove(child, edit, shift + BITS, hash, key);
    if (next === child) return node;
    if (edit !== null && node.owner === edit) {
      node.slots[index] = next;
      return node.slots.some((s) => s !== undefined) ? node : undefined;
    }
    const slots = node.slots.slice();
    slots[index] = next;
    return slots.some((s) => s !== undefined) ? new Branch(edit, slots) : undefined;
  }
  const at = indexIn(node, hash, key);
  if (at < 0) return node;
  if (node.keys.length === 1) return undefined;
  const drop = <T>(list: readonly T[]): T[] => list.filter((_, i) => i !== at);
  return new Leaf(edit, drop(node.hashes), drop(node.keys), drop(node.values));
}

/**
 * A leaf from entries that may repeat a key (the later wins), in canonical order: an insertion sort (stable,
 * so a repeated key's later entry lands right after the earlier one), then one pass that drops the earlier.
 */
function leafOf<K extends Key, V>(
  hashes: number[],
  keys: K[],
  values: V[],
  count: { value: number },
): Leaf<K, V> {
  // Copies: keys and values may be the caller's, and a copy of the build's own arrays drops their spare capacity.
  const h = hashes.slice();
  const k = keys.slice();
  const v = values.slice();
  for (let i = 1; i < k.length; i++) {
    const hi = h[i] as number;
    const ki = k[i] as K;
    const vi = v[i] as V;
    let j = i;
    while (j > 0 && before(hi, ki, h[j - 1] as number, k[j - 1] as K)) {
      h[j] = h[j - 1] as number;
      k[j] = k[j - 1] as K;
      v[j] = v[j - 1] as V;
      j--;
    }
    h[j] = hi;
    k[j] = ki;
    v[j] = vi;
  }
  let out = 0;
  for (let i = 0; i < k.length; i++) {
    if (i + 1 < k.length && k[i + 1] === k[i]) continue;
    h[out] = h[i] as number;
    k[out] = k[i] as K;
    v[out] = v[i] as V;
    out++;
  }
  h.length = out;
  k.length = out;
  v.length = out;
  count.value += k.length;
  return new Leaf(null, h, k, v);
}

/**
 * Builds a trie from entries in one pass: entries are split by hash digit level by level and every node is
 * written once; repeated keys are resolved in the leaves (the later wins), which keep the canonical order. `count` receives the number of distinct keys.
 */
export function build<K extends Key, V>(
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
  return new Branch(null, slots);
}

export function* walk<K extends Key, V>(node: TrieNode<K, V> | undefined): Generator<[K, V]> {
  if (node === undefined) return;
  if (node instanceof Branch) {
    for (const slot of node.slots) yield* walk(slot);
    return;
  }
  for (let i = 0; i < node.keys.length; i++) yield [node.keys[i] as K, node.values[i] as V];
}
