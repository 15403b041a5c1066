import { defineConfig } from "tsup";

/** Bundles the benchmark with the library as it ships (no name-keeping wrappers of a dev transpiler). */
export default defineConfig({
  entry: { run: "bench/run.ts" },
  outDir: "bench/.build",
  format: ["cjs"],
  target: "node20",
  clean: true,
  external: [/^@aws-sdk\//, /^@smithy\//, "immer"],
});
