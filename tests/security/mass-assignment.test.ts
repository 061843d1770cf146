import type { Response } from 'supertest';
import commentSchema from '../../src/plugins/comments/server/src/content-types/comment/schema.json';
import commenterSchema from '../../src/plugins/comments/server/src/content-types/commenter/schema.json';
import reportSchema from '../../src/plugins/comments/server/src/content-types/report/schema.json';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createApiToken, createUser, type TestUser } from '../helpers/auth';
import { expectErrorEnvelope } from '../helpers/envelope';
import { TERMS_VERSION, bearer, createArticle, createSubscriber, ensurePolicy } from '../helpers/comments';
import { GENEROUS_LIMITS, postAndGetId } from '../helpers/moderation';
import { READER_TABLES, USER_UID, snapshot } from '../helpers/security-db';

let app: TestApp;
let token: string;
let author: TestUser;
let other: TestUser;
let articleId: string;
let commentId: string;

// Keys every Strapi document has, which a client must never choose.
const DOCUMENT_KEYS = ['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'locale', 'createdBy', 'updatedBy'];

// Server-owned attributes of users-permissions' user, and the plugin's subscription state.
const REGISTRATION_FORBIDDEN: Record<string, unknown> = {
  role: 1,
  confirmed: true,
  blocked: false,
  provider: 'google',
  resetPasswordToken: 'chosen-reset-token',
  confirmationToken: 'chosen-confirmation-token',
  id: 999,
  documentId: 'chosenDocumentId123',
  createdAt: '2001-01-01T00:00:00.000Z',
  updatedAt: '2001-01-01T00:00:00.000Z',
  publishedAt: null,
  locale: 'fr',
  createdBy: 1,
  updatedBy: 1,
  localizations: [1],
  subscriptionStatus: 'active',
  constructor: { prototype: { confirmed: true } },
};

/** A value of the attribute's own type, so the refusal is about the key, not a malformed value. */
const sampleValue = (attribute: { type: string; enum?: string[] }): unknown => {
  if (attribute.enum) return attribute.enum[attribute.enum.length - 1];
  if (attribute.type === 'integer') return 999;
  if (attribute.type === 'boolean') return true;
  if (attribute.type === 'datetime') return '2001-01-01T00:00:00.000Z';
  if (attribute.type === 'json') return ['chosen'];
  return 'chosen';
};

/** Every attribute of a plugin schema but the ones a reader may send, plus the document keys. */
const serverOwned = (schema: { attributes: Record<string, { type: string }> }, writable: string[]) =>
  [
    ...Object.entries(schema.attributes)
      .filter(([key]) => !writable.includes(key))
      .map(([key, attribute]) => [key, sampleValue(attribute)] as [string, unknown]),
    ...DOCUMENT_KEYS.map((key) => [key, key === 'id' ? 999 : 'chosen'] as [string, unknown]),
    ['author', { displayName: 'Chosen' }],
  ] as Array<[string, unknown]>;

const COMMENT_KEYS = serverOwned(commentSchema, ['body']);
const COMMENTER_KEYS = serverOwned(commenterSchema, ['displayName']);
const REPORT_KEYS = serverOwned(reportSchema, ['reason', 'note']);

const register = (extra: Record<string, unknown>) => {
  const name = `sneaky${Date.now()}${Math.floor(Math.random() * 1e6)}`;
  return {
    email: `${name}@example.test`,
    request: app
      .http()
      .post('/api/auth/local/register')
      .send({ username: name, email: `${name}@example.test`, password: 'Sneaky-Password-1', ...extra }),
  };
};

/** The refused request mentions the offending key, so a client can tell what was wrong. */
const expectUnknownKeyRefusal = (res: Response, key: string) => {
  expectErrorEnvelope(res, 400);
  expect(JSON.stringify(res.body.error)).toContain(key);
};

beforeAll(async () => {
  app = await bootStrapi();
  await app.strapi.plugin('comments').service('settings').setOverrides(GENEROUS_LIMITS);
  await ensurePolicy(app);
  token = await createApiToken(app);
  author = await createSubscriber(app, token, { displayName: 'Owner Reader' });
  other = await createSubscriber(app, token, { displayName: 'Other Reader' });
  articleId = (await createArticle(app)).documentId;
  commentId = await postAndGetId(app, author, articleId, 'Original words');
});
afterAll(async () => {
  await app?.stop();
});

describe('registration', () => {
  test('the table of forbidden keys names every server-owned attribute of the user', () => {
    const attributes = Object.keys(
      (app.strapi.contentTypes as unknown as Record<string, { attributes: object }>)[USER_UID].attributes
    );
    const readerChosen = ['username', 'email', 'password'];
    const missing = attributes.filter((key) => !readerChosen.includes(key) && !(key in REGISTRATION_FORBIDDEN));
    expect(missing).toEqual([]);
  });

  test.each(Object.entries(REGISTRATION_FORBIDDEN))(
    '%s is refused with 400 and no account is created',
    async (key, value) => {
      const before = await app.strapi.db.query(USER_UID).count();
      const { email, request } = register({ [key]: value });
      expectErrorEnvelope(await request, 400);
      expect(await app.strapi.db.query(USER_UID).findOne({ where: { email } })).toBeNull();
      expect(await app.strapi.db.query(USER_UID).count()).toBe(before);
    }
  );

  test('a prototype-polluting body is refused and pollutes nothing', async () => {
    const name = `proto${Date.now()}`;
    const res = await app
      .http()
      .post('/api/auth/local/register')
      .set('Content-Type', 'application/json')
      .send(
        `{"username":"${name}","email":"${name}@example.test","password":"Sneaky-Password-1","__proto__":{"confirmed":true}}`
      );
    expectErrorEnvelope(res, 400);
    expect(await app.strapi.db.query(USER_UID).findOne({ where: { username: name } })).toBeNull();
    expect(({} as Record<string, unknown>).confirmed).toBeUndefined();
  });

  test('a plain registration gets the server’s values: unconfirmed, not blocked, local, Authenticated', async () => {
    const { email, request } = register({});
    expect((await request).status).toBe(200);
    const user = await app.strapi.db.query(USER_UID).findOne({ where: { email }, populate: ['role'] });
    expect(user).toMatchObject({
      confirmed: false,
      blocked: false,
      provider: 'local',
      role: { type: 'authenticated' },
    });
  });
});

describe('PUT /api/users/:id (users-permissions update, which has no ownership check)', () => {
  const CHANGES = [{ role: 2 }, { blocked: true }, { confirmed: false }, { email: 'taken-over@example.test' }];

  test('readers hold no users-permissions user.update grant and Public cannot list users', async () => {
    const grants = await app.strapi.db
      .query('plugin::users-permissions.permission')
      .findMany({ where: { action: 'plugin::users-permissions.user.update' } });
    expect(grants).toEqual([]);
    expectErrorEnvelope(await app.http().get('/api/users'), 403);
  });

  test.each([
    ['their own id', () => String(author.id), true],
    ["another reader's id", () => String(other.id), true],
    ['me', () => 'me', true],
    ["another reader's id, anonymously", () => String(other.id), false],
  ])('%s: 403 for role, blocked, confirmed and email, and no user row changes', async (_, id, withJwt) => {
    const before = await snapshot(app, [USER_UID]);
    for (const change of CHANGES) {
      const req = app.http().put(`/api/users/${id()}`);
      if (withJwt) req.set(bearer(author));
      expectErrorEnvelope(await req.send(change), 403);
    }
    expect(await snapshot(app, [USER_UID])).toEqual(before);
  });

  test('the reader still holds the Authenticated role and may still log in', async () => {
    const user = await app.strapi.db.query(USER_UID).findOne({ where: { id: author.id }, populate: ['role'] });
    expect(user).toMatchObject({ blocked: false, confirmed: true, role: { type: 'authenticated' } });
    expect((await app.http().get('/api/users/me').set(bearer(author))).status).toBe(200);
  });
});

describe('comment writes refuse server-owned fields', () => {
  test.each(COMMENT_KEYS)('posting with %s: 400 naming the key, nothing written', async (key, value) => {
    const before = await snapshot(app, READER_TABLES);
    const inData = await app
      .http()
      .post(`/api/comments/threads/${articleId}`)
      .set(bearer(author))
      .send({ data: { body: 'Sneaky post', [key]: value } });
    expectUnknownKeyRefusal(inData, key);
    const beside = await app
      .http()
      .post(`/api/comments/threads/${articleId}`)
      .set(bearer(author))
      .send({ data: { body: 'Sneaky post' }, [key]: value });
    expectUnknownKeyRefusal(beside, key);
    expect(await snapshot(app, READER_TABLES)).toEqual(before);
  });

  test.each(COMMENT_KEYS)('editing with %s: 400 naming the key, the comment unchanged', async (key, value) => {
    const before = await snapshot(app, READER_TABLES);
    const res = await app
      .http()
      .patch(`/api/comments/${commentId}`)
      .set(bearer(author))
      .send({ data: { body: 'Sneaky edit', [key]: value } });
    expectUnknownKeyRefusal(res, key);
    expect(await snapshot(app, READER_TABLES)).toEqual(before);
  });

  test.each(REPORT_KEYS)('reporting with %s: 400 naming the key, no report', async (key, value) => {
    const before = await snapshot(app, READER_TABLES);
    const res = await app
      .http()
      .post(`/api/comments/${commentId}/reports`)
      .set(bearer(other))
      .send({ data: { reason: 'spam', [key]: value } });
    expectUnknownKeyRefusal(res, key);
    expect(await snapshot(app, READER_TABLES)).toEqual(before);
  });

  test.each(COMMENTER_KEYS)(
    'renaming oneself with %s: 400 naming the key, the profile unchanged',
    async (key, value) => {
      const before = await snapshot(app, READER_TABLES);
      const res = await app
        .http()
        .patch('/api/comments/me')
        .set(bearer(author))
        .send({ data: { displayName: 'Sneaky Name', [key]: value } });
      expectUnknownKeyRefusal(res, key);
      const terms = await app
        .http()
        .post('/api/comments/me/terms')
        .set(bearer(author))
        .send({ data: { version: TERMS_VERSION, [key]: value } });
      expectUnknownKeyRefusal(terms, key);
      expect(await snapshot(app, READER_TABLES)).toEqual(before);
    }
  );

  test('the same writes without the extra keys succeed, so the refusals above are about the keys', async () => {
    const reader = await createUser(app);
    const renamed = await app
      .http()
      .patch('/api/comments/me')
      .set(bearer(reader))
      .send({ data: { displayName: 'Plain Name' } });
    expect(renamed.status).toBe(200);
    const edited = await app
      .http()
      .patch(`/api/comments/${commentId}`)
      .set(bearer(author))
      .send({ data: { body: 'Edited words' } });
    expect(edited.status).toBe(200);
    expect(edited.body.data).toMatchObject({ body: 'Edited words', status: 'visible', version: 2 });
  });
});
