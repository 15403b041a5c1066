/**
 * The trie's node-level contract (`src/core/store/trie.ts`), which `PMap`'s speed rests on: a node made under
 * a batch's edit token is changed in place by that batch; any other node is copied, never changed; an update
 * that changes nothing returns the very node; a leaf splits into a branch past 8 entries, except where every
 * hash bit is used up (full collisions), where it grows.
 */

import { hashOf } from "../../src/core/store/hash";
import {
  Branch,
  type Edit,
  type InsertFlags,
  insert,
  Leaf,
  lookup,
  remove,
  type TrieNode,
  walk,
} from "../../src/core/store/trie";

type K = string | number;
const flags = (): InsertFlags => ({ added: false, changed: false });
const put = (node: TrieNode<K, string> | undefined, key: K, edit: Edit | null = null, value = `v${key}`) => {
  const f = flags();
  return { node: insert(node, edit, 0, hashOf(key), key, value, f), flags: f };
};
const entries = (node: TrieNode<K, string> | undefined) => [...walk(node)];
/** Keys whose hashes share every 5-bit digit but the lowest, so 9 of them split a root leaf into one branch. */
const spread = Array.from({ length: 9 }, (_, i) => i);

describe("trie nodes", () => {
  it("copy a node of no batch and leave it unchanged; an update that changes nothing returns the same node", () => {
    const a = put(undefined, "a").node;
    const b = put(a, "b");
    expect(b.node).not.toBe(a);
    expect(b.flags).toEqual({ added: true, changed: true });
    expect(entries(a)).toEqual([["a", "va"]]);
    const same = put(b.node, "b");
    expect(same.node).toBe(b.node);
    expect(same.flags).toEqual({ added: false, changed: false });
    const replaced = put(b.node, "b", null, "other");
    expect(replaced.node).not.toBe(b.node);
    expect(replaced.flags).toEqual({ added: false, changed: true });
    expect(lookup(b.node, hashOf("b"), "b")).toBe("vb");
    expect(lookup(replaced.node, hashOf("b"), "b")).toBe("other");
  });

  it("change a node of the running batch in place, leaf and branch alike, and copy nodes from before it", () => {
    const edit: Edit = {};
    const before = put(undefined, "x").node;
    const first = put(before, "y", edit).node;
    expect(first).not.toBe(before);
    expect(entries(before)).toEqual([["x", "vx"]]);
    // A new key makes a new leaf (its arrays grow); a new value is written into the batch's leaf.
    const grown = put(first, "z", edit).node;
    expect(put(grown, "z", edit, "new").node).toBe(grown);
    expect(lookup(grown, hashOf("z"), "z")).toBe("new");
    expect(put(before, "x", edit, "changed").node).not.toBe(before);
    expect(lookup(before, hashOf("x"), "x")).toBe("vx");
    let branch: TrieNode<K, string> | undefined;
    for (const k of spread) branch = put(branch, k, edit).node;
    expect(branch).toBeInstanceOf(Branch);
    const again = put(branch, 100, edit).node;
    expect(again).toBe(branch);
    expect(remove(again, edit, 0, hashOf(100), 100)).toBe(branch);
    expect(lookup(branch, hashOf(100), 100)).toBeUndefined();
    const copied = remove(branch, null, 0, hashOf(3), 3);
    expect(copied).not.toBe(branch);
    expect(lookup(branch, hashOf(3), 3)).toBe("v3");
    // 9 lands in the leaf of 8 (the same block of 8 integers): its leaf is reached and does not hold it.
    expect(remove(branch, null, 0, hashOf(9), 9)).toBe(branch);
  });

  it("split a leaf past 8 entries and let a leaf of full collisions grow", () => {
    let node: TrieNode<K, string> | undefined;
    for (const k of spread.slice(0, 8)) node = put(node, k).node;
    expect(node).toBeInstanceOf(Leaf);
    node = put(node, 8).node;
    expect(node).toBeInstanceOf(Branch);
    expect((node as Branch<K, string>).slots).toHaveLength(32);
    const tail = "-the-same-last-24-chars!";
    let deep: TrieNode<K, string> | undefined;
    const keys = Array.from({ length: 12 }, (_, i) => `${String.fromCharCode(65 + i)}${tail}`);
    for (const k of keys) deep = put(deep, k).node;
    let leaf: TrieNode<K, string> | undefined = deep;
    while (leaf instanceof Branch) leaf = leaf.slots.find((s) => s !== undefined);
    expect(leaf).toBeInstanceOf(Leaf);
    expect((leaf as Leaf<K, string>).keys).toEqual(keys);
    expect(entries(deep)).toHaveLength(12);
  });

  it("empty a branch and its leaves as the last keys go", () => {
    let node: TrieNode<K, string> | undefined;
    for (const k of spread) node = put(node, k).node;
    for (const k of spread) node = remove(node, null, 0, hashOf(k), k);
    expect(node).toBeUndefined();
    const edit: Edit = {};
    for (const k of spread) node = put(node, k, edit).node;
    for (const k of spread) node = remove(node, edit, 0, hashOf(k), k);
    expect(node).toBeUndefined();
  });
});
