import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, createApiToken, createUser, type TestAdmin, type TestUser } from '../helpers/auth';
import { expectErrorEnvelope } from '../helpers/envelope';
import { bearer, createArticle, createSubscriber, ensurePolicy } from '../helpers/comments';
import {
  GENEROUS_LIMITS,
  adminCall,
  ageAccount,
  overrideSettings,
  postAndGetId,
  reportBy,
} from '../helpers/moderation';

const COMMENT = 'plugin::comments.comment';
const REPORT = 'plugin::comments.report';

let app: TestApp;
let moderator: TestAdmin;
let token: string;
let articleId: string;
let mod: ReturnType<typeof adminCall>;

beforeAll(async () => {
  app = await bootStrapi();
  // Three trusted reports hide a comment whatever the cover, so the tests are about trust, not the clock.
  await overrideSettings(app, { ...GENEROUS_LIMITS, autoHide: { fullTime: 3, partTime: 3 } });
  await ensurePolicy(app);
  token = await createApiToken(app);
  moderator = await createAdmin(app, ['comments-moderator']);
  mod = adminCall(app, moderator);
  articleId = (await createArticle(app, { title: 'A contested story' })).documentId;
});
afterAll(async () => {
  await app?.stop();
});

const commentRow = (documentId: string) => app.strapi.db.query(COMMENT).findOne({ where: { documentId } });
const reportsOf = async (documentId: string) =>
  app.strapi.db.query(REPORT).findMany({ where: { commentDocumentId: documentId }, orderBy: { id: 'asc' } });
const report = (reader: TestUser, documentId: string) =>
  app
    .http()
    .post(`/api/comments/${documentId}/reports`)
    .set(bearer(reader))
    .send({ data: { reason: 'abusive' } });
const act = async (documentId: string, action: string) =>
  mod.post(`/comments/moderation/comments/${documentId}/actions`, {
    action,
    reason: `Moderator says ${action}`,
    version: (await commentRow(documentId)).version,
  });
const newComment = async (body: string) =>
  postAndGetId(app, await createSubscriber(app, token), articleId, `${body} ${Math.random()}`);

describe('who may report', () => {
  test('a banned and a suspended commenter are refused with nothing stored', async () => {
    const id = await newComment('Reported by the sanctioned');
    const banned = await createSubscriber(app, token);
    const suspended = await createSubscriber(app, token);
    for (const [reader, action, extra] of [
      [banned, 'ban', {}],
      [suspended, 'suspend', { until: new Date(Date.now() + 86_400_000).toISOString() }],
    ] as const) {
      const res = await mod.post(`/comments/moderation/users/${reader.documentId}/sanctions`, {
        action,
        reason: 'Abuse',
        ...extra,
      });
      expect(res.status).toBe(200);
    }
    expectErrorEnvelope(await report(banned, id), 403, 'REPORTER_BANNED');
    expectErrorEnvelope(await report(suspended, id), 403, 'REPORTER_SUSPENDED');
    expect(await reportsOf(id)).toHaveLength(0);
    expect(await commentRow(id)).toMatchObject({ reportCount: 0, needsReview: false });
  });

  test('a blocked and an unconfirmed account are refused with nothing stored', async () => {
    const id = await newComment('Reported by the blocked');
    const blocked = await createUser(app);
    const unconfirmed = await createUser(app);
    const users = app.strapi.db.query('plugin::users-permissions.user');
    await users.update({ where: { id: blocked.id }, data: { blocked: true } });
    await users.update({ where: { id: unconfirmed.id }, data: { confirmed: false } });
    // users-permissions refuses a blocked account before any route (401); an unconfirmed one that
    // still holds a token is refused by the reporting rule.
    expectErrorEnvelope(await report(blocked, id), 401);
    const res = await report(unconfirmed, id);
    expect([401, 403]).toContain(res.status);
    if (res.status === 403) expect(res.body.error.details.code).toBe('ACCOUNT_UNCONFIRMED');
    expect(await reportsOf(id)).toHaveLength(0);
  });

  test('reports from young accounts reach the queue but do not count; the weight is stored on each report', async () => {
    const id = await newComment('Reported by newcomers');
    await reportBy(app, id, 4, 'abusive', 'new-account');
    expect(await commentRow(id)).toMatchObject({
      status: 'visible',
      reportCount: 4,
      trustedReportCount: 0,
      needsReview: true,
    });
    const stored = await reportsOf(id);
    expect(stored.map((row: any) => [row.reporterStanding, row.trusted])).toEqual(
      Array(4).fill(['new-account', false])
    );
    const queue = await mod.get(`/comments/moderation/queue?queue=reported&article=${articleId}`);
    expect(queue.body.data.find((row: any) => row.documentId === id)).toMatchObject({
      reporters: 4,
      trustedReporters: 0,
    });
    // A subscriber's report counts however new the account is.
    const subscriber = await createSubscriber(app, token);
    expect((await report(subscriber, id)).status).toBe(200);
    expect(await commentRow(id)).toMatchObject({ trustedReportCount: 1 });
    expect((await reportsOf(id)).at(-1)).toMatchObject({ reporterStanding: 'subscriber', trusted: true });
  });

  test('three trusted reports hide it; ageing the reporter later does not rewrite the weight', async () => {
    const id = await newComment('Reported by established readers');
    const [first] = await reportBy(app, id, 3, 'abusive');
    expect(await commentRow(id)).toMatchObject({ status: 'hidden', autoHidden: true, needsReview: true });
    await ageAccount(app, first, new Date());
    expect((await reportsOf(id))[0]).toMatchObject({ reporterStanding: 'established', trusted: true });
  });
});

test('a burst of 10 reports from day-old accounts is flagged suspected-brigading, raised in the queue, and not hidden', async () => {
  const id = await newComment('Brigaded');
  await reportBy(app, id, 10, 'abusive', 'new-account');
  const row = await commentRow(id);
  expect(row).toMatchObject({ status: 'visible', flagged: true, needsReview: true });
  expect(row.flagReasons).toContain('suspected-brigading');
  // Even trusted reports do not hide a comment while it is suspected of being brigaded.
  await reportBy(app, id, 3, 'abusive');
  expect(await commentRow(id)).toMatchObject({ status: 'visible' });
  const queue = await mod.get(`/comments/moderation/queue?queue=reported&article=${articleId}`);
  expect(queue.body.data[0]).toMatchObject({
    documentId: id,
    flagReasons: expect.arrayContaining(['suspected-brigading']),
  });
  // The moderator's decision clears the flag.
  expect((await act(id, 'approve')).status).toBe(200);
  expect((await commentRow(id)).flagReasons ?? []).not.toContain('suspected-brigading');
});

test('a moderator’s restore survives the straggler reports that follow it; twice the threshold hides it again', async () => {
  const id = await newComment('Restored');
  await reportBy(app, id, 3, 'abusive');
  expect(await commentRow(id)).toMatchObject({ status: 'hidden', autoHidden: true });
  expect((await act(id, 'restore')).status).toBe(200);
  expect((await reportsOf(id)).map((row: any) => row.state)).toEqual(['not-upheld', 'not-upheld', 'not-upheld']);
  await reportBy(app, id, 5, 'abusive');
  expect(await commentRow(id)).toMatchObject({ status: 'visible', reportCount: 5, trustedReportCount: 5 });
  await reportBy(app, id, 1, 'abusive');
  expect(await commentRow(id)).toMatchObject({ status: 'hidden', autoHidden: true });
});

test('withdrawing a reported comment takes it out of public view but keeps it, and its reports, before the moderators', async () => {
  const author = await createSubscriber(app, token);
  const id = await postAndGetId(app, author, articleId, 'Regretted');
  await reportBy(app, id, 1, 'abusive');
  const withdrawn = await app.http().delete(`/api/comments/${id}`).set(bearer(author));
  expect(withdrawn.status).toBe(200);
  expect(withdrawn.body.data).toMatchObject({ status: 'withdrawn', state: 'withdrawn' });
  const thread = await app.http().get(`/api/comments/threads/${articleId}?pagination[pageSize]=100`);
  expect(JSON.stringify(thread.body)).not.toContain('Regretted');
  expect(await commentRow(id)).toMatchObject({ status: 'withdrawn-under-review', needsReview: true });
  const queue = await mod.get(`/comments/moderation/queue?queue=reported&article=${articleId}`);
  expect(queue.body.data.find((row: any) => row.documentId === id)).toMatchObject({ status: 'withdrawn-under-review' });
  expect((await reportsOf(id))[0].state).toBe('open');
  // The author cannot withdraw it again, nor edit it.
  expectErrorEnvelope(await app.http().delete(`/api/comments/${id}`).set(bearer(author)), 404);
  // The moderator upholds the report: removed, report upheld, all in the audit.
  expect((await act(id, 'remove')).status).toBe(200);
  expect(await commentRow(id)).toMatchObject({ status: 'removed', needsReview: false });
  expect((await reportsOf(id))[0].state).toBe('upheld');
  const audit = await app.strapi.db
    .query('plugin::comments.moderation-event')
    .findMany({ where: { commentDocumentId: id }, orderBy: { id: 'asc' } });
  expect(audit.map((row: any) => row.action)).toEqual(['posted', 'withdrawn-under-review', 'remove']);
});

test('an unreported visible comment is simply withdrawn and leaves the queue alone', async () => {
  const author = await createSubscriber(app, token);
  const id = await postAndGetId(app, author, articleId, 'Second thoughts');
  expect((await app.http().delete(`/api/comments/${id}`).set(bearer(author))).status).toBe(200);
  expect(await commentRow(id)).toMatchObject({ status: 'withdrawn', needsReview: false });
});

test('a sanction with hide-all goes through the same transition: reports upheld, one audit row each, versions moved on', async () => {
  const author = await createSubscriber(app, token);
  const ids = [
    await postAndGetId(app, author, articleId, 'First of many'),
    await postAndGetId(app, author, articleId, 'Second of many'),
  ];
  await reportBy(app, ids[0], 1, 'abusive');
  const before = await commentRow(ids[0]);
  const res = await mod.post(`/comments/moderation/users/${author.documentId}/sanctions`, {
    action: 'ban',
    reason: 'Persistent abuse',
    hideComments: true,
  });
  expect(res.status).toBe(200);
  expect(res.body.data.hiddenComments).toBe(2);
  for (const id of ids) {
    expect(await commentRow(id)).toMatchObject({ status: 'hidden', needsReview: false });
    const hides = await app.strapi.db
      .query('plugin::comments.moderation-event')
      .findMany({ where: { commentDocumentId: id, action: 'hide' } });
    expect(hides).toHaveLength(1);
  }
  expect((await reportsOf(ids[0]))[0]).toMatchObject({ state: 'upheld', decision: 'hide' });
  // A moderator still holding the version from before the sanction is refused.
  const stale = await mod.post(`/comments/moderation/comments/${ids[0]}/actions`, {
    action: 'restore',
    reason: 'Too harsh',
    version: before.version,
  });
  expectErrorEnvelope(stale, 409, 'STALE_VERSION');
});

test('a reporter whose reports moderators upheld weighs more: stored on the report, shown, and first in the queue', async () => {
  const story = (await createArticle(app, { title: 'Reliability story' })).documentId;
  const post = async (body: string) => postAndGetId(app, await createSubscriber(app, token), story, body);
  const [reliable] = await reportBy(app, await post('Earlier offence one'), 1, 'spam');
  const upheldIds = [await post('Earlier offence two')];
  expect((await report(reliable, upheldIds[0])).status).toBe(200);
  const firstEarlier = (await reportsOf(upheldIds[0]))[0];
  for (const row of await app.strapi.db.query(REPORT).findMany({ where: { reporterId: firstEarlier.reporterId } })) {
    expect((await act(row.commentDocumentId, 'hide')).status).toBe(200);
  }
  const byNewcomer = await post('Reported by a newcomer');
  const byReliable = await post('Reported by a reliable reader');
  await reportBy(app, byNewcomer, 1, 'spam');
  expect((await report(reliable, byReliable)).status).toBe(200);
  expect((await reportsOf(byReliable))[0].reporterReliability).toBeCloseTo(0.75);
  expect((await reportsOf(byNewcomer))[0].reporterReliability).toBeCloseTo(0.5);
  const queue = await mod.get(`/comments/moderation/queue?queue=reported&article=${story}`);
  expect(queue.body.data.map((row: any) => row.documentId)).toEqual([byReliable, byNewcomer]);
  const detail = await mod.get(`/comments/moderation/comments/${byReliable}`);
  expect(detail.body.data.reports[0].reporter.reliability).toBeCloseTo(0.75);
});

test('an amendment is not a judgement that the reports were unfounded: the usual threshold hides it again', async () => {
  const id = await newComment('Amended, still offensive');
  const amended = await mod.post(`/comments/moderation/comments/${id}/actions`, {
    action: 'amend',
    reason: 'Removed a slur',
    body: 'Amended text',
    version: (await commentRow(id)).version,
  });
  expect(amended.status).toBe(200);
  await reportBy(app, id, 3, 'abusive');
  expect(await commentRow(id)).toMatchObject({ status: 'hidden', autoHidden: true });
});

test('erasure settles the open reports on the reader’s comments, outside reporters’ reliability', async () => {
  const author = await createSubscriber(app, token);
  const id = await postAndGetId(app, author, articleId, 'Soon erased');
  const [reporter] = await reportBy(app, id, 1, 'abusive');
  expect((await app.http().delete('/api/comments/me').set(bearer(author))).status).toBe(200);
  expect((await reportsOf(id))[0]).toMatchObject({ state: 'not-upheld', decision: 'erased' });
  const mine = await app.http().get('/api/comments/me/reports').set(bearer(reporter));
  expect(mine.body.data[0]).toMatchObject({ state: 'not-upheld' });
  // A later report by the same reader starts from the newcomer's 0.5, as if the erased one had not been judged.
  const next = await newComment('Reported later');
  expect((await report(reporter, next)).status).toBe(200);
  expect((await reportsOf(next))[0].reporterReliability).toBeCloseTo(0.5);
});
