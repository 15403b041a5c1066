/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  testMatch: ["**/*.test.ts"],
  setupFiles: ["<rootDir>/test/support/setup-env.ts"],
  reporters: ["default", "<rootDir>/test/support/summaryReporter.js"],
};
