import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, createApiToken, type TestAdmin, type TestUser } from '../helpers/auth';
import { TEST_SECRETS } from '../helpers/env';
import { bearer, createArticle, createSubscriber, ensurePolicy } from '../helpers/comments';
import { GENEROUS_LIMITS, adminCall, postAndGetId } from '../helpers/moderation';
import { answerText, expandPath, getRoutes } from '../helpers/security-routes';

// Nothing listens on this port: the comments plugin falls back to memory, and the URL is only configuration.
const REDIS_PASSWORD = 'Sup3rSecretRedisPw0';
const REDIS_URL = `redis://scanuser:${REDIS_PASSWORD}@127.0.0.1:6399`;
const SETTINGS = '/comments/moderation/settings';

/** Every secret the instance was started with, each APP_KEYS part on its own. */
const SECRETS = [
  ...TEST_SECRETS.APP_KEYS.split(','),
  TEST_SECRETS.API_TOKEN_SALT,
  TEST_SECRETS.ADMIN_JWT_SECRET,
  TEST_SECRETS.TRANSFER_TOKEN_SALT,
  TEST_SECRETS.JWT_SECRET,
  TEST_SECRETS.ENCRYPTION_KEY,
  REDIS_PASSWORD,
  REDIS_URL,
];

let app: TestApp;
let admin: TestAdmin;
let reader: TestUser;
let token: string;
let articleId: string;
let commentId: string;

const candidates = () => ({
  documentId: [articleId, commentId],
  commentId: [commentId],
  id: ['1', articleId],
  userId: [reader.documentId],
  uid: ['plugin::users-permissions.user', 'api::article.article', 'plugin::comments.comment'],
  model: ['plugin::users-permissions.user', 'api::article.article'],
  contentType: ['api::article.article'],
  targetField: ['role', 'people'],
  provider: ['local', 'github'],
  wildcard: ['github'],
});

const expectNoSecret = async (url: string, authorization?: string) => {
  const req = app.http().get(url);
  const res = await (authorization ? req.set('Authorization', `Bearer ${authorization}`) : req);
  const text = answerText(res);
  expect({ url, leaked: SECRETS.filter((secret) => text.includes(secret)) }).toEqual({ url, leaked: [] });
  return res;
};

beforeAll(async () => {
  app = await bootStrapi({ env: { REDIS_URL } });
  await app.strapi.plugin('comments').service('settings').setOverrides(GENEROUS_LIMITS);
  await ensurePolicy(app);
  token = await createApiToken(app);
  admin = await createAdmin(app, ['strapi-super-admin']);
  reader = await createSubscriber(app, token, { displayName: 'Secret Keeper' });
  articleId = (await createArticle(app)).documentId;
  // Posting consumes a rate-limit point: with Redis unreachable the in-memory fallback takes it.
  commentId = await postAndGetId(app, reader, articleId, 'A comment while Redis is away');
  const reporter = await createSubscriber(app, token);
  await app
    .http()
    .post(`/api/comments/${commentId}/reports`)
    .set(bearer(reporter))
    .send({ data: { reason: 'spam', note: 'Reported while Redis is away' } });
});
afterAll(async () => {
  await app?.stop();
});

test('the instance really holds the secrets the scan looks for', () => {
  expect(app.strapi.config.get('plugin::comments.redisUrl')).toBe(REDIS_URL);
  expect(app.strapi.config.get('plugin::users-permissions.jwtSecret')).toBe(TEST_SECRETS.JWT_SECRET);
  expect(app.strapi.config.get('admin.auth.secret')).toBe(TEST_SECRETS.ADMIN_JWT_SECRET);
});

test('the moderation settings describe Redis without its credentials, on read and on write', async () => {
  const read = await expectNoSecret(SETTINGS, admin.token);
  expect(read.status).toBe(200);
  const written = await adminCall(app, admin).put(SETTINGS, { data: GENEROUS_LIMITS });
  expect(written.status).toBe(200);
  const text = answerText(written);
  expect(SECRETS.filter((secret) => text.includes(secret))).toEqual([]);
  expect(read.body.data.settings.redis).toEqual({
    configured: true,
    host: expect.not.stringContaining(REDIS_PASSWORD),
  });
});

test('no admin GET route answers a secret, in its body or its headers (as a super admin)', async () => {
  const urls = getRoutes(app)
    .filter((route) => route.kind === 'admin' && route.path !== SETTINGS)
    .flatMap((route) => expandPath(route.path, candidates()));
  expect(urls.length).toBeGreaterThan(80);
  for (const url of urls) await expectNoSecret(url, admin.token);
});

test('no content-API GET route answers a secret: anonymously, as a reader, with an API token', async () => {
  const urls = getRoutes(app)
    .filter((route) => route.kind === 'content-api')
    .flatMap((route) => expandPath(route.path, candidates()));
  expect(urls.length).toBeGreaterThan(30);
  for (const url of urls) {
    for (const authorization of [undefined, reader.jwt, token]) await expectNoSecret(url, authorization);
  }
});

test('error answers carry no secret either: 401, 403, 404, 405 and a bad query', async () => {
  for (const url of [
    '/api/comments/me',
    '/api/users',
    '/api/nowhere',
    '/comments/moderation/queue',
    '/api/articles?filters[id][$eq]=abc',
  ]) {
    await expectNoSecret(url);
    await expectNoSecret(url, 'forged.token.value');
  }
  const wrongMethod = await app.http().patch('/api/articles');
  expect(SECRETS.filter((secret) => answerText(wrongMethod).includes(secret))).toEqual([]);
});
