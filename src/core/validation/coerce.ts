/**
 * Step 1 of input checking: JSON types. A member of the wrong JSON type answers `SerializationException`;
 * unknown members are dropped and `null` counts as absent.
 */
import { errors, type ServiceError } from "../errors";
import { SHAPES } from "../model/model.generated";
import type { MemberRef, Shape } from "../model/shape";

export type Json = string | number | boolean | JsonObject | Json[];
export interface JsonObject {
  [key: string]: Json;
}

export const shapeOf = (name: string): Shape => {
  const shape = SHAPES[name];
  if (!shape) throw new Error(`no shape ${name} in the model table`);
  return shape;
};

const jsonKind = (value: unknown): string => {
  if (Array.isArray(value)) return "START_ARRAY";
  if (typeof value === "object") return "START_OBJECT";
  if (typeof value === "string") return "VALUE_STRING";
  if (typeof value === "boolean") return value ? "VALUE_TRUE" : "VALUE_FALSE";
  return Number.isInteger(value) ? "VALUE_NUMBER_INT" : "VALUE_NUMBER_FLOAT";
};

const serialization = (value: unknown, expected: string): ServiceError =>
  errors.serialization(jsonKind(value), expected);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Member entries of each structure shape, computed once. */
const memberEntries = new Map<Shape, [string, MemberRef][]>();
export const membersOf = (shape: Shape & { kind: "structure" }): [string, MemberRef][] => {
  let entries = memberEntries.get(shape);
  if (!entries) {
    entries = Object.entries(shape.members);
    memberEntries.set(shape, entries);
  }
  return entries;
};

/**
 * Checks JSON types against the shape and returns a clean copy: known members only, no nulls.
 *
 * @example
 * ```ts
 * coerce(shapeOf("GetIdInput"), { IdentityPoolId: "x", Unknown: 1 }); // { IdentityPoolId: "x" }
 * ```
 */
export function coerce(shape: Shape, value: unknown): Json {
  switch (shape.kind) {
    case "string":
    case "enum":
      if (typeof value !== "string") throw serialization(value, "a String");
      return value;
    case "boolean":
      if (typeof value !== "boolean") throw serialization(value, "a Boolean");
      return value;
    case "integer":
    case "long":
      // `Number.isSafeInteger` is false for anything that is not a number: no separate type test.
      if (!Number.isSafeInteger(value)) {
        throw serialization(value, shape.kind === "integer" ? "an Integer" : "a Long");
      }
      return value as number;
    case "list": {
      if (!Array.isArray(value)) throw serialization(value, "a List");
      const member = shapeOf(shape.member.target);
      const out: Json[] = [];
      for (const item of value) if (item !== null) out.push(coerce(member, item));
      return out;
    }
    case "map": {
      if (!isObject(value)) throw serialization(value, "a Map");
      const member = shapeOf(shape.value.target);
      const out: JsonObject = {};
      for (const k of Object.keys(value)) {
        const v = value[k];
        if (v === null) continue;
        // A key such as `__proto__` is a member like any other (as `Object.fromEntries` makes it), never a prototype.
        if (k === "__proto__")
          Object.defineProperty(out, k, {
            value: coerce(member, v),
            enumerable: true,
            writable: true,
            configurable: true,
          });
        else out[k] = coerce(member, v);
      }
      return out;
    }
    case "structure": {
      if (!isObject(value)) throw serialization(value, "a Structure");
      // Member names come from the model (never `__proto__`): plain assignment, in the model's member order.
      const out: JsonObject = {};
      for (const [name, ref] of membersOf(shape)) {
        if (!Object.hasOwn(value, name)) continue;
        const v = value[name];
        if (v !== null && v !== undefined) out[name] = coerce(shapeOf(ref.target), v);
      }
      return out;
    }
    default:
      // The model's one timestamp shape (`DateType`) is only reached from outputs (`Credentials.Expiration`,
      // `IdentityDescription`'s dates): no input shape reaches it, so no input value is ever coerced to it.
      throw new Error(`no input member is a ${shape.kind}`);
  }
}
