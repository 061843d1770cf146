import fs from 'fs';
import path from 'path';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, createApiToken, type TestAdmin, type TestUser } from '../helpers/auth';
import { expectErrorEnvelope } from '../helpers/envelope';
import { bearer, createArticle, createSubscriber, ensurePolicy } from '../helpers/comments';
import { GENEROUS_LIMITS, adminCall, overrideSettings, postAndGetId, reportBy } from '../helpers/moderation';

interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

const DUTY = 'duty-desk@newsroom.test';
const PER_HOUR = 3;
const outbox = path.join(__dirname, '..', '..', '.tmp', `outbox-notifications-${process.pid}`);

let app: TestApp;
let token: string;
let moderator: TestAdmin;
let articleId: string;
let clock: jest.SpyInstance;

const mailsTo = (email: string): Mail[] =>
  fs.existsSync(outbox)
    ? fs
        .readdirSync(outbox)
        .sort()
        .map((file) => JSON.parse(fs.readFileSync(path.join(outbox, file), 'utf8')) as Mail)
        .filter((mail) => mail.to === email.toLowerCase())
    : [];

/** Waits until `email` has a message whose subject matches, and returns it. */
const mailMatching = async (email: string, subject: RegExp, timeoutMs = 15_000): Promise<Mail> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mail = mailsTo(email).find((candidate) => subject.test(candidate.subject));
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`no email to ${email} matching ${subject}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

const versionOf = async (documentId: string) =>
  (await app.strapi.db.query('plugin::comments.comment').findOne({ where: { documentId } })).version;
const hide = async (documentId: string, publicReason: string) => {
  const res = await adminCall(app, moderator).post(`/comments/moderation/comments/${documentId}/actions`, {
    action: 'hide',
    version: await versionOf(documentId),
    reason: 'notifications test',
    publicReason,
  });
  expect([res.status, res.body.error]).toEqual([200, undefined]);
};
const setPreferences = async (reader: TestUser, notifications: Record<string, boolean>) => {
  const res = await app.http().patch('/api/comments/me').set(bearer(reader)).send({ data: { notifications } });
  expect(res.status).toBe(200);
  return res.body.data.notifications;
};
/** A moderation notice to a fresh author: events are notified in order, so everything written before has been too. */
const barrier = async () => {
  const author = await createSubscriber(app, token);
  await hide(await postAndGetId(app, author, articleId, 'Barrier'), 'Barrier');
  await mailMatching(author.email, /hidden/);
};

beforeAll(async () => {
  app = await bootStrapi({ env: { EMAIL_OUTBOX_DIR: outbox } });
  await overrideSettings(app, {
    ...GENEROUS_LIMITS,
    notifications: { dutyModerators: [DUTY], perRecipient: { points: PER_HOUR, durationSeconds: 3600 } },
  });
  await ensurePolicy(app);
  token = await createApiToken(app);
  moderator = await createAdmin(app, ['comments-moderator']);
  articleId = (await createArticle(app)).documentId;
  clock = jest.spyOn(app.strapi.plugin('comments').service('clock'), 'now');
});
afterAll(async () => {
  clock?.mockRestore();
  await app?.stop();
  fs.rmSync(outbox, { recursive: true, force: true });
});

test('a hidden comment’s author is emailed the public reason and how to appeal, with a one-click unsubscribe', async () => {
  const author = await createSubscriber(app, token);
  const id = await postAndGetId(app, author, articleId, 'Something sharp');
  await hide(id, 'Personal attack on another reader');

  const mail = await mailMatching(author.email, /hidden by a moderator/);
  const decision = await app.strapi.db
    .query('plugin::comments.moderation-event')
    .findOne({ where: { commentDocumentId: id, action: 'hide' } });
  expect(mail.text).toContain('Reason: Personal attack on another reader');
  expect(mail.text).toContain('/api/comments/me/appeals');
  expect(mail.text).toContain(decision.documentId);
  expect(mail.html).toContain('Personal attack on another reader');
  expect(mail.headers['List-Unsubscribe']).toMatch(/^<.*\/api\/comments\/notifications\/unsubscribe\?token=[\w.-]+>$/);
  expect(mail.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
});

test('preferences: off by default, changed through PATCH /me, which wants at least one field', async () => {
  const reader = await createSubscriber(app, token);
  const me = await app.http().get('/api/comments/me').set(bearer(reader));
  expect(me.body.data.notifications).toEqual({ replies: false, reportOutcomes: false });
  expect(await setPreferences(reader, { replies: true })).toEqual({ replies: true, reportOutcomes: false });
  const empty = await app.http().patch('/api/comments/me').set(bearer(reader)).send({ data: {} });
  expectErrorEnvelope(empty, 400);
  const wrong = await app
    .http()
    .patch('/api/comments/me')
    .set(bearer(reader))
    .send({ data: { notifications: { replies: 'yes' } } });
  expectErrorEnvelope(wrong, 400);
});

test('a reply is notified only to a reader who opted in; the unsubscribe link turns that off', async () => {
  const optedIn = await createSubscriber(app, token);
  const silent = await createSubscriber(app, token);
  const replier = await createSubscriber(app, token);
  await setPreferences(optedIn, { replies: true });
  const silentParent = await postAndGetId(app, silent, articleId, 'Nobody tells me');
  const parent = await postAndGetId(app, optedIn, articleId, 'Tell me about replies');
  await postAndGetId(app, replier, articleId, 'A reply to the silent one', silentParent);
  await postAndGetId(app, replier, articleId, 'A reply', parent);

  const mail = await mailMatching(optedIn.email, /replied/);
  expect(mail.text).toContain(parent);
  // Notified in order: the silent reader's reply event came first and sent nothing.
  expect(mailsTo(silent.email)).toEqual([]);

  const link = new URL(/^<(.+)>$/.exec(mail.headers['List-Unsubscribe'])![1]);
  const confirmation = await app.http().get(`${link.pathname}${link.search}`);
  expect(confirmation.status).toBe(200);
  expect(confirmation.text).toContain('<form method="post"');
  // A GET changes nothing (mail scanners follow links).
  expect((await app.http().get('/api/comments/me').set(bearer(optedIn))).body.data.notifications.replies).toBe(true);

  const forged = await app.http().post(`${link.pathname}?token=${link.searchParams.get('token')}x`);
  expectErrorEnvelope(forged, 400);
  const oneClick = await app
    .http()
    .post(`${link.pathname}${link.search}`)
    .type('form')
    .send('List-Unsubscribe=One-Click');
  expect(oneClick.status).toBe(200);
  expect(oneClick.body.data).toEqual({ kind: 'reply', unsubscribed: 'replies' });
  expect((await app.http().get('/api/comments/me').set(bearer(optedIn))).body.data.notifications).toEqual({
    replies: false,
    reportOutcomes: false,
  });

  await postAndGetId(app, replier, articleId, 'Another reply', parent);
  await barrier();
  expect(mailsTo(optedIn.email).filter((each) => /replied/.test(each.subject))).toHaveLength(1);
});

test('the duty moderators are alerted at once to an illegal report at night', async () => {
  const author = await createSubscriber(app, token);
  const id = await postAndGetId(app, author, articleId, 'Posted late');
  clock.mockReturnValue(new Date('2026-11-25T02:00:00Z')); // Wednesday 02:00 in London: part-time cover
  try {
    await reportBy(app, id, 1, 'illegal');
    const alert = await mailMatching(DUTY, /a report for illegal/);
    expect(alert.text).toContain(id);
    expect(alert.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
  } finally {
    clock.mockRestore();
    clock = jest.spyOn(app.strapi.plugin('comments').service('clock'), 'now');
  }
});

test('a busy thread does not flood a reader: optional notices are capped per hour, legal notices still go', async () => {
  const popular = await createSubscriber(app, token);
  const replier = await createSubscriber(app, token);
  await setPreferences(popular, { replies: true });
  const parent = await postAndGetId(app, popular, articleId, 'Everyone answers this');
  for (let index = 0; index < PER_HOUR + 3; index += 1) {
    await postAndGetId(app, replier, articleId, `Reply number ${index}`, parent);
  }
  await hide(parent, 'Off topic');
  await mailMatching(popular.email, /hidden by a moderator/);
  expect(mailsTo(popular.email).filter((mail) => /replied/.test(mail.subject))).toHaveLength(PER_HOUR);
});

test('a rolled-back action emails nobody', async () => {
  const author = await createSubscriber(app, token);
  const id = await postAndGetId(app, author, articleId, 'To be hidden, but the disk fills');
  await expect(
    app.strapi.db.transaction(async ({ trx, onCommit }) => {
      const comment = await app.strapi.db.query('plugin::comments.comment').findOne({ where: { documentId: id } });
      await app.strapi
        .plugin('comments')
        .service('transitions')
        .apply({
          comment,
          transition: 'hide',
          actor: { type: 'moderator', id: moderator.id, name: 'Moderator' },
          reason: 'fault',
          publicReason: 'Never sent',
          expectedVersion: comment.version,
          trx,
          onCommit,
        });
      throw new Error('the disk filled after the last write');
    })
  ).rejects.toThrow('the disk filled');
  await barrier();
  expect(mailsTo(author.email)).toEqual([]);
});

test('the duty moderators get one digest of the open queue as a full-time window opens, however many try', async () => {
  clock.mockReturnValue(new Date('2026-11-25T09:05:00Z')); // Wednesday 09:05 in London: the window opened at 09:00
  try {
    const digest = app.strapi.plugin('comments').service('notification-digest');
    // Several instances' timers at once: the window's unique row lets one send.
    await Promise.all([digest.sendIfDue(), digest.sendIfDue(), digest.sendIfDue()]);
    const mail = await mailMatching(DUTY, /items in the moderation queue/);
    expect(mail.text).toMatch(/open reports \(\d+ illegal or harassment\)/);
    await digest.sendIfDue();
    expect(mailsTo(DUTY).filter((each) => /moderation queue/.test(each.subject))).toHaveLength(1);
    expect(
      await app.strapi.db
        .query('plugin::comments.notification-digest')
        .count({ where: { windowStart: '2026-11-25T09:00:00.000Z' } })
    ).toBe(1);
  } finally {
    clock.mockRestore();
    clock = jest.spyOn(app.strapi.plugin('comments').service('clock'), 'now');
  }
});
