import path from 'path';
import type { AddressInfo } from 'net';
import request from 'supertest';
import { createStrapi } from '@strapi/strapi';
import type { Core } from '@strapi/strapi';
import { applyTestEnv } from './env';
import { createTestDatabase, type TestDatabase } from './database';
import { contractPlugin } from './contract';

export const APP_DIR = path.resolve(__dirname, '..', '..');
export const DIST_DIR = path.join(APP_DIR, 'dist');

export interface TestApp {
  strapi: Core.Strapi;
  database: TestDatabase;
  /** supertest bound to this instance's HTTP server. */
  http: () => request.Agent;
  /** Where this instance listens, e.g. http://127.0.0.1:41234. */
  baseUrl: string;
  stop(): Promise<void>;
}

export interface BootOptions {
  /** Extra environment for this instance (e.g. REDIS_URL, a comments config override). */
  env?: Record<string, string>;
  /** Reuse a database instead of creating a fresh one (e.g. two instances on one database). */
  database?: TestDatabase;
}

/**
 * Boots a real Strapi on its own fresh database. Call in beforeAll and `stop()` in afterAll:
 * every test file gets its own database, so files never see each other's rows.
 */
export const bootStrapi = async (options: BootOptions = {}): Promise<TestApp> => {
  const ownsDatabase = !options.database;
  const database = options.database ?? (await createTestDatabase());
  applyTestEnv({ ...database.env, ...options.env });

  const strapi = await createStrapi({ appDir: APP_DIR, distDir: DIST_DIR }).load();
  await strapi.server.mount();
  // Listen once on an ephemeral port: supertest would otherwise start a listener per request.
  await new Promise<void>((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = strapi.server.httpServer.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;

  // Every answer is checked against the OpenAPI description (tests/helpers/contract.ts).
  const http = () => request.agent(baseUrl).use(contractPlugin as never);

  return {
    strapi,
    database,
    http,
    baseUrl,
    async stop() {
      await strapi.destroy();
      if (ownsDatabase) await database.drop();
    },
  };
};
