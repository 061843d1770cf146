import fs from 'fs';
import os from 'os';
import path from 'path';
import crypto from 'crypto';
import { Client } from 'pg';

export type TestDatabaseClient = 'sqlite' | 'postgres';

export interface TestDatabase {
  client: TestDatabaseClient;
  /** Environment variables that point config/database.ts at this database. */
  env: Record<string, string>;
  /** A label that is unique to this database (file path or database name). */
  name: string;
  drop(): Promise<void>;
}

export const testDatabaseClient = (): TestDatabaseClient =>
  process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite';

export const PG_ADMIN_URL = process.env.TEST_PG_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

const uniqueSuffix = () => `${process.pid}_${Date.now()}_${crypto.randomBytes(3).toString('hex')}`;

const withAdminClient = async <T>(fn: (client: Client) => Promise<T>): Promise<T> => {
  const client = new Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
};

/** A fresh, empty database for one test file: a temporary SQLite file, or a new PostgreSQL database. */
export const createTestDatabase = async (client: TestDatabaseClient = testDatabaseClient()): Promise<TestDatabase> => {
  if (client === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-test-'));
    const filename = path.join(dir, 'data.db');
    return {
      client,
      name: filename,
      env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: filename },
      async drop() {
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }

  const name = `test_${uniqueSuffix()}`;
  await withAdminClient((admin) => admin.query(`CREATE DATABASE "${name}"`));
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    client,
    name,
    env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: url.toString() },
    async drop() {
      await withAdminClient((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
};
