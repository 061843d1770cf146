const base = require('../../jest.config');

/** The browser tests: one Strapi serving the built admin, driven by Debian's Chromium. */
module.exports = {
  ...base,
  rootDir: require('path').resolve(__dirname, '..', '..'),
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 180000,
  maxWorkers: 1,
};
