import { spawnSync } from 'child_process';
import { APP_DIR, DIST_DIR } from '../helpers/strapi';
import { TEST_SECRETS } from '../helpers/env';
import { createTestDatabase } from '../helpers/database';

const BOOT = `require('@strapi/strapi').createStrapi({ appDir: ${JSON.stringify(APP_DIR)}, distDir: ${JSON.stringify(DIST_DIR)} }).load()
  .then((app) => app.destroy().then(() => process.exit(0)))
  .catch((error) => { console.error(error.message); process.exit(3); });`;

const boot = (env: Record<string, string>) =>
  spawnSync(process.execPath, ['-e', BOOT], {
    cwd: APP_DIR,
    encoding: 'utf8',
    timeout: 120000,
    env: { ...process.env, SERVE_ADMIN: 'false', LOG_LEVEL: 'error', ...env, NODE_ENV: 'production' },
  });

test('in production the app refuses to start with placeholder or missing secrets, naming them', async () => {
  const database = await createTestDatabase('sqlite');
  try {
    const placeholders = boot({ ...database.env, ...TEST_SECRETS, JWT_SECRET: 'tobemodified', ENCRYPTION_KEY: 'short' });
    expect(placeholders.status).not.toBe(0);
    expect(placeholders.stderr).toMatch(/Refusing to start in production: JWT_SECRET, ENCRYPTION_KEY/);

    const good = boot({ ...database.env, ...TEST_SECRETS });
    expect(good.stderr).not.toMatch(/Refusing to start/);
    expect(good.status).toBe(0);
  } finally {
    await database.drop();
  }
});
