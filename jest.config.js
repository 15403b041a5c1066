/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  // No test asserts on time: a generous timeout keeps a loaded 2-core CI machine from failing slow but correct tests.
  testTimeout: 60_000,
  roots: ["<rootDir>/test"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }],
    // msw 2.11+ depends on packages published as ESM only: jest (before Node 24.9) needs it compiled to CommonJS.
    "/node_modules/(rettime|until-async|@open-draft/deferred-promise)/.+\\.m?js$": [
      "ts-jest",
      { tsconfig: { allowJs: true, module: "commonjs", isolatedModules: true } },
    ],
  },
  transformIgnorePatterns: [
    "/node_modules/(?!.*/node_modules/)(?!(rettime|until-async|@open-draft/deferred-promise)/)",
  ],
  moduleFileExtensions: ["js", "mjs", "cjs", "ts", "json", "node"],
  testMatch: ["**/*.test.ts"],
  // The Vitest suite (`vitest run`, see vitest.config.mts) is not jest's.
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/adapters/vitest/"],
  setupFiles: ["<rootDir>/test/support/setup-env.ts"],
  reporters: ["default", "<rootDir>/test/support/summaryReporter.js"],
};
