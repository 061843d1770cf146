import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, createApiToken, createUser, type TestAdmin, type TestUser } from '../helpers/auth';
import { expectErrorEnvelope } from '../helpers/envelope';
import { TEST_SECRETS } from '../helpers/env';
import { bearer, createArticle, createSubscriber, ensurePolicy } from '../helpers/comments';
import { expired, resign, tampered, unsigned } from '../helpers/security-jwt';
import { COMMENT_UID, COMMENTER_UID, snapshot } from '../helpers/security-db';
import { GENEROUS_LIMITS } from '../helpers/moderation';

let app: TestApp;
let reader: TestUser;
let victim: TestUser;
let readerRefreshToken: string;
let admin: TestAdmin;
let otherAdmin: TestAdmin;
let adminRefreshToken: string;
let apiToken: string;
let articleId: string;
let commentId: string;

const OTHER_SECRET = 'not-the-server-secret-0123456789';

/** Logs in through the real route for the refresh token users-permissions hands out beside the access token. */
const readerLogin = async (user: TestUser) => {
  const res = await app.http().post('/api/auth/local').send({ identifier: user.email, password: user.password });
  return res.body.refreshToken as string;
};

/** The admin's refresh token is a cookie of /admin/login. */
const adminRefreshCookie = async (who: TestAdmin): Promise<string> => {
  const res = await app.http().post('/admin/login').send({ email: who.email, password: who.password });
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const refresh = cookies.map((cookie) => /^strapi_admin_refresh=([^;]+)/.exec(cookie)?.[1]).find(Boolean);
  if (!refresh) throw new Error(`no admin refresh cookie: ${JSON.stringify(res.headers)}`);
  return refresh;
};

beforeAll(async () => {
  app = await bootStrapi();
  await app.strapi.plugin('comments').service('settings').setOverrides(GENEROUS_LIMITS);
  await ensurePolicy(app);
  apiToken = await createApiToken(app);
  reader = await createSubscriber(app, apiToken, { displayName: 'Token Reader' });
  victim = await createSubscriber(app, apiToken, { displayName: 'Token Victim' });
  readerRefreshToken = await readerLogin(reader);
  admin = await createAdmin(app, ['strapi-super-admin']);
  otherAdmin = await createAdmin(app, ['strapi-super-admin']);
  adminRefreshToken = await adminRefreshCookie(admin);
  articleId = (await createArticle(app)).documentId;
  const posted = await app
    .http()
    .post(`/api/comments/threads/${articleId}`)
    .set(bearer(victim))
    .send({ data: { body: 'Untouchable' } });
  commentId = posted.body.data.documentId;
});
afterAll(async () => {
  await app?.stop();
});

// Each forgery of a reader's access token, built from a real one once the tokens exist.
const READER_FORGERIES: Record<string, () => string> = {
  'signed with another secret': () => resign(reader.jwt, OTHER_SECRET),
  'alg none, no signature': () => unsigned(reader.jwt),
  "the payload's user id changed to another reader's, signature kept": () =>
    tampered(reader.jwt, { userId: String(victim.id) }),
  'expired an hour ago (right secret)': () => expired(reader.jwt, TEST_SECRETS.JWT_SECRET),
  'a refresh token used as an access token': () => readerRefreshToken,
  'an admin access token': () => admin.token,
  'not a JWT at all': () => 'not-a-token',
};

const ADMIN_FORGERIES: Record<string, () => string> = {
  'signed with another secret': () => resign(admin.token, OTHER_SECRET),
  'alg none, no signature': () => unsigned(admin.token),
  "the payload's admin id changed to another admin's, signature kept": () =>
    tampered(admin.token, { userId: String(otherAdmin.id) }),
  'expired an hour ago (right secret)': () => expired(admin.token, TEST_SECRETS.ADMIN_JWT_SECRET),
  'the refresh cookie used as an access token': () => adminRefreshToken,
  "a reader's access token": () => reader.jwt,
  'a content-API token': () => apiToken,
};

const as = (token: string) => bearer({ jwt: token });

test('the genuine tokens work, so the refusals below are about the forgery alone', async () => {
  expect((await app.http().get('/api/users/me').set(bearer(reader))).status).toBe(200);
  expect((await app.http().get('/comments/moderation/queue').set(as(admin.token))).status).toBe(200);
  expect((await app.http().post('/api/auth/refresh').send({ refreshToken: readerRefreshToken })).status).toBe(200);
});

describe.each(Object.keys(READER_FORGERIES))('content API, a token %s', (forgery) => {
  test.each(['/api/users/me', '/api/comments/me', '/api/comments/me/export', '/api/articles'])(
    'GET %s: 401 in the envelope',
    async (url) => {
      expectErrorEnvelope(await app.http().get(url).set(as(READER_FORGERIES[forgery]())), 401);
    }
  );

  test('posting, editing, withdrawing and renaming: 401, nothing written', async () => {
    const auth = as(READER_FORGERIES[forgery]());
    const before = await snapshot(app, [COMMENT_UID, COMMENTER_UID]);
    const post = app
      .http()
      .post(`/api/comments/threads/${articleId}`)
      .set(auth)
      .send({ data: { body: 'Forged post' } });
    expectErrorEnvelope(await post, 401);
    const edit = app
      .http()
      .patch(`/api/comments/${commentId}`)
      .set(auth)
      .send({ data: { body: 'Forged edit' } });
    expectErrorEnvelope(await edit, 401);
    expectErrorEnvelope(await app.http().delete(`/api/comments/${commentId}`).set(auth), 401);
    const rename = app
      .http()
      .patch('/api/comments/me')
      .set(auth)
      .send({ data: { displayName: 'Forged Name' } });
    expectErrorEnvelope(await rename, 401);
    expect(await snapshot(app, [COMMENT_UID, COMMENTER_UID])).toEqual(before);
  });
});

describe.each(Object.keys(ADMIN_FORGERIES))('admin API, a token %s', (forgery) => {
  test.each(['/comments/moderation/queue', '/comments/moderation/settings', '/admin/users/me', '/admin/users'])(
    'GET %s: 401 in the envelope',
    async (url) => {
      expectErrorEnvelope(await app.http().get(url).set(as(ADMIN_FORGERIES[forgery]())), 401);
    }
  );

  test('a moderation action: 401, nothing changed', async () => {
    const before = await snapshot(app, [COMMENT_UID]);
    const res = await app
      .http()
      .post(`/comments/moderation/comments/${commentId}/actions`)
      .set(as(ADMIN_FORGERIES[forgery]()))
      .send({ action: 'hide', reason: 'forged', version: 1 });
    expectErrorEnvelope(res, 401);
    expect(await snapshot(app, [COMMENT_UID])).toEqual(before);
  });
});

test("a blocked reader's unexpired access token is refused", async () => {
  const blocked = await createUser(app);
  await app.strapi.db
    .query('plugin::users-permissions.user')
    .update({ where: { id: blocked.id }, data: { blocked: true } });
  expectErrorEnvelope(await app.http().get('/api/users/me').set(bearer(blocked)), 401);
  expectErrorEnvelope(await app.http().get('/api/comments/me').set(bearer(blocked)), 401);
});
