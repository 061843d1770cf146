import Database from 'better-sqlite3';
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { startChildInstance, type ChildInstance } from '../helpers/child-instance';
import { expectErrorEnvelope } from '../helpers/envelope';
import { checked } from '../helpers/contract';

const EMAIL = 'jane.reader@example.test';

let database: TestDatabase;
let verbose: ChildInstance;
let quiet: ChildInstance;

/** Production processes as deployed: JSON logs at the default level, and one at `warn`. */
beforeAll(async () => {
  database = await createTestDatabase();
  const production = { ...database.env, NODE_ENV: 'production', LOG_LEVEL: 'http' };
  verbose = await startChildInstance(production);
  quiet = await startChildInstance({ ...production, LOG_LEVEL: 'warn' });
});
afterAll(async () => {
  await quiet?.stop();
  await verbose?.stop();
  await database?.drop();
});

const logLines = (instance: ChildInstance): Array<Record<string, any>> =>
  instance
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line));

/** A real fault, not a mock: the table behind the policy route disappears under the running servers. */
const dropPolicyTable = async () => {
  if (database.client === 'sqlite') {
    const sqlite = new Database(database.env.DATABASE_FILENAME);
    sqlite.exec('DROP TABLE community_policy');
    sqlite.close();
    return;
  }
  const client = new Client({ connectionString: database.env.DATABASE_URL });
  await client.connect();
  await client.query('DROP TABLE community_policy CASCADE');
  await client.end();
};

test('production logs are JSON lines; access lines carry the request id and no email address', async () => {
  const res = await checked(verbose.baseUrl).get(`/api/articles?filters[title][$eq]=${encodeURIComponent(EMAIL)}`);
  expect(res.status).toBe(200);
  await checked(verbose.baseUrl).post('/api/auth/local').send({ identifier: EMAIL, password: 'wrong-password' });
  const access = logLines(verbose).find((line) => line.requestId === res.headers['x-request-id']);
  expect(access).toMatchObject({ level: 'http', message: expect.stringContaining('GET /api/articles') });
  expect(access?.timestamp).toEqual(expect.any(String));
  expect(verbose.output()).not.toContain(EMAIL);
  expect(verbose.output()).not.toContain(encodeURIComponent(EMAIL));
  expect(verbose.output()).toContain('[email]');
});

test('a 500 is logged with its stack and request id, at the default level and at warn; its answer tells nothing', async () => {
  await dropPolicyTable();
  for (const instance of [verbose, quiet]) {
    const res = await checked(instance.baseUrl).get('/api/comments/policy');
    expectErrorEnvelope(res, 500);
    expect(res.body.error.message).toBe('Internal Server Error');
    expect(JSON.stringify(res.body)).not.toMatch(/community_policy|select|stack/i);
    const requestId = res.headers['x-request-id'];
    expect(res.body.error.details.requestId).toBe(requestId);
    // The line may reach the pipe a moment after the answer.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const logged = logLines(instance).find((line) => line.level === 'error' && line.requestId === requestId);
    expect(logged?.error?.stack).toMatch(/community_policy/);
  }
  // At `warn` the access lines are not kept; at `http` they are.
  expect(logLines(quiet).some((line) => line.level === 'http')).toBe(false);
  expect(logLines(verbose).some((line) => line.level === 'http')).toBe(true);
});
