#!/usr/bin/env node
'use strict';
/**
 * npm run test:e2e: the admin screens in a real browser. Makes sure Debian's Chromium is there,
 * builds the admin panel (production bundle; SKIP_ADMIN_BUILD=1 reuses dist/build), runs
 * tests/e2e with jest against the app served in-process, and prints `e2e: N passed, N failed`.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const run = (command, args, env = {}) =>
  spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });

if (run('bash', ['scripts/ensure-chromium.sh']).status !== 0) process.exit(1);
if (!process.env.SKIP_ADMIN_BUILD || !fs.existsSync(path.join(root, 'dist', 'build', 'index.html'))) {
  const placeholders = {
    APP_KEYS: 'build-only-key-0123456789',
    API_TOKEN_SALT: 'x',
    ADMIN_JWT_SECRET: 'x',
    TRANSFER_TOKEN_SALT: 'x',
    JWT_SECRET: 'x',
    ENCRYPTION_KEY: 'x',
  };
  const build = run(path.join(root, 'node_modules', '.bin', 'strapi'), ['build'], {
    ...placeholders,
    ...process.env,
    NODE_ENV: 'production',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

fs.mkdirSync(path.join(root, '.tmp'), { recursive: true });
const report = path.join(root, '.tmp', 'jest-e2e.json');
fs.rmSync(report, { force: true });
const jest = run(path.join(root, 'node_modules', '.bin', 'jest'), [
  '-c',
  'tests/e2e/jest.config.js',
  '--json',
  `--outputFile=${report}`,
  ...process.argv.slice(2),
]);
let passed = 0;
let failed = 1;
if (fs.existsSync(report)) {
  const result = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed = result.numPassedTests;
  failed = result.numFailedTests + result.numRuntimeErrorTestSuites + result.numPendingTests + result.numTodoTests;
}
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(jest.status === 0 && failed === 0 ? 0 : 1);
