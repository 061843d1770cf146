import crypto from 'crypto';
import request from 'supertest';
import { Client } from 'pg';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createAdmin, createApiToken, createUser, type TestAdmin, type TestUser } from '../helpers/auth';
import { bearer, createArticle, createSubscriber, ensurePolicy } from '../helpers/comments';
import { expectErrorEnvelope } from '../helpers/envelope';
import { randomSecrets, startCluster, type Cluster, type ClusterInstance } from '../helpers/cluster-instances';
import { checked } from '../helpers/contract';

const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
const AUTH_RATELIMIT_MAX = 6;
const REPORTERS = 100;

interface Seed {
  admin: TestAdmin;
  reportedArticle: string;
  postingArticle: string;
  hidingArticle: string;
  author: TestUser;
  loneInstancePoster: TestUser;
  splitPoster: TestUser;
  reporters: TestUser[];
  loginReader: TestUser;
}

let database: TestDatabase;
let cluster: Cluster;
let a: ClusterInstance;
let b: ClusterInstance;
let pg: Client;
let seed: Seed;

/** Readers' JWTs cost a password hash and a login each: a few at a time keeps the 2-core machine usable. */
const createUsers = async (app: TestApp, count: number): Promise<TestUser[]> => {
  const users: TestUser[] = [];
  while (users.length < count) {
    const batch = Math.min(10, count - users.length);
    users.push(...(await Promise.all(Array.from({ length: batch }, () => createUser(app)))));
  }
  return users;
};

// Everything is created through a test-mode instance on the same database, then it stops:
// registration over HTTP would need email confirmation, and the helpers already do it right.
const seedThrough = async (app: TestApp): Promise<Seed> => {
  await ensurePolicy(app);
  const token = await createApiToken(app);
  const articleId = async () => (await createArticle(app)).documentId as string;
  return {
    admin: await createAdmin(app),
    reportedArticle: await articleId(),
    postingArticle: await articleId(),
    hidingArticle: await articleId(),
    author: await createSubscriber(app, token, { displayName: 'Author' }),
    loneInstancePoster: await createSubscriber(app, token),
    splitPoster: await createSubscriber(app, token),
    reporters: await createUsers(app, REPORTERS),
    loginReader: await createUser(app),
  };
};

const asAdmin = (instance: ClusterInstance) => ({
  get: (url: string) => checked(instance.baseUrl).get(url).set('Authorization', `Bearer ${seed.admin.token}`),
  post: (url: string, body: object) =>
    checked(instance.baseUrl).post(url).set('Authorization', `Bearer ${seed.admin.token}`).send(body),
  put: (url: string, body: object) =>
    checked(instance.baseUrl).put(url).set('Authorization', `Bearer ${seed.admin.token}`).send(body),
});

const post = (instance: ClusterInstance, reader: TestUser, articleId: string, body: string) =>
  checked(instance.baseUrl).post(`/api/comments/threads/${articleId}`).set(bearer(reader)).send({ data: { body } });

const postAndGetId = async (instance: ClusterInstance, reader: TestUser, articleId: string, body: string) => {
  const res = await post(instance, reader, articleId, body);
  expect(res.status).toBe(201);
  return res.body.data.documentId as string;
};

const readThread = (instance: ClusterInstance, articleId: string, etag?: string) => {
  const req = checked(instance.baseUrl).get(`/api/comments/threads/${articleId}?pagination[pageSize]=100`);
  return etag ? req.set('If-None-Match', etag) : req;
};

const idsIn = (thread: request.Response): string[] => thread.body.data.map((comment: any) => comment.documentId);

const sql = async (text: string, values: unknown[]) => (await pg.query(text, values)).rows;

beforeAll(async () => {
  database = await createTestDatabase('postgres');
  const secrets = randomSecrets();
  const seeder = await bootStrapi({ database, env: secrets });
  try {
    seed = await seedThrough(seeder);
  } finally {
    await seeder.stop();
  }
  cluster = await startCluster({
    count: 2,
    database,
    secrets,
    // Behind a load balancer: IS_PROXIED, so the login limit keys on the client address it forwards.
    env: { REDIS_URL, AUTH_RATELIMIT_MAX: String(AUTH_RATELIMIT_MAX), IS_PROXIED: 'true' },
  });
  [a, b] = cluster.instances;
  pg = new Client({ connectionString: database.env.DATABASE_URL });
  await pg.connect();
}, 180_000);

afterAll(async () => {
  await cluster?.stop();
  await pg?.end();
  await database?.drop();
});

test('both instances run in production on the same database', async () => {
  expect(cluster.instances.map((instance) => instance.environment)).toEqual(['production', 'production']);
  const [onA, onB] = await Promise.all(
    [a, b].map((instance) => asAdmin(instance).get('/comments/moderation/settings'))
  );
  expect(onA.status).toBe(200);
  expect(onB.body).toEqual(onA.body);
});

test('100 readers reporting one comment through both instances at once are counted exactly', async () => {
  // Thresholds out of reach (the settings route allows up to 1000), so this is about counting only.
  const settings = await asAdmin(a).put('/comments/moderation/settings', {
    data: { autoHide: { fullTime: 1000, partTime: 1000 } },
  });
  expect(settings.status).toBe(200);
  expect(settings.body.data.settings.autoHide).toMatchObject({ fullTime: 1000, partTime: 1000 });
  const commentId = await postAndGetId(a, seed.author, seed.reportedArticle, 'Reported by a hundred readers');

  const answers = await Promise.all(
    seed.reporters.map((reporter, index) =>
      request((index % 2 === 0 ? a : b).baseUrl)
        .post(`/api/comments/${commentId}/reports`)
        .set(bearer(reporter))
        .send({ data: { reason: 'abusive', note: `Report ${index}` } })
    )
  );
  expect(answers.map((res) => res.status)).toEqual(Array(REPORTERS).fill(200));

  expect(
    await sql(
      'SELECT count(*)::int AS reports, count(DISTINCT reporter_id)::int AS reporters FROM comment_reports WHERE comment_document_id = $1',
      [commentId]
    )
  ).toEqual([{ reports: REPORTERS, reporters: REPORTERS }]);
  expect(await sql('SELECT report_count, status FROM comments WHERE document_id = $1', [commentId])).toEqual([
    { report_count: REPORTERS, status: 'visible' },
  ]);
  const detail = await asAdmin(b).get(`/comments/moderation/comments/${commentId}`);
  expect(detail.status).toBe(200);
  expect(detail.body.data.comment).toMatchObject({ reporters: REPORTERS, status: 'visible' });
  expect(detail.body.data.reports).toHaveLength(REPORTERS);
});

describe('the posting limit', () => {
  const postUntilRefused = async (reader: TestUser, instanceFor: (index: number) => ClusterInstance, max: number) => {
    const statuses: number[] = [];
    for (let index = 0; index <= max; index += 1) {
      statuses.push(
        (await post(instanceFor(index), reader, seed.postingArticle, `Post ${index} by one reader`)).status
      );
    }
    return statuses;
  };
  const commentsBy = async (reader: TestUser) =>
    (await sql('SELECT count(*)::int AS n FROM comments WHERE author_id = $1', [reader.id]))[0].n;

  test('one reader posting through both instances is refused at the same total as on one', async () => {
    const settings = await asAdmin(a).get('/comments/moderation/settings');
    const limit = settings.body.data.settings.rateLimits.post;
    expect(limit.durationSeconds).toBe(60);
    const expected = [...Array(limit.points).fill(201), 429];

    expect(await postUntilRefused(seed.loneInstancePoster, () => a, limit.points)).toEqual(expected);
    expect(await postUntilRefused(seed.splitPoster, (index) => (index % 2 === 0 ? a : b), limit.points)).toEqual(
      expected
    );
    for (const instance of [a, b]) {
      const refused = await post(instance, seed.splitPoster, seed.postingArticle, `One too many on ${instance.name}`);
      expectErrorEnvelope(refused, 429, 'RATE_LIMITED');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect(await commentsBy(seed.loneInstancePoster)).toBe(limit.points);
    expect(await commentsBy(seed.splitPoster)).toBe(limit.points);
  });
});

test("a moderator's hide on one instance is seen at once by a thread read on the other", async () => {
  const commentId = await postAndGetId(a, seed.author, seed.hidingArticle, 'About to be hidden');
  const before = await readThread(b, seed.hidingArticle);
  expect(before.status).toBe(200);
  expect(idsIn(before)).toContain(commentId);
  const staleEtag = before.headers.etag;
  // B answers 304 for its own ETag while nothing changed, so the later 200 is the hide's doing.
  expect((await readThread(b, seed.hidingArticle, staleEtag)).status).toBe(304);

  const detail = await asAdmin(a).get(`/comments/moderation/comments/${commentId}`);
  const hide = await asAdmin(a).post(`/comments/moderation/comments/${commentId}/actions`, {
    action: 'hide',
    reason: 'Abusive',
    version: detail.body.data.comment.version,
  });
  expect(hide.status).toBe(200);

  const revalidated = await readThread(b, seed.hidingArticle, staleEtag);
  expect(revalidated.status).toBe(200);
  expect(revalidated.headers.etag).not.toBe(staleEtag);
  expect(idsIn(revalidated)).not.toContain(commentId);
  expect(idsIn(await readThread(b, seed.hidingArticle))).not.toContain(commentId);
});

test('failed logins alternating between the instances are limited as on one, with 429 and Retry-After', async () => {
  // A client address of this run's own, forwarded as a load balancer would: no other test shares its counter.
  const clientIp = `10.${[0, 0, 0].map(() => crypto.randomInt(1, 255)).join('.')}`;
  const login = (instance: ClusterInstance, password: string) =>
    checked(instance.baseUrl)
      .post('/api/auth/local')
      .set('X-Forwarded-For', clientIp)
      .send({ identifier: seed.loginReader.email, password });
  const sessions = async () =>
    (
      await sql("SELECT count(*)::int AS n FROM strapi_sessions WHERE user_id = $1 AND origin = 'users-permissions'", [
        String(seed.loginReader.id),
      ])
    )[0].n;
  const sessionsBefore = await sessions();

  for (let attempt = 0; attempt < AUTH_RATELIMIT_MAX; attempt += 1) {
    expectErrorEnvelope(await login(attempt % 2 === 0 ? a : b, 'Wrong-Password-1'), 400);
  }
  const seventh = await login(a, 'Wrong-Password-1');
  expectErrorEnvelope(seventh, 429, 'RATE_LIMITED');
  expect(Number(seventh.headers['retry-after'])).toBeGreaterThan(0);
  expect(seventh.body.error.details.retryAfter).toBeGreaterThan(0);
  // Even the right password is refused on the other instance: no session is opened.
  const rightPassword = await login(b, seed.loginReader.password);
  expectErrorEnvelope(rightPassword, 429, 'RATE_LIMITED');
  expect(Number(rightPassword.headers['retry-after'])).toBeGreaterThan(0);
  expect(await sessions()).toBe(sessionsBefore);
});
