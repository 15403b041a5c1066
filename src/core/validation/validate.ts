/**
 * Input checking as the service front end does it, driven by the generated model tables:
 * 1. types — a member of the wrong JSON type answers `SerializationException` (unknown members are dropped,
 *    `null` counts as absent);
 * 2. constraints — required, length, pattern, range, enum, list and map sizes, nested members: every
 *    violation is collected into one `ValidationException` in the service's message format.
 * Both run before the operation looks anything up.
 */
import { errors } from "../errors";
import type { OperationName } from "../model/model.generated";
import { OPERATIONS } from "../model/model.generated";
import type { MemberRef, Shape } from "../model/shape";
import { coerce, type Json, type JsonObject, membersOf, shapeOf } from "./coerce";

/**
 * Smithy lengths count Unicode code points: a surrogate pair is one, a lone surrogate is one. (A high surrogate
 * at the very end reads `NaN` past it, which is no low surrogate.)
 */
function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

const patterns = new Map<string, RegExp>();
const regexOf = (pattern: string): RegExp => {
  let re = patterns.get(pattern);
  if (!re) {
    re = new RegExp(pattern, "u");
    patterns.set(pattern, re);
  }
  return re;
};

/** The pattern as the service prints it: without the `^…$` anchors. */
const printedPattern = (pattern: string): string => pattern.replace(/^\^/, "").replace(/\$$/, "");

const lowerFirst = (name: string): string => name.charAt(0).toLowerCase() + name.slice(1);

function containsSensitive(shape: Shape, seen = new Set<Shape>()): boolean {
  if (seen.has(shape)) return false;
  seen.add(shape);
  switch (shape.kind) {
    case "string":
      return shape.sensitive === true;
    case "list":
      return containsSensitive(shapeOf(shape.member.target), seen);
    case "map":
      return containsSensitive(shapeOf(shape.value.target), seen);
    case "structure":
      return Object.values(shape.members).some((m) => containsSensitive(shapeOf(m.target), seen));
    default:
      return false;
  }
}

/** A value as Java's `toString` prints it inside the service's message. */
function printed(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(printed).join(", ")}]`;
  if (typeof value === "object") {
    return `{${Object.entries(value)
      .map(([k, v]) => `${k}=${printed(v)}`)
      .join(", ")}}`;
  }
  return String(value);
}

/** The phrases a scalar or collection breaks, without recursing into members. */
function phrases(shape: Shape, value: Json): string[] {
  const out: string[] = [];
  const length = (n: number, min?: number, max?: number) => {
    if (min !== undefined && n < min) out.push(`Member must have length greater than or equal to ${min}`);
    if (max !== undefined && n > max) out.push(`Member must have length less than or equal to ${max}`);
  };
  switch (shape.kind) {
    case "string": {
      const s = value as string;
      length(codePoints(s), shape.min, shape.max);
      if (shape.pattern && !regexOf(shape.pattern).test(s)) {
        out.push(`Member must satisfy regular expression pattern: ${printedPattern(shape.pattern)}`);
      }
      break;
    }
    case "enum":
      if (!shape.values.includes(value as string)) {
        out.push(`Member must satisfy enum value set: [${shape.values.join(", ")}]`);
      }
      break;
    case "integer":
    case "long": {
      const n = value as number;
      if (shape.min !== undefined && n < shape.min)
        out.push(`Member must have value greater than or equal to ${shape.min}`);
      if (shape.max !== undefined && n > shape.max)
        out.push(`Member must have value less than or equal to ${shape.max}`);
      break;
    }
    case "list":
      length((value as Json[]).length, shape.min, shape.max);
      break;
    case "map":
      length(Object.keys(value as JsonObject).length, shape.min, shape.max);
      break;
    default:
      break;
  }
  return out;
}

const isScalar = (shape: Shape): boolean =>
  shape.kind !== "structure" && shape.kind !== "list" && shape.kind !== "map";

/** Collects every violation of `value` (already type-checked) at `path`, in model member order. */
function violations(ref: MemberRef, value: Json | undefined, path: string, out: string[]): void {
  const shape = shapeOf(ref.target);
  if (value === undefined) {
    if (ref.required)
      out.push(`Value null at '${path}' failed to satisfy constraint: Member must not be null`);
    return;
  }
  const subject = () =>
    containsSensitive(shape) ? `Value at '${path}'` : `Value '${printed(value)}' at '${path}'`;
  for (const phrase of phrases(shape, value))
    out.push(`${subject()} failed to satisfy constraint: ${phrase}`);
  if (shape.kind === "structure") {
    const obj = value as JsonObject;
    for (const [name, member] of Object.entries(shape.members)) {
      violations(member, obj[name], path ? `${path}.${lowerFirst(name)}` : lowerFirst(name), out);
    }
  } else if (shape.kind === "list") {
    const member = shapeOf(shape.member.target);
    const items = value as Json[];
    if (isScalar(member)) {
      const wrapped = new Set(items.flatMap((item) => phrases(member, item)));
      if (wrapped.size)
        out.push(
          `${subject()} failed to satisfy constraint: Member must satisfy constraint: [${[...wrapped].join(", ")}]`,
        );
    } else {
      items.forEach((item, i) => {
        violations(shape.member, item, `${path}.${i + 1}.member`, out);
      });
    }
  } else if (shape.kind === "map") {
    const keyShape = shapeOf(shape.key.target);
    const valueShape = shapeOf(shape.value.target);
    const entries = Object.entries(value as JsonObject);
    const keyPhrases = new Set(entries.flatMap(([k]) => phrases(keyShape, k)));
    if (keyPhrases.size)
      out.push(
        `${subject()} failed to satisfy constraint: Map keys must satisfy constraint: [${[...keyPhrases].join(", ")}]`,
      );
    if (isScalar(valueShape)) {
      const valuePhrases = new Set(entries.flatMap(([, v]) => phrases(valueShape, v)));
      if (valuePhrases.size)
        out.push(
          `${subject()} failed to satisfy constraint: Map value must satisfy constraint: [${[...valuePhrases].join(", ")}]`,
        );
    } else {
      for (const [k, v] of entries) violations(shape.value, v, `${path}.${k}.member`, out);
    }
  }
}

const lengthOk = (n: number, shape: { readonly min?: number; readonly max?: number }): boolean =>
  (shape.min === undefined || n >= shape.min) && (shape.max === undefined || n <= shape.max);

/**
 * Whether a string's length in code points is within bounds, counting only when the UTF-16 length leaves it
 * open (a string has between `length / 2` and `length` code points): long tokens are not walked per call.
 */
const stringLengthOk = (s: string, shape: { readonly min?: number; readonly max?: number }): boolean => {
  const surelyLongEnough = shape.min === undefined || Math.ceil(s.length / 2) >= shape.min;
  const surelyShortEnough = shape.max === undefined || s.length <= shape.max;
  return surelyLongEnough && surelyShortEnough ? true : lengthOk(codePoints(s), shape);
};

/**
 * Whether `value` satisfies every constraint, without building any message: the allocation-free fast path
 * for the common, valid input. Must agree with {@link violations} (the constraint sweep and the property
 * tests hold them to it): when it says no, `violations` says why.
 */
function satisfies(ref: MemberRef, value: Json | undefined): boolean {
  if (value === undefined) return ref.required !== true;
  const shape = shapeOf(ref.target);
  switch (shape.kind) {
    case "string":
      return (
        stringLengthOk(value as string, shape) &&
        (shape.pattern === undefined || regexOf(shape.pattern).test(value as string))
      );
    case "enum":
      return shape.values.includes(value as string);
    case "integer":
    case "long":
      return (
        (shape.min === undefined || (value as number) >= shape.min) &&
        (shape.max === undefined || (value as number) <= shape.max)
      );
    case "list": {
      const items = value as Json[];
      if (!lengthOk(items.length, shape)) return false;
      for (const item of items) if (!satisfies(shape.member, item)) return false;
      return true;
    }
    case "map": {
      const obj = value as JsonObject;
      const keys = Object.keys(obj);
      if (!lengthOk(keys.length, shape)) return false;
      for (const key of keys) {
        if (!satisfies(shape.key, key) || !satisfies(shape.value, obj[key])) return false;
      }
      return true;
    }
    case "structure": {
      const obj = value as JsonObject;
      for (const [name, member] of membersOf(shape)) if (!satisfies(member, obj[name])) return false;
      return true;
    }
    default:
      return true;
  }
}

/**
 * The service's `ValidationException` message for a list of violations.
 *
 * @example
 * ```ts
 * validationMessage(["Value null at 'identityPoolId' failed to satisfy constraint: Member must not be null"]);
 * // "1 validation error detected: Value null at 'identityPoolId' failed to satisfy constraint: …"
 * ```
 */
export function validationMessage(found: readonly string[]): string {
  const count =
    found.length === 1 ? "1 validation error detected" : `${found.length} validation errors detected`;
  return `${count}: ${found.join("; ")}`;
}

/**
 * Whether `raw` passes the fast check of {@link parseInput}: the check that lets a valid input through without
 * collecting violations. It must agree with the full check (the constraint sweep holds it to that).
 *
 * @example
 * ```ts
 * passesFastCheck("DescribeIdentityPool", { IdentityPoolId: "bad" }); // false
 * ```
 */
export function passesFastCheck(operation: OperationName, raw: unknown): boolean {
  const root = OPERATIONS[operation].input;
  return satisfies({ target: root }, coerce(shapeOf(root), raw ?? {}));
}

/**
 * Checks a raw (JSON-parsed) input against the operation's input shape and returns a clean copy.
 * Throws `SerializationException` for wrong JSON types and `ValidationException` for constraint violations.
 *
 * @example
 * ```ts
 * parseInput("DescribeIdentityPool", { IdentityPoolId: "bad" });
 * // throws ValidationException: 1 validation error detected: Value 'bad' at 'identityPoolId' failed to
 * // satisfy constraint: Member must satisfy regular expression pattern: [\w-]+:[0-9a-f-]+
 * ```
 */
export function parseInput(operation: OperationName, raw: unknown): Record<string, unknown> {
  const root = OPERATIONS[operation].input;
  const input = coerce(shapeOf(root), raw ?? {}) as JsonObject;
  if (satisfies({ target: root }, input)) return input;
  const found: string[] = [];
  violations({ target: root }, input, "", found);
  if (found.length) throw errors.validation(validationMessage(found));
  return input;
}
