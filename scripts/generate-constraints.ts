/**
 * Reads the Smithy model of Cognito Identity and writes `src/core/model/model.generated.ts`: the shape
 * table that validation walks, the operation table, and TypeScript types for every input and output.
 *
 * Usage: `npm run generate` (reads `../shared/aws-models/cognito-identity.json` by default, or the path given
 * as the first argument). The output is committed, so the package never needs the model at run time.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const NS = "com.amazonaws.cognitoidentity#";
const modelPath =
  process.argv[2] ?? join(__dirname, "..", "..", "shared", "aws-models", "cognito-identity.json");
const outPath = join(__dirname, "..", "src", "core", "model", "model.generated.ts");

interface SmithyRef {
  target: string;
  traits?: Record<string, unknown>;
}
interface SmithyShape {
  type: string;
  members?: Record<string, SmithyRef>;
  member?: SmithyRef;
  key?: SmithyRef;
  value?: SmithyRef;
  input?: SmithyRef;
  output?: SmithyRef;
  errors?: SmithyRef[];
  operations?: SmithyRef[];
  traits?: Record<string, unknown>;
}

const model = JSON.parse(readFileSync(modelPath, "utf8")) as { shapes: Record<string, SmithyShape> };
const shapes = model.shapes;
const local = (id: string): string => (id.startsWith(NS) ? id.slice(NS.length) : id);

const table: Record<string, unknown> = {};
const types: string[] = [];
const visited = new Set<string>();

function ref(r: SmithyRef): { target: string; required?: true } {
  visit(r.target);
  const out: { target: string; required?: true } = { target: local(r.target) };
  if (r.traits && "smithy.api#required" in r.traits) out.required = true;
  return out;
}

function tsType(target: string): string {
  const name = local(target);
  const shape = shapes[target];
  if (!shape) {
    if (target === "smithy.api#String") return "string";
    if (target === "smithy.api#Boolean") return "boolean";
    throw new Error(`unknown shape ${target}`);
  }
  switch (shape.type) {
    case "string":
      return "string";
    case "boolean":
      return "boolean";
    case "integer":
    case "long":
    case "timestamp":
      return "number";
    default:
      return name;
  }
}

function visit(id: string): void {
  const name = local(id);
  if (visited.has(name)) return;
  const shape = shapes[id];
  if (!shape) {
    if (id === "smithy.api#String") {
      visited.add(name);
      table[name] = { kind: "string" };
      return;
    }
    if (id === "smithy.api#Boolean") {
      visited.add(name);
      table[name] = { kind: "boolean" };
      return;
    }
    throw new Error(`unknown shape ${id}`);
  }
  visited.add(name);
  const traits = shape.traits ?? {};
  const length = traits["smithy.api#length"] as { min?: number; max?: number } | undefined;
  const range = traits["smithy.api#range"] as { min?: number; max?: number } | undefined;
  const bounds = (b?: { min?: number; max?: number }) => ({
    ...(b?.min !== undefined ? { min: b.min } : {}),
    ...(b?.max !== undefined ? { max: b.max } : {}),
  });
  switch (shape.type) {
    case "string": {
      const pattern = traits["smithy.api#pattern"] as string | undefined;
      table[name] = {
        kind: "string",
        ...bounds(length),
        ...(pattern ? { pattern } : {}),
        ...("smithy.api#sensitive" in traits ? { sensitive: true } : {}),
      };
      return;
    }
    case "enum": {
      const values = Object.values(shape.members ?? {}).map((m) =>
        String(m.traits?.["smithy.api#enumValue"]),
      );
      table[name] = { kind: "enum", values };
      types.push(`export type ${name} = ${values.map((v) => JSON.stringify(v)).join(" | ")};`);
      return;
    }
    case "boolean":
    case "timestamp":
      table[name] = { kind: shape.type };
      return;
    case "integer":
    case "long":
      table[name] = { kind: shape.type, ...bounds(range) };
      return;
    case "list": {
      const member = ref(shape.member as SmithyRef);
      table[name] = { kind: "list", member, ...bounds(length) };
      types.push(`export type ${name} = ${tsType((shape.member as SmithyRef).target)}[];`);
      return;
    }
    case "map": {
      const key = ref(shape.key as SmithyRef);
      const value = ref(shape.value as SmithyRef);
      table[name] = { kind: "map", key, value, ...bounds(length) };
      types.push(`export type ${name} = Record<string, ${tsType((shape.value as SmithyRef).target)}>;`);
      return;
    }
    case "structure": {
      const members: Record<string, unknown> = {};
      const fields: string[] = [];
      for (const [m, r] of Object.entries(shape.members ?? {})) {
        const mr = ref(r);
        members[m] = mr;
        fields.push(`  ${m}${mr.required ? "" : "?"}: ${tsType(r.target)};`);
      }
      table[name] = { kind: "structure", members };
      types.push(
        fields.length
          ? `export interface ${name} {\n${fields.join("\n")}\n}`
          : `export type ${name} = Record<string, never>;`,
      );
      return;
    }
    default:
      throw new Error(`unsupported shape type ${shape.type} (${id})`);
  }
}

const service = Object.values(shapes).find((s) => s.type === "service");
if (!service?.operations) throw new Error("no service shape in the model");
const operations: Record<string, unknown> = {};
const names: string[] = [];
for (const op of service.operations.map((o) => o.target).sort()) {
  const shape = shapes[op] as SmithyShape;
  const input = local((shape.input as SmithyRef).target);
  const output = local((shape.output as SmithyRef).target);
  visit((shape.input as SmithyRef).target);
  if (output !== "smithy.api#Unit") visit((shape.output as SmithyRef).target);
  const authTrait = shape.traits?.["smithy.api#auth"];
  const auth = Array.isArray(authTrait) && authTrait.length === 0;
  operations[local(op)] = {
    input,
    output,
    errors: (shape.errors ?? []).map((e) => local(e.target)).sort(),
    auth: auth ? "none" : "sigv4",
  };
  names.push(local(op));
}

const sortedTable = Object.fromEntries(Object.entries(table).sort(([a], [b]) => a.localeCompare(b)));
const source = `// Generated by scripts/generate-constraints.ts from the Smithy model of Cognito Identity. Do not edit.
import type { OperationSpec, Shape } from "./shape";

/**
 * The names of all operations of the service.
 *
 * @example
 * \`\`\`ts
 * OPERATION_NAMES.length; // 23
 * \`\`\`
 */
export const OPERATION_NAMES = ${JSON.stringify(names)} as const;

/** One of the service's operation names. */
export type OperationName = (typeof OPERATION_NAMES)[number];

/**
 * Every operation: its input and output shapes, modeled errors and auth.
 *
 * @example
 * \`\`\`ts
 * OPERATIONS.GetId.auth; // "none": a public operation, sent unsigned
 * \`\`\`
 */
export const OPERATIONS: Readonly<Record<OperationName, OperationSpec>> = ${JSON.stringify(operations, null, 2)};

/**
 * Every shape reachable from an operation's input or output, by local name.
 *
 * @example
 * \`\`\`ts
 * SHAPES.IdentityPoolName; // { kind: "string", min: 1, max: 128, pattern: "^[\\w\\s+=,.@-]+$" }
 * \`\`\`
 */
export const SHAPES: Readonly<Record<string, Shape>> = ${JSON.stringify(sortedTable, null, 2)};

/** The input and output type of every operation (outputs as the wire carries them: dates in epoch seconds). */
export interface OperationTypes {
${names
  .map((n) => {
    const spec = operations[n] as { input: string; output: string };
    return `  ${n}: { input: ${spec.input}; output: ${spec.output === "smithy.api#Unit" ? "Record<string, never>" : spec.output} };`;
  })
  .join("\n")}
}

${types.sort().join("\n\n")}
`;
writeFileSync(outPath, source);
console.log(`wrote ${outPath}: ${names.length} operations, ${Object.keys(table).length} shapes`);
