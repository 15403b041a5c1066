import { defineConfig } from "tsup";

/**
 * The package's entry points: one line per public subpath (`"<subpath>/index": "src/<folder>/index.ts"`, the root
 * entry is `index`). Each needs its `exports` and `typesVersions` lines in package.json; `npm run check:package`
 * says which are missing.
 */
export const entries: Record<string, string> = {
  index: "src/index.ts",
  "core/index": "src/core/index.ts",
  "jest/index": "src/jest/index.ts",
  "vitest/index": "src/vitest/index.ts",
  "msw/index": "src/msw/index.ts",
  // The command line (package.json "bin"): run, not imported, so it needs no export.
  "cli/main": "src/cli/main.ts",
};

export default defineConfig({
  entry: entries,
  format: ["cjs", "esm"],
  // Shared chunks in both formats, so every entry uses one copy of the engine.
  splitting: true,
  dts: true,
  clean: true,
  sourcemap: false,
  // The ESM build locates its own files (the interception library is loaded on first install()).
  shims: true,
  target: "node20",
  // Rollup turns the shared ESM chunks into CommonJS. Without it tsup uses sucrase, which rewrites every `?.`
  // and `??` of the CommonJS build into helper calls that allocate an array and closures per evaluation (the
  // ES module build never had them): a jest file of 100 tests ran its tests 12 % slower on them.
  treeshake: true,
  external: [
    "@aws-sdk/client-cognito-identity",
    "@aws-sdk/nested-clients",
    "immer",
    "@mswjs/interceptors",
    "msw",
    "vitest",
  ],
});
