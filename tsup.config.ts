import { defineConfig } from "tsup";

export default defineConfig({
  entry: {
    index: "src/index.ts",
    "core/index": "src/core/index.ts",
    "jest/index": "src/jest/index.ts",
    "cli/main": "src/cli/main.ts",
  },
  format: ["cjs", "esm"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "node20",
  external: ["@aws-sdk/client-cognito-identity", "@aws-sdk/nested-clients", "immer"],
});
