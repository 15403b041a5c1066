/**
 * The hashes of `PMap`'s keys: strings by their last characters, integers so that runs of consecutive
 * keys share the trie's leaves and paths. Private to `store/`.
 */

/** Bits of the hash per trie level: 32 slots per branch. */
export const BITS = 5;
/** The digit of one level: `(hash >>> shift) & MASK`. */
export const MASK = (1 << BITS) - 1;

/** A key of a `PMap`: a string or a non-negative integer. */
export type Key = string | number;

/** Characters of a string key that the hash reads, from its end (ids and index keys differ most there). */
const HASHED_CHARS = 24;

/** Integer keys come in blocks of {@link BUCKET}, so that a block shares a leaf. */
const BLOCK_BITS = 3;
/** Entries a trie leaf holds before it splits into a branch: one block of integer keys. */
export const BUCKET = 1 << BLOCK_BITS;
/** Blocks below 2^15 (keys below 262,144) have their number's digits reversed into the hash (see {@link integerHash}). */
const REVERSED_BITS = 3 * BITS;

/**
 * The hash of an integer key, one to one over 32 bits: runs of consecutive integers, such as a pool's creation
 * sequence numbers, share leaves and paths. The key's block (`key >> 3`) gives the first three levels'
 * digits, most significant first, and the key's place in its block comes after them: the 8 keys of a block
 * share a leaf, and neighbouring blocks share the branches above it. Integers hashed to themselves put
 * consecutive keys in different branches from the first level on, and left a pool's creation-order index
 * with one leaf per identity (42 bytes more per guest identity). Iteration is in numeric order for keys
 * below 262,144.
 */
function integerHash(key: number): number {
  const n = key >>> 0;
  const block = n >>> BLOCK_BITS;
  // The block's three low digits, most significant first: levels 0, 1 and 2.
  const reversed =
    ((block >>> (2 * BITS)) & MASK) | (((block >>> BITS) & MASK) << BITS) | ((block & MASK) << (2 * BITS));
  return (
    (reversed |
      ((n & ((1 << BLOCK_BITS) - 1)) << REVERSED_BITS) |
      ((block >>> REVERSED_BITS) << (REVERSED_BITS + BLOCK_BITS))) >>>
    0
  );
}

/**
 * FNV-1a over the length and the last {@link HASHED_CHARS} UTF-16 code units of a string, with a final
 * avalanche; integers by {@link integerHash}. Colliding keys only share a bucket: lookups compare keys.
 */
export function hashOf(key: Key): number {
  if (typeof key === "number") return integerHash(key);
  let h = Math.imul(0x811c9dc5 ^ key.length, 0x01000193);
  for (let i = Math.max(0, key.length - HASHED_CHARS); i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // MurmurHash3's fmix32: FNV leaves the low bits, which pick the first levels' slots, depending on the last
  // characters only.
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
