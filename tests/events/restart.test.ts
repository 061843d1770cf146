import { bootStrapi } from '../helpers/strapi';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createAdmin, createApiToken, type TestAdmin, type TestUser } from '../helpers/auth';
import { bearer, createArticle, createSubscriber, ensurePolicy } from '../helpers/comments';
import { adminCall } from '../helpers/moderation';
import { startChildInstance, type ChildInstance } from '../helpers/child-instance';
import { WEBHOOK_TEST_ENV, startReceiver, type WebhookReceiver } from '../helpers/webhook-receiver';
import { checked } from '../helpers/contract';

// A delivery holds its lease this long; the receiver's answer is awaited for less.
const ENV = { ...WEBHOOK_TEST_ENV, WEBHOOK_LEASE_SECONDS: '2', WEBHOOK_TIMEOUT_MS: '1500' };

let database: TestDatabase;
let receiver: WebhookReceiver;
let admin: TestAdmin;
let author: TestUser;
let articleId: string;
let webhookId: string;
const children: ChildInstance[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  receiver = await startReceiver();
  // Seeded through an in-process instance that then stops: the deliveries are the child processes' work.
  const setup = await bootStrapi({ database, env: ENV });
  try {
    await ensurePolicy(setup);
    const token = await createApiToken(setup);
    admin = await createAdmin(setup);
    author = await createSubscriber(setup, token);
    articleId = (await createArticle(setup)).documentId;
    const hook = await adminCall(setup, admin).post('/comments/webhooks', {
      name: 'Survives crashes',
      url: receiver.url,
      events: ['comment.created'],
    });
    expect(hook.status).toBe(201);
    webhookId = hook.body.data.documentId;
  } finally {
    await setup.stop();
  }
});
afterAll(async () => {
  await Promise.all(children.map((child) => child.stop()));
  await receiver?.close();
  await database?.drop();
});

const start = async () => {
  const child = await startChildInstance({ ...database.env, ...ENV });
  children.push(child);
  return child;
};

test('a process killed mid-delivery is restarted and delivers what was pending, with the same webhook-id', async () => {
  receiver.behave(() => 'hang');
  const first = await start();
  const posted = await checked(first.baseUrl)
    .post(`/api/comments/threads/${articleId}`)
    .set(bearer(author))
    .send({ data: { body: 'Delivered despite the crash' } });
  expect(posted.status).toBe(201);
  const comment = posted.body.data.documentId;
  const deliveriesOf = () => receiver.received.filter((item) => JSON.parse(item.body).data.comment === comment);
  await receiver.waitFor(() => deliveriesOf().length === 1);
  // The receiver holds the request open: the delivery is under way when the process dies.
  await first.kill();
  children.splice(children.indexOf(first), 1);
  receiver.behave(() => 200);

  const second = await start();
  await receiver.waitFor(() => deliveriesOf().some((item) => item.status === 200), 60_000);
  expect(deliveriesOf().map((item) => item.nth)).toEqual([1, 2]);
  expect(new Set(deliveriesOf().map((item) => item.id)).size).toBe(1);

  const log = await checked(second.baseUrl)
    .get(`/comments/webhooks/${webhookId}/deliveries`)
    .set('Authorization', `Bearer ${admin.token}`);
  expect(log.status).toBe(200);
  expect(log.body.data.find((delivery: any) => delivery.eventId === deliveriesOf()[0].id)).toMatchObject({
    state: 'succeeded',
    responseStatus: 200,
  });
});
