import { defineConfig } from "vitest/config";

// Vitest runs only the Vitest suite (jest runs the rest); Vitest's default set-up: no globals.
export default defineConfig({
  test: {
    include: ["test/adapters/vitest/**/*.test.ts"],
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
  },
});
