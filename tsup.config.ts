import { defineConfig } from "tsup";

export default defineConfig({
  entry: {
    index: "src/index.ts",
    "core/index": "src/core/index.ts",
    "jest/index": "src/jest/index.ts",
    "msw/index": "src/msw/index.ts",
  },
  format: ["cjs", "esm"],
  dts: true,
  clean: true,
  sourcemap: true,
  shims: true,
  target: "node20",
  external: [
    "@aws-sdk/client-cognito-identity",
    "@aws-sdk/nested-clients",
    "immer",
    "@mswjs/interceptors",
    "msw",
  ],
});
