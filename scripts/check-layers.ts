/**
 * The layering check (`npm run layers`, part of `npm test`): every import under `src/` must point down the
 * layers or stay within its own, the store's internals stay inside `store/`, and no hand-written source file
 * grows past 300 lines. Prints every violation and exits 1 when there is one.
 *
 * Layers, lowest first (a file may import its own layer and the ones below):
 *   0 core base      src/core/model/**, src/core/errors.ts
 *   1 core store     src/core/state.ts, src/core/ids.ts, src/core/validation/**, src/core/store/**, src/core/tokens/**
 *   2 core domain    src/core/domain/**
 *   3 operations     src/core/operations/**
 *   4 core entry     every other file of src/core/ (dispatch.ts, seed.ts, index.ts, views.ts, …)
 *   5 wire           src/wire/**
 *   6 engine         src/engine/**
 *   7 everything else under src/ (sdk, adapters, runners, fake.ts, entries)
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const ROOT = resolve(__dirname, "..");
const SRC = join(ROOT, "src");
const MAX_LINES = 300;

const LAYERS: readonly [string, RegExp][] = [
  ["core base", /^src\/core\/(model\/.*|errors\.ts)$/],
  ["core store", /^src\/core\/(state\.ts|ids\.ts|validation\/.*|store\/.*|tokens\/.*)$/],
  ["core domain", /^src\/core\/domain\/.*$/],
  ["operations", /^src\/core\/operations\/.*$/],
  ["core entry", /^src\/core\/[^/]+$/],
  ["wire", /^src\/wire\/.*$/],
  ["engine", /^src\/engine\/.*$/],
  ["above the core", /^src\/.*$/],
];

/** Store internals: only `store/` itself (and the shared types, for the map type and the empty state) may import them. */
const PRIVATE = /^src\/core\/store\/(pmap|trie|keys)\.ts$/;
const PRIVATE_ALLOWED = /^src\/core\/(store\/.*|state\.ts|index\.ts)$/;

const layerOf = (file: string): number => LAYERS.findIndex(([, pattern]) => pattern.test(file));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|cts)$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

/** The repository-relative file a relative specifier names (`./x` → `x.ts` or `x/index.ts`), if it exists. */
function resolveImport(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, join(base, "index.ts")]) {
    try {
      if (statSync(candidate).isFile()) return relative(ROOT, candidate).split("\\").join("/");
    } catch {
      // not this candidate
    }
  }
  return undefined;
}

const IMPORT = /\bfrom\s+["']([^"']+)["']|\bimport\s*\(?\s*["']([^"']+)["']/g;

const problems: string[] = [];
for (const path of sourceFiles(SRC)) {
  const file = relative(ROOT, path).split("\\").join("/");
  const text = readFileSync(path, "utf8");
  const lines = text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
  if (lines > MAX_LINES && !file.includes(".generated.")) {
    problems.push(`${file}: ${lines} lines (at most ${MAX_LINES} outside generated files)`);
  }
  const layer = layerOf(file);
  for (const match of text.matchAll(IMPORT)) {
    const specifier = match[1] ?? match[2] ?? "";
    if (!specifier.startsWith(".")) continue;
    const target = resolveImport(path, specifier);
    if (target === undefined || !target.startsWith("src/")) continue;
    const targetLayer = layerOf(target);
    if (targetLayer > layer) {
      problems.push(
        `${file} (${LAYERS[layer]?.[0]}) imports ${target} (${LAYERS[targetLayer]?.[0]}): a lower layer may not import a higher one`,
      );
    }
    if (PRIVATE.test(target) && !PRIVATE_ALLOWED.test(file)) {
      problems.push(`${file} imports ${target}: the store's internals are private to src/core/store/`);
    }
  }
}

if (problems.length > 0) {
  console.error(`Layering check: ${problems.length} problem(s)\n${problems.map((p) => `  ${p}`).join("\n")}`);
  process.exit(1);
}
console.log("Layering check: every import points down the layers; the store's internals stay private.");
