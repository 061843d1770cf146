#!/usr/bin/env node
'use strict';
/**
 * npm run seed: loads the reference story and the community policy from database/seeds/, and in
 * development the demo accounts (and demo rules in place of the policy's placeholder). Idempotent:
 * a second run changes nothing and duplicates nothing. It lists the editorial additions (values
 * not in the source document) of what it created, for the editors to review.
 * `--demo` (used by npm run demo) insists on the demo accounts and is refused in production.
 */
const path = require('path');
const { ensureEnvFile, root } = require('./env-file');

const main = async () => {
  const demo = process.argv.includes('--demo');
  if (process.env.NODE_ENV !== 'production' && ensureEnvFile())
    console.log('Wrote .env with freshly generated secrets.');
  require('dotenv').config({ path: path.join(root, '.env') });
  if (demo && process.env.NODE_ENV === 'production') {
    throw new Error('Demo accounts are never seeded with NODE_ENV=production.');
  }
  process.env.LOG_LEVEL = process.env.LOG_LEVEL || 'warn';
  process.env.STARTUP_MESSAGE = 'false';

  const { compileStrapi, createStrapi } = require('@strapi/strapi');
  const appContext = await compileStrapi({ appDir: root });
  const app = await createStrapi(appContext).load();
  try {
    const { runSeed } = require(path.join(appContext.distDir, 'src', 'seed'));
    const { tallies, editorialAdditions } = await runSeed(app, { demoAccounts: process.env.NODE_ENV !== 'production' });
    console.log(`Seed done: ${JSON.stringify(tallies)}`);
    if (editorialAdditions.length > 0) {
      console.log(`\nEditorial additions (not in the source document; review them in the admin):`);
      for (const line of editorialAdditions) console.log(`  - ${line}`);
    }
  } finally {
    await app.destroy();
  }
};

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
);
