/**
 * Hostile input at the wire layer, through the real SDK client: a value of the wrong JSON type in every member
 * position of every operation. Every input must answer the service's error (or be ignored where the service
 * ignores it), the SDK call must reject with a service exception, a failure must leave the state identical, and no
 * global object may be polluted (`test/support/hostile.ts`).
 */
import {
  type MemberRef,
  OPERATION_NAMES,
  OPERATIONS,
  type OperationName,
  SHAPES,
  type Shape,
} from "../../src/core";
import { type Json, sampleValue } from "../support/helpers";
import { guardHostileFile, hostileWorld } from "../support/hostile";

guardHostileFile("hostileTypes");

/** The JSON token name the service's parser reports for a value. */
const tokenOf = (v: Json): string =>
  Array.isArray(v)
    ? "START_ARRAY"
    : typeof v === "object"
      ? "START_OBJECT"
      : typeof v === "string"
        ? "VALUE_STRING"
        : typeof v === "boolean"
          ? v
            ? "VALUE_TRUE"
            : "VALUE_FALSE"
          : Number.isInteger(v)
            ? "VALUE_NUMBER_INT"
            : "VALUE_NUMBER_FLOAT";

/** Values of the wrong JSON type for a shape, and the type the message names. */
function wrongValues(s: Shape): { values: Json[]; expected: string } | undefined {
  switch (s.kind) {
    case "string":
    case "enum":
      return { values: [5, 1.5, true, {}, ["x"]], expected: "a String" };
    case "boolean":
      return { values: ["true", 1, {}, []], expected: "a Boolean" };
    case "integer":
      return { values: ["5", 1.5, true, {}, [5]], expected: "an Integer" };
    case "long":
      return { values: ["5", 2.5, false, {}, [5]], expected: "a Long" };
    case "list":
      return { values: ["x", 5, { a: "b" }, false], expected: "a List" };
    case "map":
      return { values: ["x", 5, ["a"], true], expected: "a Map" };
    case "structure":
      return { values: ["x", 5, ["a"], true], expected: "a Structure" };
    default:
      return undefined;
  }
}

interface Position {
  readonly op: OperationName;
  readonly path: string;
  readonly shape: Shape;
  readonly place: (v: Json) => Json;
}

/** Every member position of every input: top level, list items, map values, nested structure members. */
function positions(): Position[] {
  const out: Position[] = [];
  const visit = (op: OperationName, ref: MemberRef, path: string, place: (v: Json) => Json) => {
    const s = SHAPES[ref.target] as Shape;
    out.push({ op, path, shape: s, place });
    if (s.kind === "list") {
      visit(op, s.member, `${path}[0]`, (v) => place([v]));
    } else if (s.kind === "map") {
      const key = sampleValue(s.key.target) as string;
      visit(op, s.value, `${path}.${key}`, (v) => place({ [key]: v }));
    } else if (s.kind === "structure") {
      const base = sampleValue(ref.target) as Record<string, Json>;
      for (const [name, m] of Object.entries(s.members)) {
        visit(op, m, `${path}.${name}`, (v) => place({ ...base, [name]: v }));
      }
    }
  };
  for (const op of OPERATION_NAMES) {
    const root = SHAPES[OPERATIONS[op].input] as Shape & { kind: "structure" };
    const base = sampleValue(OPERATIONS[op].input) as Record<string, Json>;
    for (const [name, ref] of Object.entries(root.members)) {
      visit(op, ref, name, (v) => ({ ...base, [name]: v }));
    }
  }
  return out;
}

describe("wrong member types", () => {
  const w = hostileWorld();
  const all = positions();

  it("cover every kind of position of the model", () => {
    expect(new Set(all.map((p) => p.shape.kind))).toEqual(
      new Set(["string", "enum", "boolean", "integer", "long", "list", "map", "structure"]),
    );
  });

  it.each(OPERATION_NAMES.map((op) => [op]))(
    "%s: a wrong type anywhere answers SerializationException",
    async (op) => {
      for (const position of all.filter((p) => p.op === op)) {
        const wrong = wrongValues(position.shape);
        if (!wrong) continue;
        for (const value of wrong.values) {
          const body = JSON.stringify(position.place(value));
          await w.expectBodyError(
            op,
            body,
            "SerializationException",
            `${tokenOf(value)} can not be converted to ${wrong.expected}`,
          );
        }
      }
    },
  );

  it("a null member counts as absent, and an unsafe integer is not an Integer", async () => {
    const answer = await w.send("ListIdentityPools", (r) => {
      r.body = '{"MaxResults":5,"NextToken":null}';
    });
    expect(answer.ok).toBe(true);
    await w.expectBodyError("ListIdentityPools", '{"MaxResults":9007199254740993}', "SerializationException");
    await w.expectBodyError("ListIdentityPools", '{"MaxResults":1e400}', "SerializationException");
    await w.expectBodyError("ListIdentityPools", '{"MaxResults":-0.5}', "SerializationException");
  });
});
