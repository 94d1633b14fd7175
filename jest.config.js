/** Jest: every suite under test/, TypeScript through ts-jest. DOM suites opt in with a docblock. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.test.json", diagnostics: false }],
  },
  moduleNameMapper: {
    "\\.(css|png|svg)$": "<rootDir>/test/support/file-stub.js",
  },
  setupFilesAfterEnv: ["<rootDir>/test/support/setup.ts"],
  testTimeout: 30000,
};
