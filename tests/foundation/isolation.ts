import fs from 'fs';
import os from 'os';
import path from 'path';
import type { TestApp } from '../helpers/strapi';

/**
 * Two test files call this with different markers. Each starts from an empty users table, writes
 * its marker and must see only its own, and the database names both files record must differ,
 * whichever order (or parallel workers) jest runs them in.
 */
export const expectOwnDatabaseOnly = async (app: TestApp, marker: string): Promise<void> => {
  const users = app.strapi.db.query('plugin::users-permissions.user');
  expect(await users.count()).toBe(0);

  await users.create({
    data: { username: `isolation-${marker}`, email: `${marker}@isolation.test`, provider: 'local' },
  });
  const rows = await users.findMany({ where: { username: { $startsWith: 'isolation-' } } });
  expect(rows.map((row: { username: string }) => row.username)).toEqual([`isolation-${marker}`]);

  const ledger = path.join(os.tmpdir(), `newsroom-isolation-${process.env.TEST_DATABASE ?? 'sqlite'}.json`);
  const seen: Record<string, string> = fs.existsSync(ledger) ? JSON.parse(fs.readFileSync(ledger, 'utf8')) : {};
  seen[marker] = app.database.name;
  fs.writeFileSync(ledger, JSON.stringify(seen));
  const names = Object.values(seen);
  expect(new Set(names).size).toBe(names.length);
};
