/**
 * The constraint sweep's cases, generated from the model: for every operation and every constrained member of
 * its input (nested members too), one violating input per constraint, with the messages the service answers.
 */
import {
  type MemberRef,
  OPERATION_NAMES,
  OPERATIONS,
  type OperationName,
  SHAPES,
  type Shape,
} from "../../../src/core";
import { type Json, sampleValue } from "../helpers";

export const shape = (name: string): Shape => SHAPES[name] as Shape;
export const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
export const printed = (v: Json): string =>
  Array.isArray(v)
    ? `[${v.map(printed).join(", ")}]`
    : typeof v === "object"
      ? `{${Object.entries(v)
          .map(([k, x]) => `${k}=${printed(x)}`)
          .join(", ")}}`
      : String(v);

/** The phrases a scalar value breaks (the test's own reading of the documented format). */
export function scalarPhrases(s: Shape, v: Json): string[] {
  const out: string[] = [];
  if (s.kind === "string") {
    const n = [...(v as string)].length;
    if (s.min !== undefined && n < s.min)
      out.push(`Member must have length greater than or equal to ${s.min}`);
    if (s.max !== undefined && n > s.max) out.push(`Member must have length less than or equal to ${s.max}`);
    if (s.pattern && !new RegExp(s.pattern, "u").test(v as string)) {
      out.push(`Member must satisfy regular expression pattern: ${s.pattern.slice(1, -1)}`);
    }
  } else if (s.kind === "enum") {
    if (!s.values.includes(v as string))
      out.push(`Member must satisfy enum value set: [${s.values.join(", ")}]`);
  } else if (s.kind === "integer" || s.kind === "long") {
    if (s.min !== undefined && (v as number) < s.min)
      out.push(`Member must have value greater than or equal to ${s.min}`);
    if (s.max !== undefined && (v as number) > s.max)
      out.push(`Member must have value less than or equal to ${s.max}`);
  }
  return out;
}

/** Violating scalar values, one per constraint of the shape. */
export function badScalars(s: Shape): { constraint: string; value: Json }[] {
  const out: { constraint: string; value: Json }[] = [];
  if (s.kind === "string") {
    if (s.min !== undefined && s.min > 0)
      out.push({ constraint: "min length", value: "a".repeat(s.min - 1) });
    if (s.max !== undefined) out.push({ constraint: "max length", value: "a".repeat(s.max + 1) });
    if (s.pattern) {
      const re = new RegExp(s.pattern, "u");
      const bad = ["!", " ", "#"].map((c) => c.repeat(Math.max(s.min ?? 1, 1))).find((v) => !re.test(v));
      if (bad === undefined) throw new Error(`no violating sample for pattern ${s.pattern}`);
      out.push({ constraint: "pattern", value: bad });
    }
  } else if (s.kind === "enum") {
    out.push({ constraint: "enum", value: "NotAValue" });
  } else if (s.kind === "integer" || s.kind === "long") {
    if (s.min !== undefined) out.push({ constraint: "min", value: s.min - 1 });
    if (s.max !== undefined) out.push({ constraint: "max", value: s.max + 1 });
  }
  return out;
}

export interface Case {
  readonly operation: OperationName;
  readonly label: string;
  /** The constraint this case violates: operation, member path (`{key}` for map keys) and kind. */
  readonly constraint: string;
  readonly input: Json;
  readonly expected: string[];
}

export const sensitive = (name: string): boolean => {
  const s = shape(name);
  if (s.kind === "string") return s.sensitive === true;
  if (s.kind === "map") return sensitive(s.value.target);
  if (s.kind === "list") return sensitive(s.member.target);
  return false;
};

/** Every violation case at one member position; `place` builds the whole input around a value there. */
export function casesAt(
  operation: OperationName,
  ref: MemberRef,
  path: string,
  place: (v: Json | undefined) => Json,
  out: Case[],
  idPath = path,
): void {
  const s = shape(ref.target);
  const id = (kind: string) => `${operation} ${idPath} ${kind}`;
  const subject = (v: Json) =>
    sensitive(ref.target) ? `Value at '${path}'` : `Value '${printed(v)}' at '${path}'`;
  if (ref.required) {
    out.push({
      operation,
      label: `${path} required`,
      constraint: id("required"),
      input: place(undefined),
      expected: [`Value null at '${path}' failed to satisfy constraint: Member must not be null`],
    });
  }
  for (const { constraint, value } of badScalars(s)) {
    out.push({
      operation,
      label: `${path} ${constraint}`,
      constraint: id(constraint),
      input: place(value),
      expected: scalarPhrases(s, value).map((p) => `${subject(value)} failed to satisfy constraint: ${p}`),
    });
  }
  if (s.kind === "list") {
    const item = sampleValue(s.member.target);
    if (s.min !== undefined && s.min > 0) {
      out.push({
        operation,
        label: `${path} min items`,
        constraint: id("min items"),
        input: place([]),
        expected: [
          `${subject([])} failed to satisfy constraint: Member must have length greater than or equal to ${s.min}`,
        ],
      });
    }
    if (s.max !== undefined) {
      const v = Array.from({ length: s.max + 1 }, () => item);
      out.push({
        operation,
        label: `${path} max items`,
        constraint: id("max items"),
        input: place(v),
        expected: [
          `${subject(v)} failed to satisfy constraint: Member must have length less than or equal to ${s.max}`,
        ],
      });
    }
    const member = shape(s.member.target);
    if (member.kind === "structure") {
      for (const [name, m] of Object.entries(member.members)) {
        casesAt(
          operation,
          m,
          `${path}.1.member.${lowerFirst(name)}`,
          (v) => place([withMember(item, name, v)]),
          out,
          `${idPath}.1.member.${lowerFirst(name)}`,
        );
      }
    } else {
      for (const { constraint, value } of badScalars(member)) {
        const list = [value];
        out.push({
          operation,
          label: `${path} item ${constraint}`,
          constraint: id(`item ${constraint}`),
          input: place(list),
          expected: [
            `${subject(list)} failed to satisfy constraint: Member must satisfy constraint: [${scalarPhrases(member, value).join(", ")}]`,
          ],
        });
      }
    }
  }
  if (s.kind === "map") {
    const key = sampleValue(s.key.target) as string;
    const value = sampleValue(s.value.target);
    if (s.min !== undefined && s.min > 0) {
      out.push({
        operation,
        label: `${path} min entries`,
        constraint: id("min entries"),
        input: place({}),
        expected: [
          `${subject({})} failed to satisfy constraint: Member must have length greater than or equal to ${s.min}`,
        ],
      });
    }
    if (s.max !== undefined) {
      const v = Object.fromEntries(
        Array.from({ length: s.max + 1 }, (_, i) => [`${key}${"k".repeat(i)}`, value]),
      );
      // When the key shape admits fewer than max + 1 distinct keys (RolesMap: max 2, keys `(un)?authenticated`),
      // no input breaks the size bound alone: the input then breaks the key constraint too, and both are expected.
      const keyPhrases = [...new Set(Object.keys(v).flatMap((k) => scalarPhrases(shape(s.key.target), k)))];
      out.push({
        operation,
        label: `${path} max entries`,
        constraint: id("max entries"),
        input: place(v),
        expected: [
          `${subject(v)} failed to satisfy constraint: Member must have length less than or equal to ${s.max}`,
          ...(keyPhrases.length > 0
            ? [
                `${subject(v)} failed to satisfy constraint: Map keys must satisfy constraint: [${keyPhrases.join(", ")}]`,
              ]
            : []),
        ],
      });
    }
    for (const { constraint, value: badKey } of badScalars(shape(s.key.target))) {
      const v = { [badKey as string]: value };
      out.push({
        operation,
        label: `${path} key ${constraint}`,
        constraint: id(`key ${constraint}`),
        input: place(v),
        expected: [
          `${subject(v)} failed to satisfy constraint: Map keys must satisfy constraint: [${scalarPhrases(shape(s.key.target), badKey).join(", ")}]`,
        ],
      });
    }
    const valueShape = shape(s.value.target);
    if (valueShape.kind === "structure") {
      for (const [name, m] of Object.entries(valueShape.members)) {
        casesAt(
          operation,
          m,
          `${path}.${key}.member.${lowerFirst(name)}`,
          (v) => place({ [key]: withMember(value, name, v) }),
          out,
          `${idPath}.{key}.member.${lowerFirst(name)}`,
        );
      }
    } else {
      for (const { constraint, value: badValue } of badScalars(valueShape)) {
        const v = { [key]: badValue };
        out.push({
          operation,
          label: `${path} value ${constraint}`,
          constraint: id(`value ${constraint}`),
          input: place(v),
          expected: [
            `${subject(v)} failed to satisfy constraint: Map value must satisfy constraint: [${scalarPhrases(valueShape, badValue).join(", ")}]`,
          ],
        });
      }
    }
  }
  if (s.kind === "structure") {
    const base = sampleValue(ref.target);
    for (const [name, m] of Object.entries(s.members)) {
      casesAt(
        operation,
        m,
        `${path}.${lowerFirst(name)}`,
        (v) => place(withMember(base, name, v)),
        out,
        `${idPath}.${lowerFirst(name)}`,
      );
    }
  }
}

export function withMember(obj: Json, name: string, v: Json | undefined): Json {
  const copy = { ...(obj as Record<string, Json>) };
  if (v === undefined) delete copy[name];
  else copy[name] = v;
  return copy;
}

/** One violating input per constraint of every member position of every operation's input. */
export function sweepCases(): Case[] {
  const cases: Case[] = [];
  for (const operation of OPERATION_NAMES) {
    const root = shape(OPERATIONS[operation].input);
    if (root.kind !== "structure") continue;
    const base = sampleValue(OPERATIONS[operation].input);
    for (const [name, ref] of Object.entries(root.members)) {
      casesAt(operation, ref, lowerFirst(name), (v) => withMember(base, name, v), cases);
    }
  }
  return cases;
}
