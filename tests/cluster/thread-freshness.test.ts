import request from 'supertest';
import Redis from 'ioredis';
import { bootStrapi } from '../helpers/strapi';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createAdmin, createApiToken, type TestAdmin, type TestUser } from '../helpers/auth';
import { bearer, createArticle, createSubscriber, ensurePolicy } from '../helpers/comments';
import { randomSecrets, startCluster, type Cluster, type ClusterInstance } from '../helpers/cluster-instances';
import { checked } from '../helpers/contract';

/**
 * Rendered thread pages are shared through Redis and cached in each process, keyed by the
 * thread's revision: a write on one instance must show at once on the other, whose page for the
 * old revision sits in both caches.
 */
const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';

let database: TestDatabase;
let cluster: Cluster;
let a: ClusterInstance;
let b: ClusterInstance;
let redis: Redis;
let admin: TestAdmin;
let author: TestUser;
let articleId: string;

const read = (instance: ClusterInstance, etag?: string) => {
  const req = checked(instance.baseUrl).get(`/api/comments/threads/${articleId}`);
  return etag ? req.set('If-None-Match', etag) : req;
};
const bodiesOn = async (instance: ClusterInstance) =>
  (await read(instance)).body.data.map((comment: { body: string | null }) => comment.body);
const asAdmin = (instance: ClusterInstance) => ({
  get: (url: string) => checked(instance.baseUrl).get(url).set('Authorization', `Bearer ${admin.token}`),
  post: (url: string, body: object) =>
    checked(instance.baseUrl).post(url).set('Authorization', `Bearer ${admin.token}`).send(body),
});
const moderate = async (instance: ClusterInstance, commentId: string, action: string) => {
  const detail = await asAdmin(instance).get(`/comments/moderation/comments/${commentId}`);
  return asAdmin(instance).post(`/comments/moderation/comments/${commentId}/actions`, {
    action,
    reason: `${action}, for the freshness test`,
    version: detail.body.data.comment.version,
  });
};

/** B has the current page cached (and so has Redis); `write` runs on A; B's next answer is the new page. */
const seenOnB = async (write: () => Promise<request.Response>, status = 200) => {
  const before = await read(b);
  expect(before.status).toBe(200);
  expect((await read(b, before.headers.etag)).status).toBe(304);
  expect((await write()).status).toBe(status);
  const after = await read(b, before.headers.etag);
  expect(after.status).toBe(200);
  expect(after.headers.etag).not.toBe(before.headers.etag);
  return after;
};

beforeAll(async () => {
  database = await createTestDatabase('postgres');
  const secrets = randomSecrets();
  const seeder = await bootStrapi({ database, env: secrets });
  try {
    // The story first: the Document Service emits its event after answering, and the rest of the
    // seeding gives that event time to finish before the seeder stops.
    articleId = (await createArticle(seeder)).documentId;
    await ensurePolicy(seeder);
    const token = await createApiToken(seeder);
    admin = await createAdmin(seeder);
    author = await createSubscriber(seeder, token, { displayName: 'Author' });
  } finally {
    await seeder.stop();
  }
  cluster = await startCluster({ count: 2, database, secrets, env: { REDIS_URL } });
  [a, b] = cluster.instances;
  redis = new Redis(REDIS_URL);
}, 180_000);

afterAll(async () => {
  await cluster?.stop();
  redis?.disconnect();
  await database?.drop();
});

test('a page rendered on one instance is kept in Redis and served alike by the other', async () => {
  const post = await checked(a.baseUrl)
    .post(`/api/comments/threads/${articleId}`)
    .set(bearer(author))
    .send({ data: { body: 'Shared page' } });
  expect(post.status).toBe(201);
  const onB = await read(b);
  expect(onB.status).toBe(200);
  const [key] = await redis.keys(`comments:page:*:${onB.headers.etag}`);
  expect(key).toBeDefined();
  expect(JSON.parse((await redis.get(key)) as string)).toEqual(onB.body);
  const onA = await read(a);
  expect(onA.headers.etag).toBe(onB.headers.etag);
  expect(onA.body).toEqual(onB.body);
});

test('posts, edits, hides, restores and withdrawals on A show at once on B', async () => {
  const posted = await seenOnB(
    () =>
      checked(a.baseUrl)
        .post(`/api/comments/threads/${articleId}`)
        .set(bearer(author))
        .send({ data: { body: 'Fresh on B' } }),
    201
  );
  expect(posted.body.data.map((comment: { body: string }) => comment.body)).toEqual(['Shared page', 'Fresh on B']);
  const commentId = posted.body.data[1].documentId;

  await seenOnB(() =>
    checked(a.baseUrl)
      .patch(`/api/comments/${commentId}`)
      .set(bearer(author))
      .send({ data: { body: 'Edited on A' } })
  );
  expect(await bodiesOn(b)).toEqual(['Shared page', 'Edited on A']);

  await seenOnB(() => moderate(a, commentId, 'hide'));
  // Hidden: neither the new page on B nor a fresh read anywhere shows it.
  expect(await bodiesOn(b)).toEqual(['Shared page']);
  expect(await bodiesOn(a)).toEqual(['Shared page']);

  await seenOnB(() => moderate(a, commentId, 'restore'));
  expect(await bodiesOn(b)).toEqual(['Shared page', 'Edited on A']);

  await seenOnB(() => checked(a.baseUrl).delete(`/api/comments/${commentId}`).set(bearer(author)));
  expect(await bodiesOn(b)).toEqual(['Shared page']);
});

test('a settings change on A applies at once on B, whose settings sat in its read cache', async () => {
  const policyOn = async (instance: ClusterInstance) =>
    (await checked(instance.baseUrl).get('/api/comments/policy')).body.data;
  const before = await policyOn(b);
  // Read twice: the second answer comes from B's read cache.
  expect((await policyOn(b)).editWindowMinutes).toBe(before.editWindowMinutes);
  const changed = await checked(a.baseUrl)
    .put('/comments/moderation/settings')
    .set('Authorization', `Bearer ${admin.token}`)
    .send({ data: { editWindowMinutes: before.editWindowMinutes + 7 } });
  expect(changed.status).toBe(200);
  expect((await policyOn(b)).editWindowMinutes).toBe(before.editWindowMinutes + 7);
});
