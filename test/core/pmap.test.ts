import fc from "fast-check";
import { PMap } from "../../src/core/store/pmap";

type Op = { kind: "set"; key: string | number; value: number } | { kind: "delete"; key: string | number };

const keyArb = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.nat({ max: 5000 }),
  fc.constantFrom("__proto__", "constructor"),
);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant("set" as const), key: keyArb, value: fc.integer() }),
  fc.record({ kind: fc.constant("delete" as const), key: keyArb }),
);

describe("PMap", () => {
  it("behaves like a Map under any sequence of sets and deletes, and never changes an old version", () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 300 }), (ops) => {
        const model = new Map<string | number, number>();
        let map = PMap.empty<string | number, number>();
        const versions: [PMap<string | number, number>, Map<string | number, number>][] = [];
        for (const op of ops) {
          versions.push([map, new Map(model)]);
          if (op.kind === "set") {
            model.set(op.key, op.value);
            map = map.set(op.key, op.value);
          } else {
            model.delete(op.key);
            map = map.delete(op.key);
          }
          expect(map.size).toBe(model.size);
        }
        for (const [k, v] of model) expect(map.get(k)).toBe(v);
        expect(new Map(map)).toEqual(model);
        for (const [old, snapshot] of versions) expect(new Map(old)).toEqual(snapshot);
      }),
      { numRuns: 200 },
    );
  });

  it("gives the same contents inside a batch, and leaves every map from before the batch unchanged", () => {
    fc.assert(
      fc.property(
        fc.array(opArb, { maxLength: 200 }),
        fc.array(opArb, { maxLength: 300 }),
        (before, inside) => {
          const model = new Map<string | number, number>();
          const apply = (map: PMap<string | number, number>, op: Op) => {
            if (op.kind === "set") {
              model.set(op.key, op.value);
              return map.set(op.key, op.value);
            }
            model.delete(op.key);
            return map.delete(op.key);
          };
          const base = before.reduce(apply, PMap.empty<string | number, number>());
          const baseContents = new Map(model);
          const batch = base.batch();
          for (const op of inside) {
            if (op.kind === "set") {
              model.set(op.key, op.value);
              batch.set(op.key, op.value);
            } else {
              model.delete(op.key);
              batch.delete(op.key);
            }
          }
          const result = batch.done();
          expect(() => batch.set("late", 1)).toThrow("PMapBatch: used after done()");
          expect(new Map(result)).toEqual(model);
          expect(result.size).toBe(model.size);
          expect(new Map(base)).toEqual(baseContents);
          const after = result.set("after-batch", 1);
          expect(result.has("after-batch")).toBe(model.has("after-batch"));
          expect(after.get("after-batch")).toBe(1);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("setMany gives what one set per entry gives, into an empty map or not", () => {
    const entryArb = fc.tuple(keyArb, fc.integer());
    fc.assert(
      fc.property(
        fc.array(entryArb, { maxLength: 100 }),
        fc.array(entryArb, { maxLength: 400 }),
        (before, added) => {
          const base = before.reduce((m, [k, v]) => m.set(k, v), PMap.empty<string | number, number>());
          const expected = added.reduce((m, [k, v]) => m.set(k, v), base);
          const fromEmpty = PMap.empty<string | number, number>().setMany(added);
          const onto = base.setMany(added);
          expect(new Map(onto)).toEqual(new Map(expected));
          expect(onto.size).toBe(expected.size);
          expect(new Map(fromEmpty)).toEqual(new Map(added));
          expect(fromEmpty.size).toBe(new Map(added).size);
          for (const [k] of added) expect(fromEmpty.get(k)).toBe(new Map(added).get(k));
          expect(fromEmpty.set("\u0000absent", 1).delete("\u0000absent").size).toBe(fromEmpty.size);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("returns the same map when a set or delete changes nothing", () => {
    const map = PMap.empty<string, number>().set("a", 1);
    expect(map.set("a", 1)).toBe(map);
    expect(map.delete("b")).toBe(map);
  });

  it("holds 100,000 entries and finds each", () => {
    let map = PMap.empty<string, number>();
    for (let i = 0; i < 100_000; i++) map = map.set(`us-east-1:${i.toString(16).padStart(8, "0")}`, i);
    expect(map.size).toBe(100_000);
    for (let i = 0; i < 100_000; i += 997)
      expect(map.get(`us-east-1:${i.toString(16).padStart(8, "0")}`)).toBe(i);
  });

  it("is frozen", () => {
    const map = PMap.empty<string, number>().set("a", 1);
    expect(Object.isFrozen(map)).toBe(true);
  });
});
