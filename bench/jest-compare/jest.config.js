/** Jest config of the benchmark's comparison (not part of npm test). */
module.exports = {
  rootDir: "../..",
  testEnvironment: "node",
  roots: ["<rootDir>/bench/jest-compare"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  testMatch: ["**/*.test.ts"],
  setupFiles: ["<rootDir>/test/support/setup-env.ts"],
};
