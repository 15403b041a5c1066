/**
 * The model's constraints counted straight from the generated tables, independently of the sweep's case
 * builder (`cases.ts`): the sweep must cover exactly these.
 */
import { type MemberRef, OPERATION_NAMES, OPERATIONS, SHAPES, type Shape } from "../../../src/core";
import { lowerFirst } from "./cases";

/**
 * The constraints of the model, counted straight from the generated tables, independently of the case builder
 * above: one per required member, string min length (when above 0) / max length / pattern, enum, integer
 * min / max, list and map size bounds, list-item and map key / value constraints, and the same inside nested
 * structures (list members `<path>.1.member.<name>`, map values `<path>.{key}.member.<name>`). A length
 * minimum of 0 cannot be violated; those are counted apart.
 */
export function modelConstraints(): { violable: string[]; vacuous: string[] } {
  const violable: string[] = [];
  const vacuous: string[] = [];
  const scalar = (s: Shape): string[] => {
    switch (s.kind) {
      case "string":
        return [
          ...(s.min !== undefined && s.min > 0 ? ["min length"] : []),
          ...(s.max !== undefined ? ["max length"] : []),
          ...(s.pattern !== undefined ? ["pattern"] : []),
        ];
      case "enum":
        return ["enum"];
      case "integer":
      case "long":
        return [...(s.min !== undefined ? ["min"] : []), ...(s.max !== undefined ? ["max"] : [])];
      default:
        return [];
    }
  };
  const zeroMin = (s: Shape) => (s.kind === "string" || s.kind === "list" || s.kind === "map") && s.min === 0;
  const walk = (op: string, ref: MemberRef, path: string) => {
    const s = SHAPES[ref.target] as Shape;
    const add = (kind: string) => violable.push(`${op} ${path} ${kind}`);
    if (ref.required) add("required");
    for (const kind of scalar(s)) add(kind);
    if (zeroMin(s)) vacuous.push(`${op} ${path} min 0`);
    if (s.kind === "list" || s.kind === "map") {
      const unit = s.kind === "list" ? "items" : "entries";
      if (s.min !== undefined && s.min > 0) add(`min ${unit}`);
      if (s.max !== undefined) add(`max ${unit}`);
    }
    if (s.kind === "list") {
      const member = SHAPES[s.member.target] as Shape;
      if (member.kind === "structure") {
        for (const [name, m] of Object.entries(member.members))
          walk(op, m, `${path}.1.member.${lowerFirst(name)}`);
      } else {
        for (const kind of scalar(member)) add(`item ${kind}`);
        if (zeroMin(member)) vacuous.push(`${op} ${path} item min 0`);
      }
    }
    if (s.kind === "map") {
      const key = SHAPES[s.key.target] as Shape;
      for (const kind of scalar(key)) add(`key ${kind}`);
      const value = SHAPES[s.value.target] as Shape;
      if (value.kind === "structure") {
        for (const [name, m] of Object.entries(value.members))
          walk(op, m, `${path}.{key}.member.${lowerFirst(name)}`);
      } else {
        for (const kind of scalar(value)) add(`value ${kind}`);
        if (zeroMin(value)) vacuous.push(`${op} ${path} value min 0`);
      }
    }
    if (s.kind === "structure") {
      for (const [name, m] of Object.entries(s.members)) walk(op, m, `${path}.${lowerFirst(name)}`);
    }
  };
  for (const op of OPERATION_NAMES) {
    const root = SHAPES[OPERATIONS[op].input] as Shape;
    if (root.kind !== "structure") continue;
    for (const [name, ref] of Object.entries(root.members)) walk(op, ref, lowerFirst(name));
  }
  return { violable, vacuous };
}
