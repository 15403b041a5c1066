/**
 * The difference of two versions of a trie, skipping the subtrees they share: two versions a few updates
 * apart are compared in time proportional to the updates, whatever their size.
 */
import type { Key } from "./hash";
import { Branch, type TrieNode, walk } from "./trie";

/**
 * The entries that differ between two tries, as `[key, before, after]` (`undefined` for an absent side).
 * Values are compared by identity.
 *
 * @example
 * ```ts
 * [...diffNodes(oldRoot, newRoot)]; // [["y", undefined, 2]]
 * ```
 */
export function* diffNodes<K extends Key, V>(
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
