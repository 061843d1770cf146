import crypto from 'crypto';
import request from 'supertest';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createApiToken, type TestUser } from '../helpers/auth';
import { startChildInstance, type ChildInstance } from '../helpers/child-instance';
import { expectErrorEnvelope } from '../helpers/envelope';
import { bearer, createArticle, ensurePolicy, syncSubscription, TERMS_VERSION } from '../helpers/comments';
import { startFaultRedis, type FaultRedis } from '../helpers/faults-redis';
import { timed, within } from '../helpers/faults-http';
import { checked } from '../helpers/contract';

// The tests run in order: Redis up, Redis stopped, Redis started again.
let redis: FaultRedis;
let first: TestApp;
let second: ChildInstance;
let token: string;
let articleId: string;

beforeAll(async () => {
  redis = await startFaultRedis();
  // Proxied, so that each login check can come from an address of its own (X-Forwarded-For).
  const env = { REDIS_URL: redis.url, AUTH_RATELIMIT_MAX: '5', IS_PROXIED: 'true' };
  first = await bootStrapi({ env });
  second = await startChildInstance({ ...first.database.env, ...env });
  await ensurePolicy(first);
  token = await createApiToken(first);
  articleId = (await createArticle(first)).documentId;
});
afterAll(async () => {
  try {
    await second?.stop();
    await first?.stop();
  } finally {
    await redis?.remove();
  }
});

/**
 * A subscriber whose JWT is issued in-process, not through /api/auth/local: the login limit under
 * test is 5 a minute per address, and the usual helper would spend it.
 */
const newSubscriber = async (): Promise<TestUser> => {
  const username = `reader_${crypto.randomBytes(5).toString('hex')}`;
  const email = `${username}@example.test`;
  const password = 'Reader-Password-1';
  const role = await first.strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'authenticated' } });
  const user = await first.strapi
    .plugin('users-permissions')
    .service('user')
    .add({ username, email, password, provider: 'local', confirmed: true, blocked: false, role: role.id });
  const jwt: string = await first.strapi.plugin('users-permissions').service('jwt').issue({ id: user.id });
  const reader = { id: user.id, documentId: user.documentId, email, username, password, jwt };
  expect((await syncSubscription(first, token, { email, status: 'active', expiresAt: null })).status).toBe(200);
  const terms = await first
    .http()
    .post('/api/comments/me/terms')
    .set(bearer(reader))
    .send({ data: { version: TERMS_VERSION } });
  expect(terms.status).toBe(200);
  return reader;
};

const post = async (baseUrl: string, reader: TestUser) =>
  (
    await timed(
      checked(baseUrl)
        .post(`/api/comments/threads/${articleId}`)
        .set(bearer(reader))
        .send({ data: { body: `Comment ${crypto.randomBytes(4).toString('hex')}` } })
    )
  ).res;

const login = async (baseUrl: string, address: string) =>
  (
    await timed(
      checked(baseUrl)
        .post('/api/auth/local')
        .set('X-Forwarded-For', address)
        .send({ identifier: 'nobody@example.test', password: 'Wrong-Password-1' })
    )
  ).res;

const newAddress = () => `198.18.${crypto.randomInt(256)}.${crypto.randomInt(1, 255)}`;

/** Five tries spread over both instances, then a sixth on each: a shared limit of 5 refuses both sixths. */
const alternatingRound = async <T extends { status: number }>(attempt: (baseUrl: string) => Promise<T>) => {
  const answers: T[] = [];
  for (const baseUrl of [first.baseUrl, second.baseUrl, first.baseUrl, second.baseUrl, first.baseUrl]) {
    answers.push(await attempt(baseUrl));
  }
  answers.push(await attempt(second.baseUrl), await attempt(first.baseUrl));
  return answers;
};

const expectRateLimited = (res: request.Response) => {
  expectErrorEnvelope(res, 429, 'RATE_LIMITED');
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
};

const commentsBy = (reader: TestUser) =>
  first.strapi.db.query('plugin::comments.comment').count({ where: { authorId: reader.id } });

const ready = (baseUrl: string) => checked(baseUrl).get('/_ready').timeout(5000);

const SHARED_POSTS = [201, 201, 201, 201, 201, 429, 429];
const SHARED_LOGINS = [400, 400, 400, 400, 400, 429, 429];

test('with Redis up, both instances share one posting limit and report ready', async () => {
  const reader = await newSubscriber();
  const answers = await alternatingRound((baseUrl) => post(baseUrl, reader));
  expect(answers.map((res) => res.status)).toEqual(SHARED_POSTS);
  answers.slice(5).forEach(expectRateLimited);
  expect(await commentsBy(reader)).toBe(5);
  for (const baseUrl of [first.baseUrl, second.baseUrl]) {
    expect((await ready(baseUrl)).body).toEqual({ data: { status: 'ready', checks: { database: 'up', redis: 'up' } } });
  }
});

describe('while Redis is down', () => {
  beforeAll(async () => {
    await redis.stop();
  });

  test('/_ready answers 503 with redis down on both instances', async () => {
    for (const baseUrl of [first.baseUrl, second.baseUrl]) {
      await within(5000, `${baseUrl} reports redis down`, async () => (await ready(baseUrl)).status === 503);
      const res = await ready(baseUrl);
      expectErrorEnvelope(res, 503, 'NOT_READY');
      expect(res.body.error.details.checks).toEqual({ database: 'up', redis: 'down' });
    }
  });

  test('posts still work, limited per instance in memory (never a 5xx)', async () => {
    const reader = await newSubscriber();
    for (const baseUrl of [first.baseUrl, second.baseUrl]) {
      const answers: request.Response[] = [];
      for (let index = 0; index < 6; index += 1) answers.push(await post(baseUrl, reader));
      expect(answers.map((res) => res.status)).toEqual([201, 201, 201, 201, 201, 429]);
      expectRateLimited(answers[5]);
    }
    // Each instance counted its own five: ten in all, none of the refused ones stored.
    expect(await commentsBy(reader)).toBe(10);
  });

  test('logins are still answered and limited per instance in memory', async () => {
    const address = newAddress();
    const onFirst: request.Response[] = [];
    for (let index = 0; index < 6; index += 1) onFirst.push(await login(first.baseUrl, address));
    expect(onFirst.map((res) => res.status)).toEqual([400, 400, 400, 400, 400, 429]);
    expectRateLimited(onFirst[5]);
    expect((await login(second.baseUrl, address)).status).toBe(400);
  });
});

describe('once Redis is back', () => {
  beforeAll(async () => {
    await redis.start();
  });

  test('both instances report ready again within seconds', async () => {
    for (const baseUrl of [first.baseUrl, second.baseUrl]) {
      await within(10_000, `${baseUrl} ready again`, async () => (await ready(baseUrl)).status === 200);
      expect((await ready(baseUrl)).body.data.checks).toEqual({ database: 'up', redis: 'up' });
    }
  });

  test('the posting limit is shared again within seconds', async () => {
    const sharedRound = async () => {
      const reader = await newSubscriber();
      return { reader, answers: await alternatingRound((baseUrl) => post(baseUrl, reader)) };
    };
    await within(15_000, 'posting limit shared again', async () => {
      const { answers } = await sharedRound();
      return answers.map((res) => res.status).join() === SHARED_POSTS.join();
    });
    const { reader, answers } = await sharedRound();
    expect(answers.map((res) => res.status)).toEqual(SHARED_POSTS);
    answers.slice(5).forEach(expectRateLimited);
    expect(await commentsBy(reader)).toBe(5);
  });

  test('the login limit is shared again within seconds', async () => {
    await within(15_000, 'login limit shared again', async () => {
      const address = newAddress();
      const answers = await alternatingRound((baseUrl) => login(baseUrl, address));
      return answers.map((res) => res.status).join() === SHARED_LOGINS.join();
    });
    const address = newAddress();
    const answers = await alternatingRound((baseUrl) => login(baseUrl, address));
    expect(answers.map((res) => res.status)).toEqual(SHARED_LOGINS);
    answers.slice(5).forEach(expectRateLimited);
  });
});
