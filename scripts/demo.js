#!/usr/bin/env node
'use strict';
/**
 * npm run demo: writes a .env with random secrets if there is none, builds the admin, seeds the
 * demo content and accounts into SQLite, starts the server on http://localhost:1337 and prints
 * the admin URL and the demo logins once it answers.
 */
const { spawn, spawnSync } = require('child_process');
const http = require('http');
const path = require('path');
const { ensureEnvFile, root } = require('./env-file');

if (ensureEnvFile()) console.log('Wrote .env with freshly generated secrets.');
require('dotenv').config({ path: path.join(root, '.env') });
process.env.NODE_ENV = process.env.NODE_ENV || 'development';
if (process.env.NODE_ENV === 'production') {
  console.error('npm run demo seeds demo accounts and is refused with NODE_ENV=production.');
  process.exit(1);
}

const strapiBin = path.join(root, 'node_modules', '.bin', 'strapi');
const step = (label, command, args) => {
  console.log(`\n> ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

step('Building the admin panel (about 30 s)', strapiBin, ['build']);
step('Seeding demo content and accounts', process.execPath, [path.join(__dirname, 'seed.js'), '--demo']);

const port = Number(process.env.PORT || 1337);
const server = spawn(strapiBin, ['start'], { cwd: root, stdio: 'inherit', env: process.env });
const stop = (signal) => server.kill(signal);
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
server.on('exit', (code) => process.exit(code ?? 0));

const waitForHealth = (attempt = 0) => {
  const req = http.get({ host: '127.0.0.1', port, path: '/_health' }, (res) => {
    res.resume();
    if (res.statusCode === 204) return printBanner();
    setTimeout(() => waitForHealth(attempt + 1), 500);
  });
  req.on('error', () => (attempt < 240 ? setTimeout(() => waitForHealth(attempt + 1), 500) : null));
};

const printBanner = () => {
  const { demoAccounts } = require(path.join(root, 'dist', 'src', 'seed', 'demo-accounts'));
  const lines = [
    '',
    '==============================================================',
    ` The newsroom backend is running on http://localhost:${port}`,
    ` Admin panel:  http://localhost:${port}/admin`,
    ` REST API:     http://localhost:${port}/api`,
    '',
    ' Demo logins (development only):',
    ...demoAccounts().map((a) => `   ${a.label.padEnd(12)} ${a.email}  /  ${a.password}   (${a.where})`),
    '==============================================================',
    '',
  ];
  console.log(lines.join('\n'));
};

waitForHealth();
