/**
 * Jest runs the integration suite against a real Strapi booted in-process (see tests/README.md).
 * TEST_SUITE=security|cluster|faults runs one of the reliability suites instead of the main one.
 */
const RELIABILITY_SUITES = ['security', 'cluster', 'faults'];
const suite = process.env.TEST_SUITE;
if (suite && !RELIABILITY_SUITES.includes(suite)) throw new Error(`TEST_SUITE must be one of ${RELIABILITY_SUITES.join(', ')}`);

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: suite
    ? [`<rootDir>/tests/${suite}/**/*.test.ts`]
    : ['<rootDir>/tests/**/*.test.ts', '<rootDir>/src/**/*.test.ts'],
  testPathIgnorePatterns: [
    '/node_modules/',
    '<rootDir>/tests/e2e/',
    ...(suite ? [] : RELIABILITY_SUITES.map((name) => `<rootDir>/tests/${name}/`)),
  ],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.tmp/'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest'] },
  globalSetup: '<rootDir>/tests/setup/global-setup.ts',
  // Every API answer a test receives is validated against docs/openapi.json.
  setupFilesAfterEnv: ['<rootDir>/tests/setup/contract.ts'],
  testTimeout: 120000,
  maxWorkers: 2,
  // Strapi keeps sockets and timers of its own; each file destroys its instance in afterAll.
  forceExit: true,
};
