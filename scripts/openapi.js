#!/usr/bin/env node
'use strict';
/**
 * npm run openapi: writes docs/openapi.json (the OpenAPI 3.1 description generated from the shared
 * contract and Strapi's own generator) and src/plugins/comments/client/schema.d.ts (its TypeScript
 * types, by openapi-typescript). Boots the compiled app on a throw-away SQLite database: the
 * description depends on code only. A test fails when the checked-in copies differ.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.resolve(__dirname, '..');
const documentPath = path.join(root, 'docs', 'openapi.json');
const typesPath = path.join(root, 'src', 'plugins', 'comments', 'client', 'schema.d.ts');

const main = async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-openapi-'));
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: path.join(dir, 'openapi.db'),
    LOG_LEVEL: 'error',
    SERVE_ADMIN: 'false',
    STRAPI_TELEMETRY_DISABLED: 'true',
    // Throw-away values: nothing is signed or stored.
    APP_KEYS: 'openapiKeyOne,openapiKeyTwo',
    API_TOKEN_SALT: 'openapi-salt',
    ADMIN_JWT_SECRET: 'openapi-admin-secret',
    TRANSFER_TOKEN_SALT: 'openapi-transfer-salt',
    JWT_SECRET: 'openapi-jwt-secret',
    ENCRYPTION_KEY: 'openapi-encryption-key-0123456789',
  });
  process.chdir(root);
  const { compileStrapi, createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi(await compileStrapi({ appDir: root })).load();
  try {
    const document = strapi.plugin('comments').service('openapi').document();
    fs.writeFileSync(documentPath, `${JSON.stringify(document, null, 2)}\n`);
  } finally {
    await strapi.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const types = spawnSync(path.join(root, 'node_modules', '.bin', 'openapi-typescript'), [documentPath, '-o', typesPath], {
    cwd: root,
    stdio: 'inherit',
  });
  if (types.status !== 0) process.exit(types.status ?? 1);
  console.log(`wrote ${path.relative(root, documentPath)} and ${path.relative(root, typesPath)}`);
};

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  }
);
