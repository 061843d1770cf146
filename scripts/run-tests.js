#!/usr/bin/env node
'use strict';
/**
 * npm test / npm run test:pg / the reliability suites: type-checks the app (compileStrapi would
 * exit silently on a type error; SKIP_TYPECHECK=1 when the caller already did), runs the jest
 * suite against SQLite or PostgreSQL, and prints one closing line `N passed, N failed`.
 * `--suite=security|cluster|faults` picks a reliability suite; other arguments go to jest.
 * The jest JSON report is left in .tmp/jest-[<suite>-]<database>.json for .ci/run to add up.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const database = process.argv[2] === 'postgres' ? 'postgres' : 'sqlite';
const suiteArg = process.argv.slice(3).find((arg) => arg.startsWith('--suite='));
const suite = suiteArg ? suiteArg.slice('--suite='.length) : '';
const jestArgs = process.argv.slice(3).filter((arg) => arg !== suiteArg);
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

const typecheck = process.env.SKIP_TYPECHECK
  ? { status: 0 }
  : spawnSync('npm', ['run', '--silent', 'typecheck'], { cwd: root, stdio: 'inherit' });
if (typecheck.status !== 0) {
  console.error('Type errors: fix them first (the Strapi compile in the test setup would exit without a message).');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

fs.mkdirSync(path.join(root, '.tmp'), { recursive: true });
const label = suite ? `${suite}-${database}` : database;
const report = path.join(root, '.tmp', `jest-${label}.json`);
fs.rmSync(report, { force: true });

const run = spawnSync(bin('jest'), ['--json', `--outputFile=${report}`, ...jestArgs], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TEST_DATABASE: database, ...(suite ? { TEST_SUITE: suite } : {}) },
});

let passed = 0;
let failed = 0;
if (fs.existsSync(report)) {
  const result = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed = result.numPassedTests;
  // A suite that fails to load counts as a failure even though it ran no test.
  failed = result.numFailedTests + result.numRuntimeErrorTestSuites;
  if (result.numPendingTests + result.numTodoTests > 0) {
    console.error(`${result.numPendingTests + result.numTodoTests} skipped or todo tests: none may be left behind.`);
    failed += result.numPendingTests + result.numTodoTests;
  }
} else {
  failed = 1;
}
console.log(`${label}: ${passed} passed, ${failed} failed`);
process.exit(run.status === 0 && failed === 0 ? 0 : 1);
