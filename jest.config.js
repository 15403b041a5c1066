/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
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
  setupFiles: ["<rootDir>/test/support/setup-env.ts"],
  reporters: ["default", "<rootDir>/test/support/summaryReporter.js"],
};
