/**
 * Hostile input at the wire layer, through the real SDK client (malformed bodies, and huge or deeply nested
 * input): every input must answer the service's error (or be ignored where the service ignores it), the SDK call
 * must reject with a service exception, a failure must leave the state identical, and no global object may be
 * polluted (`test/support/hostile.ts`).
 */
import { Readable } from "node:stream";
import { OPERATION_NAMES, OPERATIONS, SHAPES, type Shape } from "../../src/core";
import { type Json, sampleValue } from "../support/helpers";
import { guardHostileFile, hostileWorld, MB, NOT_JSON } from "../support/hostile";

guardHostileFile("hostileBodies");

// ---- malformed bodies ------------------------------------------------------------------------------------

describe("malformed bodies", () => {
  const w = hostileWorld();

  it.each([
    ["{nope", NOT_JSON],
    ["{", NOT_JSON],
    ["}{", NOT_JSON],
    ['{"MaxResults":5', NOT_JSON],
    ['{"MaxResults":5}}', NOT_JSON],
    ["{'single':'quotes'}", NOT_JSON],
    ['{"a":1,}', NOT_JSON],
    ["NaN", NOT_JSON],
    ["\u0000", NOT_JSON],
    ["\ufeff{}", NOT_JSON],
  ])("invalid JSON %j answers SerializationException for every operation", async (body, message) => {
    for (const op of OPERATION_NAMES) await w.expectBodyError(op, body, "SerializationException", message);
  });

  it.each([
    ["[1,2]", "START_ARRAY can not be converted to a Structure"],
    ["[]", "START_ARRAY can not be converted to a Structure"],
    ['"text"', "VALUE_STRING can not be converted to a Structure"],
    ["42", "VALUE_NUMBER_INT can not be converted to a Structure"],
    ["4.2", "VALUE_NUMBER_FLOAT can not be converted to a Structure"],
    ["true", "VALUE_TRUE can not be converted to a Structure"],
    ["false", "VALUE_FALSE can not be converted to a Structure"],
  ])("a JSON %s body answers SerializationException for every operation", async (body, message) => {
    for (const op of OPERATION_NAMES) await w.expectBodyError(op, body, "SerializationException", message);
  });

  it("a null or empty body reads as an empty input: every operation misses a required member", async () => {
    for (const op of OPERATION_NAMES) {
      for (const body of ["null", "", "   ", "{}"]) {
        const err = await w.expectBodyError(op, body, "ValidationException");
        expect(err.message).toMatch(
          /^\d+ validation errors? detected: Value null at '\w+' failed to satisfy constraint: Member must not be null/,
        );
      }
    }
  });

  it.each([
    ["a number", 42],
    ["an object", { MaxResults: 5 }],
    ["a stream", Readable.from(['{"MaxResults":5}'])],
    ["a boolean", true],
  ])("a body that is %s, not text or bytes, answers SerializationException", async (_label, body) => {
    await w.expectBodyError("ListIdentityPools", body, "SerializationException", NOT_JSON);
  });

  it("bytes that are not UTF-8 answer SerializationException; UTF-8 bytes are read", async () => {
    await w.expectBodyError(
      "ListIdentityPools",
      new Uint8Array([0xff, 0xfe, 0x7b]),
      "SerializationException",
      NOT_JSON,
    );
    const answer = await w.send("ListIdentityPools", (r) => {
      r.body = new TextEncoder().encode('{"MaxResults":5}');
    });
    expect(answer.ok).toBe(true);
  });
});

// ---- huge and deep input ---------------------------------------------------------------------------------

describe("huge strings and deep nesting", () => {
  const w = hostileWorld();

  it("a 1 MB string in any string member answers ValidationException (max length), not a crash", async () => {
    const huge = "a".repeat(MB);
    let checked = 0;
    for (const op of OPERATION_NAMES) {
      const root = SHAPES[OPERATIONS[op].input] as Shape & { kind: "structure" };
      const base = sampleValue(OPERATIONS[op].input) as Record<string, Json>;
      for (const [name, ref] of Object.entries(root.members)) {
        const s = SHAPES[ref.target] as Shape;
        if (s.kind !== "string") continue;
        const err = await w.expectBodyError(
          op,
          JSON.stringify({ ...base, [name]: huge }),
          "ValidationException",
        );
        expect(err.message).toContain(`Member must have length less than or equal to ${s.max}`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  it("1 MB map keys, values and tokens answer ValidationException; sensitive tokens are not echoed", async () => {
    const huge = "b".repeat(MB);
    const tags = await w.expectBodyError(
      "CreateIdentityPool",
      JSON.stringify({
        IdentityPoolName: "p",
        AllowUnauthenticatedIdentities: true,
        IdentityPoolTags: { [huge]: "v" },
      }),
      "ValidationException",
    );
    expect(tags.message).toContain(
      "Map keys must satisfy constraint: [Member must have length less than or equal to 128]",
    );
    const token = await w.expectBodyError(
      "GetId",
      JSON.stringify({ IdentityPoolId: w.poolId, Logins: { "graph.facebook.com": huge } }),
      "ValidationException",
      "1 validation error detected: Value at 'logins' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 50000]",
    );
    expect(token.message).not.toContain("bbbb");
  });

  it("a 1 MB unknown member is ignored", async () => {
    const answer = await w.send("ListIdentityPools", (r) => {
      r.body = JSON.stringify({ MaxResults: 5, Padding: "c".repeat(MB) });
    });
    expect(answer.ok).toBe(true);
  });

  it("JSON nested 10,000 levels deep: ignored as an unknown member, refused where a value belongs", async () => {
    const deepArray = `${"[".repeat(10_000)}${"]".repeat(10_000)}`;
    const deepObject = `${'{"a":'.repeat(10_000)}1${"}".repeat(10_000)}`;
    for (const deep of [deepArray, deepObject]) {
      const ignored = await w.send("ListIdentityPools", (r) => {
        r.body = `{"MaxResults":5,"Deep":${deep}}`;
      });
      expect(ignored.ok).toBe(true);
      await w.expectBodyError("ListIdentityPools", `{"MaxResults":${deep}}`, "SerializationException");
      await w.expectBodyError(
        "GetId",
        `{"IdentityPoolId":"${w.poolId}","Logins":{"a":${deep}}}`,
        "SerializationException",
      );
      await w.expectBodyError(
        "SetIdentityPoolRoles",
        `{"IdentityPoolId":"${w.poolId}","Roles":{},"RoleMappings":{"graph.facebook.com":{"Type":"Rules","RulesConfiguration":{"Rules":[{"Claim":${deep}}]}}}}`,
        "SerializationException",
      );
      // As the whole body: an array is not a structure; an object is one whose only member is unknown.
      await w.expectBodyError(
        "ListIdentityPools",
        deep,
        deep === deepArray ? "SerializationException" : "ValidationException",
      );
    }
  });
});
