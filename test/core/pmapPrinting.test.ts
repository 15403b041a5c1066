/**
 * The persistent map prints, serializes and compares like a Map: Node's inspect hook, `toJSON`, and a
 * canonical iteration order that makes two maps with the same entries equal whatever their history.
 */
import { inspect } from "node:util";
import fc from "fast-check";
import { PMap } from "../../src/core/store/pmap";
import { coreStateOf } from "../../src/internal";
import { setup } from "../support/helpers";

describe("PMap printing and comparing", () => {
  it("prints like a Map, named PMap", () => {
    const map = PMap.empty<string, number>().set("a", 1).set("b", 2);
    const text = inspect(map);
    expect(text).toMatch(/^PMap\(2\) \{/);
    expect(text).toContain("'a' => 1");
    expect(text).toContain("'b' => 2");
    expect(inspect({ nested: { deeper: map } }, { depth: 1 })).toContain("[PMap(2)]");
    expect(inspect(PMap.empty())).toBe("PMap(0) {}");
  });

  it("serializes to a plain object", () => {
    const map = PMap.empty<string, unknown>().set("x", { y: 1 }).set("__proto__", 2);
    expect(JSON.parse(JSON.stringify(map))).toEqual({ x: { y: 1 }, ["__proto__"]: 2 });
    expect(JSON.stringify(PMap.empty<number, string>().set(3, "c"))).toBe('{"3":"c"}');
  });

  it("maps with the same entries are equal (toEqual) whatever the order of their updates", () => {
    const keys = fc.uniqueArray(fc.oneof(fc.string({ maxLength: 4 }), fc.nat({ max: 2000 })), {
      maxLength: 120,
    });
    fc.assert(
      fc.property(keys, fc.array(fc.nat({ max: 2000 }), { maxLength: 40 }), (entries, extra) => {
        const forward = entries.reduce((m, k) => m.set(k, 1), PMap.empty<string | number, number>());
        const built = PMap.empty<string | number, number>().setAll(
          [...entries].reverse(),
          entries.map(() => 1),
        );
        const churned = extra
          .reduce(
            (m, k) => m.set(`tmp-${k}`, 0),
            [...entries].reverse().reduce((m, k) => m.set(k, 1), PMap.empty<string | number, number>()),
          )
          .deleteAll(extra.map((k) => `tmp-${k}`));
        expect(built).toEqual(forward);
        expect(churned).toEqual(forward);
        expect([...churned]).toEqual([...forward]);
      }),
      { numRuns: 100 },
    );
    expect(PMap.empty<string, number>().set("a", 1)).not.toEqual(PMap.empty<string, number>().set("a", 2));
  });

  it("the store behind a fake prints its maps and compares equal to a store built the same way", () => {
    const build = () => {
      const { fake } = setup();
      fake.seedIdentityPool({
        IdentityPoolId: "us-east-1:00000000-0000-4000-8000-0000000000e1",
        IdentityPoolName: "printed",
        AllowUnauthenticatedIdentities: true,
      });
      return coreStateOf(fake);
    };
    const state = build();
    expect(inspect(state, { depth: 0 })).toContain("pools: [PMap(1)]");
    expect(build()).toEqual(state);
    expect(JSON.parse(JSON.stringify(state)).pools).toHaveProperty([
      "us-east-1:00000000-0000-4000-8000-0000000000e1",
    ]);
  });

  it("the public fake.state prints and serializes its records by id", () => {
    const { fake } = setup();
    fake.seedIdentityPool({
      IdentityPoolId: "us-east-1:00000000-0000-4000-8000-0000000000e2",
      IdentityPoolName: "shown",
      AllowUnauthenticatedIdentities: true,
    });
    expect(JSON.parse(JSON.stringify(fake.state)).IdentityPools).toHaveProperty([
      "us-east-1:00000000-0000-4000-8000-0000000000e2",
      "IdentityPoolName",
    ]);
    expect(inspect(fake.state, { depth: 4 })).toContain("IdentityPoolName: 'shown'");
  });
});
