/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  testMatch: ["**/*.test.ts"],
  // The Vitest suite (`vitest run`, see vitest.config.mts) is not jest's.
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/adapters/vitest/"],
  setupFiles: ["<rootDir>/test/support/setup-env.ts"],
  reporters: ["default", "<rootDir>/test/support/summaryReporter.js"],
};
