import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createApiToken } from '../helpers/auth';
import { startChildInstance, type ChildInstance } from '../helpers/child-instance';
import { expectErrorEnvelope } from '../helpers/envelope';
import { bearer, createArticle, createSubscriber, ensurePolicy } from '../helpers/comments';
import { checked } from '../helpers/contract';

const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';

let first: TestApp;
let second: ChildInstance;

beforeAll(async () => {
  first = await bootStrapi({ env: { REDIS_URL } });
  second = await startChildInstance({ ...first.database.env, REDIS_URL });
});
afterAll(async () => {
  await second?.stop();
  await first?.stop();
});

test('the posting limit is shared by two instances through Redis', async () => {
  await ensurePolicy(first);
  const token = await createApiToken(first);
  const reader = await createSubscriber(first, token);
  const articleId = (await createArticle(first)).documentId;
  const post = (baseUrl: string, body: string) =>
    checked(baseUrl).post(`/api/comments/threads/${articleId}`).set(bearer(reader)).send({ data: { body } });

  // Five a minute in all, whichever instance the load balancer picks.
  const answers: number[] = [];
  for (const [index, baseUrl] of [
    first.baseUrl,
    second.baseUrl,
    first.baseUrl,
    second.baseUrl,
    first.baseUrl,
  ].entries()) {
    answers.push((await post(baseUrl, `Comment ${index}`)).status);
  }
  expect(answers).toEqual([201, 201, 201, 201, 201]);
  const onSecond = await post(second.baseUrl, 'Sixth, on the other instance');
  expectErrorEnvelope(onSecond, 429, 'RATE_LIMITED');
  expect(Number(onSecond.headers['retry-after'])).toBeGreaterThan(0);
  expectErrorEnvelope(await post(first.baseUrl, 'Sixth, on the first instance'), 429, 'RATE_LIMITED');
});
