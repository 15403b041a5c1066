/**
 * The store's hash trie at its edges: keys whose 32-bit hashes collide (the hash reads a string's length and
 * last 24 characters, so keys that differ only before those collide on purpose), a number and a string with
 * the same hash, hashes that differ only in their top bits, and the documented iteration order (by hash digit
 * from the lowest, then by key, numbers first) whatever the history of the map. A persistent map never
 * changes a version another holder has, batch or not.
 */
import { inspect } from "node:util";
import { hashOf } from "../../src/core/store/hash";
import { PMap } from "../../src/core/store/pmap";

type K = string | number;

const TAIL = "-the-same-last-24-chars!";
/** `count` distinct keys with one and the same hash. */
const colliding = (count: number): string[] =>
  Array.from({ length: count }, (_, i) => `${String.fromCharCode(65 + (i % 26))}${i % 10}${TAIL}`);

/** The documented order: hash digits of 5 bits from the lowest, then the key (numbers before strings). */
function canonical(keys: readonly K[]): K[] {
  return [...keys].sort((a, b) => {
    const ha = hashOf(a);
    const hb = hashOf(b);
    for (let shift = 0; shift <= 30; shift += 5) {
      const da = (ha >>> shift) & 31;
      const db = (hb >>> shift) & 31;
      if (da !== db) return da - db;
    }
    if (typeof a !== typeof b) return typeof a === "number" ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  });
}

/** The same entries reached three ways: one by one in `order`, built in one pass, and with a detour. */
function histories(keys: readonly K[], order: readonly K[]): PMap<K, string>[] {
  const oneByOne = order.reduce((m, k) => m.set(k, `v${k}`), PMap.empty<K, string>());
  const built = PMap.empty<K, string>().setAll(
    keys,
    keys.map((k) => `v${k}`),
  );
  const extra = colliding(12).map((k) => `x${k}`);
  const batch = oneByOne.batch();
  for (const k of extra) batch.set(k, "extra");
  for (const k of extra) batch.delete(k);
  let detour = batch.done();
  for (const k of [...extra].reverse()) detour = detour.set(k, "extra");
  for (const k of extra) detour = detour.delete(k);
  return [oneByOne, built, detour];
}

describe("the trie", () => {
  it("keeps keys with one hash apart: set, get, replace, delete and size as a Map does", () => {
    const keys = colliding(20);
    expect(new Set(keys.map(hashOf)).size).toBe(1);
    let map = PMap.empty<string, number>();
    const model = new Map<string, number>();
    keys.forEach((k, i) => {
      map = map.set(k, i);
      model.set(k, i);
    });
    for (const [k, v] of model) expect(map.get(k)).toBe(v);
    expect(map.get(`Z9${TAIL}`)).toBeUndefined();
    const replaced = map.set(keys[3] as string, 100);
    expect(replaced.get(keys[3] as string)).toBe(100);
    expect(map.get(keys[3] as string)).toBe(3);
    let shrunk = map;
    for (const k of keys.slice(0, 15)) {
      shrunk = shrunk.delete(k);
      model.delete(k);
      expect(shrunk.get(k)).toBeUndefined();
    }
    expect(new Map(shrunk)).toEqual(model);
    expect(shrunk.size).toBe(5);
    expect(map.size).toBe(20);
  });

  it("iterates in the documented order, whatever the history", () => {
    const strings = colliding(10);
    const h = hashOf(strings[0] as string);
    const numbers = [h, (h ^ (1 << 30)) >>> 0, (h ^ (2 << 30)) >>> 0, (h ^ (3 << 30)) >>> 0];
    const sets: K[][] = [
      strings,
      [...strings.slice(0, 4), ...numbers],
      [...numbers.slice(1), strings[0] as string, strings[1] as string],
      Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? i * 7919 : `key-${i}`)),
    ];
    for (const keys of sets) {
      const expected = canonical(keys);
      for (const order of [keys, [...keys].reverse(), [...keys.slice(1), keys[0] as K]]) {
        for (const map of histories(keys, order)) expect([...map.keys()]).toEqual(expected);
      }
    }
  });

  it("never changes a version held elsewhere, deleting in a batch or one by one", () => {
    const keys: K[] = [...colliding(12), ...Array.from({ length: 200 }, (_, i) => i * 31)];
    const base = PMap.empty<K, string>().setAll(
      keys,
      keys.map((k) => `v${k}`),
    );
    const copy = new Map(base);
    const batch = base.batch();
    for (const k of keys.slice(0, 150)) batch.delete(k);
    const done = batch.done();
    let single = base;
    for (const k of keys.slice(50)) single = single.delete(k);
    expect(new Map(base)).toEqual(copy);
    expect(done.size).toBe(keys.length - 150);
    expect(single.size).toBe(50);
    expect([...done.keys()]).toEqual(canonical(keys.slice(150)));
  });

  it("hashes integers in blocks of 8 along shared paths, one to one, and iterates them in numeric order", () => {
    const FIRST_LEVELS = (1 << 15) - 1;
    // 0..7 share every digit of the first three levels (one leaf); 8 starts the next block beside them.
    for (let k = 1; k < 8; k++) expect(hashOf(k) & FIRST_LEVELS).toBe(hashOf(0) & FIRST_LEVELS);
    expect(hashOf(8) & FIRST_LEVELS).not.toBe(hashOf(0) & FIRST_LEVELS);
    expect(hashOf(8) & 0x3ff).toBe(hashOf(0) & 0x3ff);
    const seen = new Set<number>();
    for (let k = 0; k < 300_000; k++) seen.add(hashOf(k));
    for (const k of [2 ** 31, 2 ** 32 - 1, 123_456_789]) seen.add(hashOf(k));
    expect(seen.size).toBe(300_003);
    const shuffled = Array.from({ length: 1000 }, (_, i) => (i * 7919) % 1000);
    const map = PMap.empty<number, number>().setAll(shuffled, shuffled);
    expect([...map.keys()]).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });

  it("hashes strings by their length and last 24 characters", () => {
    expect(hashOf("ab")).not.toBe(hashOf("ba"));
    expect(hashOf(`x${TAIL}`)).toBe(hashOf(`y${TAIL}`));
    expect(hashOf(`x${TAIL}`)).not.toBe(hashOf(TAIL));
    expect(hashOf(`x${TAIL}`)).not.toBe(hashOf(`${TAIL}x`));
  });

  it("counts a key set twice in a batch once, keeps the later of repeated keys, and shares the empty map", () => {
    const batch = PMap.empty<string, number>().batch();
    batch.set("a", 1).set("a", 2).set("b", 3);
    const done = batch.done();
    expect([done.size, done.get("a")]).toEqual([2, 2]);
    const built = PMap.empty<string, number>().setAll(["a", "b", "a", "c", "a"], [1, 2, 3, 4, 5]);
    expect([...built]).toEqual(canonical(["a", "b", "c"]).map((k) => [k, { a: 5, b: 2, c: 4 }[k as string]]));
    expect(built.size).toBe(3);
    const keys = ["c", "a", "b"];
    const values = [3, 1, 2];
    PMap.empty<string, number>().setAll(keys, values);
    expect([keys, values]).toEqual([
      ["c", "a", "b"],
      [3, 1, 2],
    ]);
    expect(built.setAll([], [])).toBe(built);
    expect(done.deleteAll(["a", "b"])).toBe(PMap.empty());
    expect(done.delete("a").delete("b")).toBe(PMap.empty());
  });

  it("builds a leaf where the key 0 (hash 0, first of all) comes after other keys", () => {
    const built = PMap.empty<number, string>().setAll([5, 0, 3], ["five", "zero", "three"]);
    expect([...built]).toEqual([
      [0, "zero"],
      [3, "three"],
      [5, "five"],
    ]);
    expect(built.get(0)).toBe("zero");
  });

  it("prints like a Map, and as [PMap(n)] below the depth printed", () => {
    const map = PMap.empty<string, number>().set("a", 1);
    expect(inspect(map)).toBe("PMap(1) { 'a' => 1 }");
    expect(inspect({ map }, { depth: 0 })).toBe("{ map: [PMap(1)] }");
    expect(inspect(map, { depth: 0 })).toBe("PMap(1) { 'a' => 1 }");
  });
});
