/**
 * PMap.diff: the entries that differ between two versions of a map, found by skipping the subtrees the
 * versions share (what makes `fake.changesOf` cheap at any size).
 */
import fc from "fast-check";
import { PMap } from "../../src/core/store/pmap";
import { Branch, Leaf, type TrieNode } from "../../src/core/store/trie";
import { diffNodes } from "../../src/core/store/trieDiff";

type Op = { kind: "set"; key: string | number; value: number } | { kind: "delete"; key: string | number };

const keyArb = fc.oneof(fc.string({ maxLength: 4 }), fc.nat({ max: 3000 }), fc.constant("__proto__"));
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant("set" as const), key: keyArb, value: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ kind: fc.constant("delete" as const), key: keyArb }),
);

const apply = (map: PMap<string | number, number>, ops: readonly Op[]) =>
  ops.reduce((m, op) => (op.kind === "set" ? m.set(op.key, op.value) : m.delete(op.key)), map);

/** The differing entries, computed naively from both maps' contents. */
function naiveDiff(a: PMap<string | number, number>, b: PMap<string | number, number>) {
  const before = new Map(a);
  const out: [string | number, number | undefined, number | undefined][] = [];
  for (const [k, v] of b) if (before.get(k) !== v) out.push([k, before.get(k), v]);
  for (const [k, v] of before) if (!b.has(k)) out.push([k, v, undefined]);
  return out;
}

const byKey = (entries: [string | number, number | undefined, number | undefined][]) =>
  [...entries].sort((x, y) => `${typeof x[0]}:${x[0]}`.localeCompare(`${typeof y[0]}:${y[0]}`));

describe("PMap.diff", () => {
  it("lists exactly the entries added, changed and removed between two versions", () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 200 }), fc.array(opArb, { maxLength: 60 }), (base, more) => {
        const a = apply(PMap.empty(), base);
        const b = apply(a, more);
        const diff = [...b.diff(a)];
        expect(new Set(diff.map(([k]) => k)).size).toBe(diff.length);
        expect(byKey(diff)).toEqual(byKey(naiveDiff(a, b)));
        expect([...a.diff(b)].length).toBe(diff.length);
      }),
    );
  });

  it("is empty between a map and itself, and between versions made by no-op updates", () => {
    const map = PMap.empty<number, number>().setAll([1, 2, 3], [1, 2, 3]);
    expect([...map.diff(map)]).toEqual([]);
    expect([...map.set(2, 2).delete(9).diff(map)]).toEqual([]);
  });

  it("finds the one change among 100,000 entries, batch-built or not", () => {
    const keys = Array.from({ length: 100_000 }, (_, i) => `id-${i}`);
    const big = PMap.empty<string, number>().setAll(
      keys,
      keys.map((_, i) => i),
    );
    expect([...big.set("id-500", -1).diff(big)]).toEqual([["id-500", 500, -1]]);
    expect([...big.delete("id-7").set("new", 1).diff(big)].sort()).toEqual([
      ["id-7", 7, undefined],
      ["new", undefined, 1],
    ]);
  });
});

describe("diffNodes", () => {
  it("never visits a subtree both versions share: only the slots that differ are read", () => {
    // A shared subtree that throws when walked: the diff must skip it by identity, not list its entries.
    const untouchable = Object.assign(new Array<TrieNode<number, string> | undefined>(32).fill(undefined), {
      [Symbol.iterator](): never {
        throw new Error("walked a subtree both versions share");
      },
    });
    const shared = new Branch<number, string>(null, untouchable);
    const root = (leaf: Leaf<number, string>) =>
      new Branch<number, string>(null, [leaf, shared, ...new Array(30).fill(undefined)]);
    const before = root(new Leaf(null, [0], [0], ["x"]));
    const after = root(new Leaf(null, [0, 32], [0, 32], ["y", "z"]));
    expect([...diffNodes(before, after)]).toEqual([
      [0, "x", "y"],
      [32, undefined, "z"],
    ]);
    expect([...diffNodes(after, before)]).toEqual([
      [0, "y", "x"],
      [32, "z", undefined],
    ]);
  });

  it("compares a branch with a leaf or with nothing through their entries", () => {
    const leaf = new Leaf<number, string>(null, [0, 1], [0, 1], ["x", "y"]);
    const branch = new Branch<number, string>(null, [
      new Leaf(null, [0], [0], ["x"]),
      new Leaf(null, [1], [1], ["w"]),
      ...new Array(30).fill(undefined),
    ]);
    expect([...diffNodes(leaf, branch)]).toEqual([[1, "y", "w"]]);
    expect([...diffNodes(branch, leaf)]).toEqual([[1, "w", "y"]]);
    expect([...diffNodes(branch, undefined)]).toEqual([
      [0, "x", undefined],
      [1, "w", undefined],
    ]);
    expect([...diffNodes(undefined, branch)]).toEqual([
      [0, undefined, "x"],
      [1, undefined, "w"],
    ]);
  });
});
