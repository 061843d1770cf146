import fs from 'fs';
import path from 'path';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createApiToken, createUser } from '../helpers/auth';
import { expectErrorEnvelope } from '../helpers/envelope';
import {
  TERMS_VERSION,
  bearer,
  createArticle,
  createSubscriber,
  ensurePolicy,
  postComment,
  syncSubscription,
} from '../helpers/comments';

let app: TestApp;
let token: string;
let articleId: string;
const outbox = path.join(__dirname, '..', '..', '.tmp', `outbox-accounts-${process.pid}`);

beforeAll(async () => {
  app = await bootStrapi({ env: { EMAIL_OUTBOX_DIR: outbox } });
  await ensurePolicy(app);
  token = await createApiToken(app);
  articleId = (await createArticle(app)).documentId;
});
afterAll(async () => {
  await app?.stop();
  fs.rmSync(outbox, { recursive: true, force: true });
});

/** The message the outbox email provider wrote to this address, as a link-searchable string. */
const mailTo = (email: string): string => {
  const messages: Array<{ to: string; html?: string; text?: string }> = fs
    .readdirSync(outbox)
    .map((file) => JSON.parse(fs.readFileSync(path.join(outbox, file), 'utf8')));
  const message = messages.find((mail) => mail.to === email);
  if (!message) throw new Error(`no email to ${email}`);
  return `${message.html ?? ''} ${message.text ?? ''}`;
};

const READER_ROUTES: Array<[string, string]> = [
  ['get', '/api/comments/me'],
  ['patch', '/api/comments/me'],
  ['post', '/api/comments/me/terms'],
  ['get', '/api/comments/me/comments'],
  ['get', '/api/comments/me/reports'],
  ['get', '/api/comments/me/export'],
  ['delete', '/api/comments/me'],
  ['post', '/api/comments/threads/anything'],
  ['patch', '/api/comments/anything'],
  ['delete', '/api/comments/anything'],
  ['post', '/api/comments/anything/reports'],
];

describe('the community policy', () => {
  test('anyone reads the policy with the rules in force', async () => {
    const res = await app.http().get('/api/comments/policy');
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      subscriberOnly: true,
      preModerated: false,
      termsVersion: TERMS_VERSION,
      lastUpdated: '2024-11-16',
      body: { minLength: 1, maxLength: 2000 },
      reportReasons: [
        'abusive',
        'harassment',
        'hate',
        'spam',
        'off-topic',
        'misinformation',
        'factual-error',
        'illegal',
        'other',
      ],
      moderation: { timezone: 'Europe/London', cover: expect.stringMatching(/^(full|part)-time$/) },
    });
    expect(res.body.data.liabilityNotice).toMatch(/personally liable/);
    expect(res.body.data.moderation.fullTime).toEqual([{ days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' }]);
  });

  test('the cover in force follows the clock: weekday 10:00 London is full-time, Saturday is part-time', async () => {
    const clock = app.strapi.plugin('comments').service('clock');
    const spy = jest.spyOn(clock, 'now');
    try {
      spy.mockReturnValue(new Date('2026-11-25T10:00:00Z'));
      expect((await app.http().get('/api/comments/policy')).body.data.moderation.cover).toBe('full-time');
      spy.mockReturnValue(new Date('2026-11-28T10:00:00Z'));
      const saturday = (await app.http().get('/api/comments/policy')).body.data.moderation;
      expect(saturday.cover).toBe('part-time');
      // Monday 30 November is St Andrew's Day, a Scottish bank holiday: cover resumes on Tuesday.
      expect(saturday.nextChangeAt).toBe('2026-12-01T09:00:00.000Z');
    } finally {
      spy.mockRestore();
    }
  });
});

describe('reader routes need a login', () => {
  test.each(READER_ROUTES)('%s %s without a JWT answers 401 AUTHENTICATION_REQUIRED', async (method, url) => {
    const res = await (app.http() as any)[method](url).send({ data: {} });
    expectErrorEnvelope(res, 401, 'AUTHENTICATION_REQUIRED');
  });
});

describe('who may comment', () => {
  test('a registered reader without a subscription is told why', async () => {
    const reader = await createUser(app);
    const me = await app.http().get('/api/comments/me').set(bearer(reader));
    expect(me.status).toBe(200);
    expect(me.body.data).toMatchObject({
      canComment: false,
      reason: 'SUBSCRIPTION_REQUIRED',
      subscription: { status: 'none', active: false },
    });
    expectErrorEnvelope(await postComment(app, reader, articleId, 'Hello'), 403, 'SUBSCRIPTION_REQUIRED');
  });

  test('a subscriber must accept the current terms version; a stale version is refused', async () => {
    const reader = await createUser(app);
    await syncSubscription(app, token, { email: reader.email, status: 'active' });
    expectErrorEnvelope(await postComment(app, reader, articleId, 'Hello'), 403, 'TERMS_NOT_ACCEPTED');

    const stale = await app
      .http()
      .post('/api/comments/me/terms')
      .set(bearer(reader))
      .send({ data: { version: '2001-01-01' } });
    expectErrorEnvelope(stale, 400, 'TERMS_VERSION_MISMATCH');
    const accepted = await app
      .http()
      .post('/api/comments/me/terms')
      .set(bearer(reader))
      .send({ data: { version: TERMS_VERSION } });
    expect(accepted.status).toBe(200);
    expect(accepted.body.data).toMatchObject({
      canComment: true,
      reason: null,
      terms: { accepted: true, acceptedVersion: TERMS_VERSION },
    });
    expect((await postComment(app, reader, articleId, 'Hello')).status).toBe(201);
  });

  test('new terms make every commenter accept them again', async () => {
    const reader = await createSubscriber(app, token);
    await ensurePolicy(app, '2025-01-01');
    try {
      expectErrorEnvelope(await postComment(app, reader, articleId, 'After the new terms'), 403, 'TERMS_NOT_ACCEPTED');
    } finally {
      await ensurePolicy(app, TERMS_VERSION);
    }
  });

  test('a lapsed subscription is refused on the next request although the JWT is still valid', async () => {
    const reader = await createSubscriber(app, token);
    expect((await postComment(app, reader, articleId, 'While subscribed')).status).toBe(201);
    await syncSubscription(app, token, {
      email: reader.email,
      status: 'active',
      expiresAt: new Date(Date.now() - 1000).toISOString(),
    });
    expectErrorEnvelope(await postComment(app, reader, articleId, 'After it lapsed'), 403, 'SUBSCRIPTION_REQUIRED');
    const me = await app.http().get('/api/comments/me').set(bearer(reader));
    expect(me.body.data.subscription).toMatchObject({ status: 'expired', active: false });

    await syncSubscription(app, token, { email: reader.email, status: 'cancelled' });
    expect((await app.http().get('/api/comments/me').set(bearer(reader))).body.data.subscription.status).toBe(
      'cancelled'
    );
  });

  test('suspended and banned commenters are refused with their codes', async () => {
    const suspended = await createSubscriber(app, token);
    const banned = await createSubscriber(app, token);
    const profiles = app.strapi.db.query('plugin::comments.commenter');
    await profiles.update({
      where: { userId: suspended.id },
      data: { sanction: 'suspended', suspendedUntil: new Date(Date.now() + 3600_000) },
    });
    await profiles.update({ where: { userId: banned.id }, data: { sanction: 'banned' } });
    expectErrorEnvelope(await postComment(app, suspended, articleId, 'Hello'), 403, 'COMMENTING_SUSPENDED');
    expectErrorEnvelope(await postComment(app, banned, articleId, 'Hello'), 403, 'COMMENTING_BANNED');

    // A suspension whose end has passed no longer counts.
    await profiles.update({ where: { userId: suspended.id }, data: { suspendedUntil: new Date(Date.now() - 1000) } });
    expect((await postComment(app, suspended, articleId, 'Back again')).status).toBe(201);
  });
});

describe('display names', () => {
  test('a reader sets a display name, which the thread shows instead of the username', async () => {
    const reader = await createSubscriber(app, token);
    const res = await app
      .http()
      .patch('/api/comments/me')
      .set(bearer(reader))
      .send({ data: { displayName: '  Morag  Mackenzie ' } });
    expect(res.status).toBe(200);
    expect(res.body.data.displayName).toBe('Morag Mackenzie');
    const posted = await postComment(app, reader, articleId, 'Named comment');
    const thread = await app.http().get(`/api/comments/threads/${articleId}?pagination[pageSize]=100`);
    const shown = thread.body.data.find((comment: any) => comment.documentId === posted.body.data.documentId);
    expect(shown.author).toEqual({ displayName: 'Morag Mackenzie' });

    // Renaming updates the name on earlier comments too.
    await app
      .http()
      .patch('/api/comments/me')
      .set(bearer(reader))
      .send({ data: { displayName: 'Morag M' } });
    const after = await app.http().get(`/api/comments/threads/${articleId}?pagination[pageSize]=100`);
    expect(
      after.body.data.find((comment: any) => comment.documentId === posted.body.data.documentId).author.displayName
    ).toBe('Morag M');
  });

  test.each([
    ['too short', 'A'],
    ['too long', 'x'.repeat(41)],
    ['a web address', 'visit www.spam.example'],
    ['a link', 'http://spam.example'],
    ['an email address', 'me@example.com'],
    ['a control character', 'Bad\u0007Name'],
  ])('a display name with %s is refused with 400', async (_, displayName) => {
    const reader = await createUser(app);
    expectErrorEnvelope(
      await app.http().patch('/api/comments/me').set(bearer(reader)).send({ data: { displayName } }),
      400
    );
  });

  test('unknown keys and a missing data envelope are refused', async () => {
    const reader = await createUser(app);
    expectErrorEnvelope(
      await app
        .http()
        .patch('/api/comments/me')
        .set(bearer(reader))
        .send({ data: { displayName: 'Okay', role: 1 } }),
      400
    );
    expectErrorEnvelope(
      await app.http().patch('/api/comments/me').set(bearer(reader)).send({ displayName: 'Okay' }),
      400
    );
  });
});

describe('subscription sync from the billing system', () => {
  test('a reader JWT is refused; a full-access token and a custom token holding only the scope work', async () => {
    const reader = await createUser(app);
    const asReader = await app
      .http()
      .post('/api/comments/subscriptions')
      .set(bearer(reader))
      .send({ data: { email: reader.email, status: 'active' } });
    expectErrorEnvelope(asReader, 401);
    expectErrorEnvelope(
      await app
        .http()
        .post('/api/comments/subscriptions')
        .send({ data: { email: reader.email, status: 'active' } }),
      401
    );

    const custom = await createApiToken(app, { type: 'custom', permissions: ['plugin::comments.subscriptions.sync'] });
    const res = await syncSubscription(app, custom, {
      email: reader.email.toUpperCase(),
      status: 'active',
      expiresAt: '2099-01-01T00:00:00.000Z',
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      email: reader.email,
      status: 'active',
      expiresAt: '2099-01-01T00:00:00.000Z',
    });

    const readOnly = await createApiToken(app, { type: 'read-only' });
    expectErrorEnvelope(await syncSubscription(app, readOnly, { email: reader.email, status: 'active' }), 403);
  });

  test.each([
    ['an invalid email', { email: 'not-an-email', status: 'active' }],
    ['an unknown status', { email: 'a@example.test', status: 'gold' }],
    ['an invalid date', { email: 'a@example.test', status: 'active', expiresAt: 'tomorrow' }],
    ['an unknown key', { email: 'a@example.test', status: 'active', plan: 'premium' }],
  ])('%s is refused with 400', async (_, data) => {
    expectErrorEnvelope(
      await app.http().post('/api/comments/subscriptions').set('Authorization', `Bearer ${token}`).send({ data }),
      400
    );
  });

  test('a subscription synced before the account exists applies once the account is confirmed, through the email link', async () => {
    const email = `later-${Date.now()}@example.test`;
    expect((await syncSubscription(app, token, { email, status: 'active' })).status).toBe(200);

    const registered = await app
      .http()
      .post('/api/auth/local/register')
      .send({ username: `later${Date.now()}`, email, password: 'Later-Password-1' });
    expect(registered.status).toBe(200);
    expect(registered.body.jwt).toBeUndefined();
    const login = await app.http().post('/api/auth/local').send({ identifier: email, password: 'Later-Password-1' });
    expectErrorEnvelope(login, 400);

    const link = /confirmation=([^"&\s<]+)/.exec(mailTo(email))?.[1];
    expect(link).toBeDefined();
    const confirmed = await app.http().get(`/api/auth/email-confirmation?confirmation=${link}`);
    expect([200, 301, 302]).toContain(confirmed.status);

    const jwt = (await app.http().post('/api/auth/local').send({ identifier: email, password: 'Later-Password-1' }))
      .body.jwt;
    const me = await app
      .http()
      .get('/api/comments/me')
      .set({ Authorization: `Bearer ${jwt}` });
    expect(me.body.data.subscription).toMatchObject({ status: 'active', active: true });
  });

  test('a forgotten password is reset by following the emailed link', async () => {
    const reader = await createUser(app);
    expect((await app.http().post('/api/auth/forgot-password').send({ email: reader.email })).status).toBe(200);
    const code = /code=([^"&\s<]+)/.exec(mailTo(reader.email))?.[1];
    expect(code).toBeDefined();
    const reset = await app
      .http()
      .post('/api/auth/reset-password')
      .send({ code, password: 'New-Password-2', passwordConfirmation: 'New-Password-2' });
    expect(reset.status).toBe(200);
    expect(
      (await app.http().post('/api/auth/local').send({ identifier: reader.email, password: 'New-Password-2' })).status
    ).toBe(200);
  });

  // Mass assignment on registration and on /api/users/:id: tests/security/mass-assignment.test.ts.
});
