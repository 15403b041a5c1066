/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  // No test asserts on time: a generous timeout keeps a loaded 2-core CI machine from failing slow but correct tests.
  testTimeout: 60_000,
  roots: ["<rootDir>/test"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  testMatch: ["**/*.test.ts"],
  // The Vitest suite (`vitest run`, see vitest.config.mts) is not jest's.
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/adapters/vitest/"],
  setupFiles: ["<rootDir>/test/support/setup-env.ts"],
  reporters: ["default", "<rootDir>/test/support/summaryReporter.js"],
};
