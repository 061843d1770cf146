import { Webhook } from 'standardwebhooks';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, createApiToken, type TestAdmin, type TestUser } from '../helpers/auth';
import { expectErrorEnvelope } from '../helpers/envelope';
import { createArticle, createSubscriber, ensurePolicy, postComment } from '../helpers/comments';
import { GENEROUS_LIMITS, adminCall, overrideSettings } from '../helpers/moderation';
import { WEBHOOK_TEST_ENV, startReceiver, type WebhookReceiver } from '../helpers/webhook-receiver';

let app: TestApp;
let admin: TestAdmin;
let author: TestUser;
let articleId: string;
let receiver: WebhookReceiver;
let api: ReturnType<typeof adminCall> & { del: (url: string) => any };

const createHook = async (body: Record<string, unknown> = {}) => {
  const res = await api.post('/comments/webhooks', {
    name: 'Newsroom Slack',
    url: receiver.url,
    events: ['comment.created'],
    ...body,
  });
  expect(res.status).toBe(201);
  return res.body.data as { documentId: string; secret: string };
};

const deliveriesOf = async (webhook: string) => {
  const res = await api.get(`/comments/webhooks/${webhook}/deliveries`);
  expect([res.status, res.body.error]).toEqual([200, undefined]);
  return res.body.data as Array<Record<string, any>>;
};

const waitForDelivery = async (webhook: string, predicate: (delivery: Record<string, any>) => boolean) => {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const match = (await deliveriesOf(webhook)).find(predicate);
    if (match) return match;
    if (Date.now() > deadline) throw new Error('no such delivery in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

const bodiesOf = (type: string) =>
  receiver.received.map((item) => JSON.parse(item.body)).filter((body) => body.type === type);

beforeAll(async () => {
  app = await bootStrapi({ env: WEBHOOK_TEST_ENV });
  await overrideSettings(app, GENEROUS_LIMITS);
  await ensurePolicy(app);
  const token = await createApiToken(app);
  admin = await createAdmin(app);
  const call = adminCall(app, admin);
  api = {
    ...call,
    del: (url) => app.http().delete(url).set('Authorization', `Bearer ${admin.token}`),
  };
  author = await createSubscriber(app, token, { displayName: 'Webhook Author' });
  articleId = (await createArticle(app)).documentId;
  receiver = await startReceiver();
});
afterEach(async () => {
  receiver.behave(() => 200);
  receiver.release();
  // Each test's endpoints go with it, whatever its outcome: the next test's events reach only its own.
  for (const hook of (await api.get('/comments/webhooks')).body.data)
    await api.del(`/comments/webhooks/${hook.documentId}`);
});
afterAll(async () => {
  await receiver?.close();
  await app?.stop();
});

test('the secret is shown once, stored encrypted, never listed', async () => {
  const hook = await createHook({ name: 'Secret keeper' });
  expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
  const list = await api.get('/comments/webhooks');
  expect(list.status).toBe(200);
  const listed = list.body.data.find((item: any) => item.documentId === hook.documentId);
  expect(listed).toMatchObject({
    name: 'Secret keeper',
    url: receiver.url,
    events: ['comment.created'],
    enabled: true,
  });
  expect(JSON.stringify(list.body)).not.toContain(hook.secret);
  const row = await app.strapi.db.query('plugin::comments.webhook').findOne({ where: { documentId: hook.documentId } });
  expect(row.secret).not.toContain(hook.secret.slice(6));
});

test('a delivered event carries a Standard Webhooks signature the receiver verifies with the library', async () => {
  const hook = await createHook();
  const posted = await postComment(app, author, articleId, 'Signed and delivered');
  expect(posted.status).toBe(201);
  const comment = posted.body.data.documentId;
  await receiver.waitFor(() => bodiesOf('comment.created').some((body) => body.data.comment === comment));
  const request = receiver.received.find((item) => JSON.parse(item.body).data.comment === comment)!;
  const verified = new Webhook(hook.secret).verify(request.body, {
    'webhook-id': request.id,
    'webhook-timestamp': request.timestamp,
    'webhook-signature': request.signature,
  }) as Record<string, any>;
  expect(verified).toMatchObject({
    type: 'comment.created',
    data: { comment, thread: { type: 'api::article.article', documentId: articleId }, author: author.documentId },
  });
  // Ids and public fields only.
  expect(request.body).not.toContain(author.email);
  expect(() =>
    new Webhook(`whsec_${Buffer.from('another secret of 24 b').toString('base64')}`).verify(request.body, {
      'webhook-id': request.id,
      'webhook-timestamp': request.timestamp,
      'webhook-signature': request.signature,
    })
  ).toThrow();
  const delivery = await waitForDelivery(
    hook.documentId,
    (item) => item.eventId === request.id && item.state === 'succeeded'
  );
  expect(delivery).toMatchObject({ eventType: 'comment.created', attempts: 1, responseStatus: 200, error: null });
  expect(delivery.durationMs).toEqual(expect.any(Number));
});

test('a receiver failing twice then succeeding gets the event three times with the same webhook-id', async () => {
  const hook = await createHook();
  receiver.behave((request) => (request.nth <= 2 ? 503 : 200));
  const posted = await postComment(app, author, articleId, 'Third time lucky');
  const comment = posted.body.data.documentId;
  const event = () => receiver.received.filter((item) => JSON.parse(item.body).data.comment === comment);
  await receiver.waitFor(() => event().some((item) => item.status === 200));
  expect(event().map((item) => [item.nth, item.status])).toEqual([
    [1, 503],
    [2, 503],
    [3, 200],
  ]);
  expect(new Set(event().map((item) => item.id)).size).toBe(1);
  const delivery = await waitForDelivery(
    hook.documentId,
    (item) => item.eventId === event()[0].id && item.state === 'succeeded'
  );
  expect(delivery).toMatchObject({ attempts: 3, responseStatus: 200 });
});

test('a hanging receiver does not hold up readers: posts answer while its delivery is still open', async () => {
  await createHook();
  receiver.behave(() => 'hang');
  const first = await postComment(app, author, articleId, 'Into the void');
  expect(first.status).toBe(201);
  await receiver.waitFor(() =>
    receiver.received.some((item) => JSON.parse(item.body).data.comment === first.body.data.documentId)
  );
  // The delivery is open at the receiver; more posts are answered all the same.
  for (const body of ['Still here', 'And again']) {
    const next = await postComment(app, author, articleId, body);
    expect(next.status).toBe(201);
  }
  const open = receiver.received.find((item) => JSON.parse(item.body).data.comment === first.body.data.documentId)!;
  expect(open.status).toBeUndefined();
  receiver.release();
});

test('endpoints on private, loopback, link-local or metadata addresses are refused', async () => {
  for (const url of [
    'http://10.0.0.8/hook',
    'http://127.0.0.2:8080/hook',
    'http://169.254.169.254/latest/meta-data',
    'http://[::1]/hook',
    'http://[fd00:ec2::254]/',
    'http://0.0.0.0/',
  ]) {
    const res = await api.post('/comments/webhooks', { name: 'Inside job', url, events: ['comment.created'] });
    expectErrorEnvelope(res, 400);
    expect([url, res.body.error.details.code]).toEqual([url, 'WEBHOOK_URL_REFUSED']);
  }
  const ftp = await api.post('/comments/webhooks', {
    name: 'Old school',
    url: 'ftp://example.com/',
    events: ['comment.created'],
  });
  expect(ftp.body.error.details.code).toBe('WEBHOOK_URL_INVALID');
});

test('a delivery is refused at send time when the address is no longer allowed, then dead-lettered', async () => {
  const hook = await createHook();
  const config = app.strapi.config.get('plugin::comments') as any;
  const { allowedHosts, retry } = config.webhooks;
  config.webhooks.allowedHosts = [];
  config.webhooks.retry = { ...retry, windowHours: 0.0002 };
  try {
    const posted = await postComment(app, author, articleId, 'Nowhere to go');
    const delivery = await waitForDelivery(hook.documentId, (item) => item.state === 'dead');
    expect(delivery.error).toMatch(/127\.0\.0\.1 \(loopback\), which webhooks may not reach/);
    expect(delivery.responseStatus).toBeNull();
    expect(receiver.received.some((item) => JSON.parse(item.body).data.comment === posted.body.data.documentId)).toBe(
      false
    );
  } finally {
    config.webhooks.allowedHosts = allowedHosts;
    config.webhooks.retry = retry;
  }
});

test('a dead-lettered delivery is redelivered on demand with the same webhook-id', async () => {
  const hook = await createHook();
  const config = app.strapi.config.get('plugin::comments') as any;
  const { retry } = config.webhooks;
  config.webhooks.retry = { ...retry, windowHours: 0.0002 };
  receiver.behave(() => 500);
  let dead: Record<string, any>;
  try {
    await postComment(app, author, articleId, 'Refused until further notice');
    dead = await waitForDelivery(hook.documentId, (item) => item.state === 'dead');
  } finally {
    config.webhooks.retry = retry;
  }
  expect(dead.responseStatus).toBe(500);
  receiver.behave(() => 200);
  const again = await api.post(`/comments/webhooks/deliveries/${dead.documentId}/redeliver`, {});
  expect(again.status).toBe(202);
  expect(again.body.data).toMatchObject({ eventId: dead.eventId, redelivery: true, state: 'pending' });
  await waitForDelivery(
    hook.documentId,
    (item) => item.documentId === again.body.data.documentId && item.state === 'succeeded'
  );
  expect(receiver.received.filter((item) => item.id === dead.eventId).at(-1)?.status).toBe(200);
});

test('a test event goes to its endpoint at once; a disabled endpoint gets nothing', async () => {
  const hook = await createHook({ events: ['comment.created', 'comment.reported'] });
  const test = await api.post(`/comments/webhooks/${hook.documentId}/test`, {});
  expect(test.status).toBe(200);
  expect(test.body.data).toMatchObject({
    eventType: 'webhook.test',
    state: 'succeeded',
    attempts: 1,
    responseStatus: 200,
  });
  expect(bodiesOf('webhook.test').at(-1)).toMatchObject({ data: { webhook: hook.documentId } });

  const disabled = await api.put(`/comments/webhooks/${hook.documentId}`, { enabled: false });
  expect(disabled.status).toBe(200);
  expect(disabled.body.data).toMatchObject({ enabled: false, events: ['comment.created', 'comment.reported'] });
  const before = (await deliveriesOf(hook.documentId)).length;
  await postComment(app, author, articleId, 'Nobody listening');
  // The relay has run (the event is dispatched) and made no delivery for the disabled endpoint.
  const latest = async () =>
    app.strapi.db
      .query('plugin::comments.outbox-event')
      .findOne({ where: { type: 'comment.created' }, orderBy: { id: 'desc' } });
  const deadline = Date.now() + 10_000;
  while (!(await latest()).dispatchedAt && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 50));
  expect((await latest()).dispatchedAt).not.toBeNull();
  expect((await deliveriesOf(hook.documentId)).length).toBe(before);
});

test('bodies are validated (400 with each field), unknown ids 404, and the routes need the webhooks permission', async () => {
  const bad = await api.post('/comments/webhooks', {
    name: '',
    url: receiver.url,
    events: ['comment.nonsense'],
    extra: 1,
  });
  expectErrorEnvelope(bad, 400);
  expect(bad.body.error.details.errors.map((error: any) => error.path.join('.')).sort()).toEqual(
    ['events.0', 'extra', 'name'].sort()
  );
  const none = await api.post('/comments/webhooks', { name: 'No events', url: receiver.url, events: [] });
  expectErrorEnvelope(none, 400);
  expectErrorEnvelope(await api.put('/comments/webhooks/nosuchwebhook', { enabled: true }), 404);
  expectErrorEnvelope(await api.post('/comments/webhooks/deliveries/nosuchdelivery/redeliver', {}), 404);

  const moderator = await createAdmin(app, ['comments-moderator']);
  const asModerator = adminCall(app, moderator);
  expectErrorEnvelope(await asModerator.get('/comments/webhooks'), 403);
  expectErrorEnvelope(await app.http().get('/comments/webhooks'), 401);
});
