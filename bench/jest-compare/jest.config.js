/** Jest config of the benchmark's comparison (not part of npm test). */
module.exports = {
  rootDir: "../..",
  testEnvironment: "node",
  roots: ["<rootDir>/bench/jest-compare"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  // The fake as users get it: the built package (`npm run bench` builds it first), not the sources through ts-jest.
  moduleNameMapper: { "^\\.\\./\\.\\./src/jest$": "<rootDir>/dist/jest/index.js" },
  testMatch: ["**/*.test.ts"],
  setupFiles: ["<rootDir>/test/support/setup-env.ts"],
};
