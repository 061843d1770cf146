import { checked } from '../helpers/contract';
import { Client } from 'pg';
import { bootStrapi } from '../helpers/strapi';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createAdmin, createApiToken } from '../helpers/auth';
import { adminCall } from '../helpers/moderation';
import { randomSecrets, startCluster, type Cluster } from '../helpers/cluster-instances';
import { WEBHOOK_TEST_ENV, startReceiver, type WebhookReceiver } from '../helpers/webhook-receiver';

const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
const EVENTS = 1000;
// Syncs in flight at once, spread over both instances.
const SENDERS = 10;

let database: TestDatabase;
let cluster: Cluster;
let receiver: WebhookReceiver;
let token: string;
let pg: Client;

beforeAll(async () => {
  database = await createTestDatabase('postgres');
  // A few milliseconds per answer, so two deliveries of one event at once would overlap at the receiver.
  receiver = await startReceiver({ answerDelayMs: 5 });
  const secrets = randomSecrets();
  const seeder = await bootStrapi({ database, env: { ...secrets, ...WEBHOOK_TEST_ENV } });
  try {
    token = await createApiToken(seeder);
    const admin = await createAdmin(seeder);
    const hook = await adminCall(seeder, admin).post('/comments/webhooks', {
      name: 'CRM',
      url: receiver.url,
      events: ['subscription.synced'],
    });
    expect(hook.status).toBe(201);
  } finally {
    await seeder.stop();
  }
  cluster = await startCluster({ count: 2, database, secrets, env: { REDIS_URL, ...WEBHOOK_TEST_ENV } });
  pg = new Client({ connectionString: database.env.DATABASE_URL });
  await pg.connect();
}, 180_000);

afterAll(async () => {
  await cluster?.stop();
  await receiver?.close();
  await pg?.end();
  await database?.drop();
});

test('two instances deliver 1,000 events to one receiver: none lost, none delivered twice at once', async () => {
  const [a, b] = cluster.instances;
  let next = 0;
  const sender = async () => {
    while (next < EVENTS) {
      const index = next++;
      const res = await checked((index % 2 === 0 ? a : b).baseUrl)
        .post('/api/comments/subscriptions')
        .set('Authorization', `Bearer ${token}`)
        .send({ data: { email: `subscriber${index}@example.test`, status: 'active', expiresAt: null } });
      expect(res.status).toBe(200);
    }
  };
  await Promise.all(Array.from({ length: SENDERS }, sender));

  const { rows } = await pg.query(`SELECT event_id FROM comment_outbox_events WHERE type = 'subscription.synced'`);
  expect(rows).toHaveLength(EVENTS);
  const expected = new Set<string>(rows.map((row: { event_id: string }) => row.event_id));
  const delivered = () => new Set(receiver.received.filter((item) => item.status === 200).map((item) => item.id));
  await receiver.waitFor(() => delivered().size >= EVENTS, 120_000);

  expect([...delivered()].filter((id) => !expected.has(id))).toEqual([]);
  expect([...expected].filter((id) => !delivered().has(id))).toEqual([]);
  expect(receiver.maxConcurrentPerId()).toBe(1);
  // Nothing crashed, so at-least-once came down to exactly once.
  expect(receiver.received).toHaveLength(EVENTS);
  const { rows: states } = await pg.query(
    `SELECT state, count(*)::int AS count FROM comment_webhook_deliveries GROUP BY state`
  );
  expect(states).toEqual([{ state: 'succeeded', count: EVENTS }]);
}, 240_000);
