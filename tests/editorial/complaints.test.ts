import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, createApiToken, createUser, type TestAdmin, type TestUser } from '../helpers/auth';
import { expectErrorEnvelope } from '../helpers/envelope';
import { bearer, createArticle, createSubscriber, ensurePolicy } from '../helpers/comments';
import { GENEROUS_LIMITS, adminCall, postAndGetId } from '../helpers/moderation';

const REPORT = 'plugin::comments.report';
const EVENT = 'plugin::comments.moderation-event';

let app: TestApp;
let token: string;
let editor: TestAdmin;
let moderator: TestAdmin;
let articleId: string;
let commentId: string;

beforeAll(async () => {
  app = await bootStrapi();
  await app.strapi.plugin('comments').service('settings').setOverrides(GENEROUS_LIMITS);
  await ensurePolicy(app);
  token = await createApiToken(app);
  editor = await createAdmin(app, ['strapi-editor']);
  moderator = await createAdmin(app, ['comments-moderator']);
  articleId = (await createArticle(app, { title: 'Council budget story' })).documentId;
  commentId = await postAndGetId(app, await createSubscriber(app, token), articleId, 'The budget was 4m, not 3m.');
});
afterAll(async () => {
  await app?.stop();
});

const complainAboutStory = (reader: TestUser, data: Record<string, unknown>, story = articleId) =>
  app.http().post(`/api/comments/threads/${story}/complaints`).set(bearer(reader)).send({ data });
const complainAboutComment = (reader: TestUser, note: string) =>
  app
    .http()
    .post(`/api/comments/${commentId}/reports`)
    .set(bearer(reader))
    .send({ data: { reason: 'factual-error', note } });
const resolutionUrl = (complaint: string) => `/comments/editorial/complaints/${complaint}/resolution`;
const resolve = (admin: TestAdmin, complaint: string, body: unknown) =>
  adminCall(app, admin).post(resolutionUrl(complaint), body);
const complaintRow = (documentId: string) => app.strapi.db.query(REPORT).findOne({ where: { documentId } });
const auditOf = (complaint: string) =>
  app.strapi.db
    .query(EVENT)
    .findMany({ where: { action: 'complaint-resolved' } })
    .then((rows: Array<{ after: { complaint: string } }>) => rows.filter((row) => row.after.complaint === complaint));
const myReports = async (reader: TestUser) =>
  (await app.http().get('/api/comments/me/reports').set(bearer(reader))).body.data;

describe('factual-error complaints, filed', () => {
  test('about a comment and about the story: both in the editors’ list with their target', async () => {
    const reader = await createUser(app);
    const onComment = await complainAboutComment(reader, 'The comment quotes the wrong figure.');
    expect(onComment.status).toBe(200);
    const onStory = await complainAboutStory(reader, { note: 'The headline says 3m; the council says 4m.' });
    expect(onStory.status).toBe(200);
    expect(onStory.body.data).toMatchObject({
      target: 'story',
      comment: null,
      story: articleId,
      reason: 'factual-error',
      state: 'open',
      correctionNote: null,
      resolvedAt: null,
    });

    const list = await adminCall(app, editor).get(`/comments/editorial/complaints?article=${articleId}`);
    expect(list.status).toBe(200);
    const byId = Object.fromEntries(list.body.data.map((row: { documentId: string }) => [row.documentId, row]));
    expect(byId[onStory.body.data.documentId]).toMatchObject({
      target: 'story',
      comment: null,
      story: { documentId: articleId, title: 'Council budget story' },
      note: 'The headline says 3m; the council says 4m.',
      state: 'open',
    });
    expect(byId[onComment.body.data.documentId]).toMatchObject({
      target: 'comment',
      comment: { documentId: commentId },
      state: 'open',
    });
    // Editorial complaints never weigh on the comment.
    expect(
      await app.strapi.db.query('plugin::comments.comment').findOne({ where: { documentId: commentId } })
    ).toMatchObject({ status: 'visible', trustedReportCount: 0 });
  });

  test('a second story complaint by the same reader is answered like the first and stores nothing', async () => {
    const reader = await createUser(app);
    const first = await complainAboutStory(reader, { note: 'Wrong date in the second paragraph.' });
    expect(first.status).toBe(200);
    const second = await complainAboutStory(reader, { note: 'And the byline is wrong.' });
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(await app.strapi.db.query(REPORT).count({ where: { reporterId: reader.id, target: 'story' } })).toBe(1);
  });

  test('concurrent story complaints by one reader store one, and both answers name it', async () => {
    const reader = await createUser(app);
    const answers = await Promise.all(
      [1, 2, 3].map((n) => complainAboutStory(reader, { note: `Concurrent complaint ${n}` }))
    );
    expect(answers.map((res) => res.status)).toEqual([200, 200, 200]);
    const rows = await app.strapi.db.query(REPORT).findMany({ where: { reporterId: reader.id, target: 'story' } });
    expect(rows).toHaveLength(1);
    expect(new Set(answers.map((res) => res.body.data.documentId))).toEqual(new Set([rows[0].documentId]));
  });

  test('the complaints register lists a story complaint with the story and no comment', async () => {
    const reader = await createUser(app);
    const filed = await complainAboutStory(reader, { note: 'Register me.' });
    const res = await adminCall(app, moderator).get('/comments/moderation/register.csv?from=2000-01-01T00:00:00Z');
    expect(res.status).toBe(200);
    const line = res.text.split('\r\n').find((row) => row.includes(filed.body.data.documentId)) as string;
    expect(line.split(',').slice(1, 5)).toEqual([filed.body.data.documentId, '', articleId, 'factual-error']);
  });

  test('refused: a banned reader, a bad body, an unknown story, no login; nothing stored', async () => {
    const before = await app.strapi.db.query(REPORT).count();
    const banned = await createSubscriber(app, token);
    const ban = await adminCall(app, moderator).post(`/comments/moderation/users/${banned.documentId}/sanctions`, {
      action: 'ban',
      reason: 'Abuse',
    });
    expect(ban.status).toBe(200);
    expectErrorEnvelope(await complainAboutStory(banned, { note: 'Let me in.' }), 403, 'REPORTER_BANNED');

    const reader = await createUser(app);
    expectErrorEnvelope(await complainAboutStory(reader, {}), 400);
    expectErrorEnvelope(await complainAboutStory(reader, { note: '   ' }), 400);
    expectErrorEnvelope(await complainAboutStory(reader, { note: 'x'.repeat(1001) }), 400);
    expectErrorEnvelope(await complainAboutStory(reader, { note: 'Fine', reason: 'spam' }), 400);
    expectErrorEnvelope(await complainAboutStory(reader, { note: 'Fine' }, 'nosuchstory1'), 404);
    const anonymous = await app
      .http()
      .post(`/api/comments/threads/${articleId}/complaints`)
      .send({ data: { note: 'Who am I?' } });
    expectErrorEnvelope(anonymous, 401);
    expect(await app.strapi.db.query(REPORT).count()).toBe(before);
  });
});

describe('factual-error complaints, resolved by editors', () => {
  test('upheld with a correction note: audited once, and the reporter sees the outcome in /me/reports', async () => {
    const reader = await createUser(app);
    const onStory = (await complainAboutStory(reader, { note: 'Wrong budget figure.' })).body.data;
    const onComment = (await complainAboutComment(reader, 'The comment repeats it.')).body.data;

    const upheld = await resolve(editor, onStory.documentId, {
      outcome: 'upheld',
      correctionNote: 'We corrected the budget figure to £4m.',
      reason: 'Checked against the council papers',
    });
    expect(upheld.status).toBe(200);
    expect(upheld.body.data).toMatchObject({
      documentId: onStory.documentId,
      target: 'story',
      state: 'upheld',
      correctionNote: 'We corrected the budget figure to £4m.',
      resolvedAt: expect.any(String),
    });
    const notUpheld = await resolve(editor, onComment.documentId, { outcome: 'not-upheld', reason: 'Story is right' });
    expect(notUpheld.status).toBe(200);

    const audit = await auditOf(onStory.documentId);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorType: 'moderator',
      actorId: editor.id,
      subjectUserId: reader.id,
      reason: 'Checked against the council papers',
      before: { state: 'open', target: 'story', story: articleId },
      after: { state: 'upheld', correctionNote: 'We corrected the budget figure to £4m.' },
    });
    expect((await auditOf(onComment.documentId))[0]).toMatchObject({ after: { state: 'not-upheld' } });

    const mine = await myReports(reader);
    expect(mine).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          documentId: onStory.documentId,
          target: 'story',
          state: 'upheld',
          outcome: 'upheld',
          correctionNote: 'We corrected the budget figure to £4m.',
          resolvedAt: upheld.body.data.resolvedAt,
        }),
        expect.objectContaining({
          documentId: onComment.documentId,
          target: 'comment',
          comment: commentId,
          outcome: 'not-upheld',
          correctionNote: null,
        }),
      ])
    );
    // The internal reason stays with the editors.
    expect(JSON.stringify(mine)).not.toContain('council papers');
  });

  test('resolving twice is 409 and changes nothing', async () => {
    const complaint = (await complainAboutStory(await createUser(app), { note: 'Twice.' })).body.data;
    expect((await resolve(editor, complaint.documentId, { outcome: 'not-upheld', reason: 'No error' })).status).toBe(
      200
    );
    const before = await complaintRow(complaint.documentId);
    const again = await resolve(editor, complaint.documentId, {
      outcome: 'upheld',
      correctionNote: 'Changed my mind',
      reason: 'Second go',
    });
    expectErrorEnvelope(again, 409, 'COMPLAINT_ALREADY_RESOLVED');
    expect(again.body.error.details).toMatchObject({ outcome: 'not-upheld' });
    expect(await complaintRow(complaint.documentId)).toEqual(before);
    expect(await auditOf(complaint.documentId)).toHaveLength(1);
  });

  test('two editors resolving at once: one wins, the other gets 409, one audit row', async () => {
    const complaint = (await complainAboutStory(await createUser(app), { note: 'Race.' })).body.data;
    const second = await createAdmin(app, ['strapi-editor']);
    const answers = await Promise.all([
      resolve(editor, complaint.documentId, { outcome: 'upheld', correctionNote: 'Fixed.', reason: 'First' }),
      resolve(second, complaint.documentId, { outcome: 'not-upheld', reason: 'Second' }),
    ]);
    expect(answers.map((res) => res.status).sort()).toEqual([200, 409]);
    const winner = answers.find((res) => res.status === 200)?.body.data;
    expect(await complaintRow(complaint.documentId)).toMatchObject({ state: winner.state });
    expect(await auditOf(complaint.documentId)).toHaveLength(1);
  });

  test('a Moderator is 403, no token is 401, bad input is 400, an unknown complaint is 404; nothing changes', async () => {
    const complaint = (await complainAboutStory(await createUser(app), { note: 'Refusals.' })).body.data;
    const valid = { outcome: 'upheld', correctionNote: 'Fixed.', reason: 'Checked' };
    expectErrorEnvelope(await resolve(moderator, complaint.documentId, valid), 403);
    expectErrorEnvelope(await app.http().post(resolutionUrl(complaint.documentId)).send(valid), 401);
    for (const bad of [
      {},
      { outcome: 'maybe', reason: 'Checked' },
      { outcome: 'upheld' },
      { outcome: 'upheld', reason: 'Checked', extra: true },
      { outcome: 'upheld', reason: 'Checked', correctionNote: 'x'.repeat(2001) },
      { outcome: 'not-upheld', reason: 'Checked', correctionNote: 'Nothing was corrected' },
    ]) {
      expectErrorEnvelope(await resolve(editor, complaint.documentId, bad), 400);
    }
    expectErrorEnvelope(await resolve(editor, 'nosuchcomplaint1', valid), 404);
    expect(await complaintRow(complaint.documentId)).toMatchObject({ state: 'open', correctionNote: null });
    expect(await auditOf(complaint.documentId)).toHaveLength(0);
  });

  test('a moderation report is not an editorial complaint: 404', async () => {
    const reader = await createUser(app);
    const report = await app
      .http()
      .post(`/api/comments/${commentId}/reports`)
      .set(bearer(reader))
      .send({ data: { reason: 'spam' } });
    expect(report.status).toBe(200);
    const res = await resolve(editor, report.body.data.documentId, { outcome: 'upheld', reason: 'Not mine' });
    expectErrorEnvelope(res, 404);
    expect(await complaintRow(report.body.data.documentId)).toMatchObject({ state: 'open' });
  });
});
