/** Jest runs the integration suite against a real Strapi booted in-process (see tests/README.md). */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/e2e/'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.tmp/'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest'] },
  globalSetup: '<rootDir>/tests/setup/global-setup.ts',
  testTimeout: 120000,
  maxWorkers: 2,
  // Strapi keeps sockets and timers of its own; each file destroys its instance in afterAll.
  forceExit: true,
};
