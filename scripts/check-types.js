#!/usr/bin/env node
'use strict';
/** npm run check:types: regenerates types/generated and fails when the committed copy differs. */
const { spawnSync } = require('child_process');
const path = require('path');

const root = path.resolve(__dirname, '..');
const placeholderSecrets = [
  'APP_KEYS',
  'API_TOKEN_SALT',
  'ADMIN_JWT_SECRET',
  'TRANSFER_TOKEN_SALT',
  'JWT_SECRET',
  'ENCRYPTION_KEY',
];
const env = { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn' };
// Type generation loads the app's schemas only; any value satisfies the config files.
for (const name of placeholderSecrets) env[name] = env[name] || 'typegen-only-value-0123456789';

const generate = spawnSync(path.join(root, 'node_modules', '.bin', 'strapi'), ['ts:generate-types'], {
  cwd: root,
  env,
  stdio: 'inherit',
});
if (generate.status !== 0) process.exit(generate.status ?? 1);

const status = spawnSync('git', ['status', '--porcelain', '--', 'types/generated'], { cwd: root, encoding: 'utf8' });
if (status.status !== 0) {
  console.error(status.stderr);
  process.exit(1);
}
if (status.stdout.trim() !== '') {
  console.error('types/generated is out of date: commit the regenerated files.\n' + status.stdout);
  spawnSync('git', ['--no-pager', 'diff', '--stat', '--', 'types/generated'], { cwd: root, stdio: 'inherit' });
  process.exit(1);
}
console.log('types/generated matches the schema.');
