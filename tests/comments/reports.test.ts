import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createApiToken, createUser, type TestUser } from '../helpers/auth';
import { expectErrorEnvelope } from '../helpers/envelope';
import { bearer, createArticle, createSubscriber, ensurePolicy, postComment } from '../helpers/comments';
import { createEstablishedUser } from '../helpers/moderation';

let app: TestApp;
let token: string;
let author: TestUser;
let articleId: string;

const report = (user: TestUser, commentId: string, data: Record<string, unknown>) =>
  app.http().post(`/api/comments/${commentId}/reports`).set(bearer(user)).send({ data });

// Limits other than the one under test stay out of the way.
const GENEROUS = { points: 100000, durationSeconds: 60 };
const limits = (rateLimits: Record<string, unknown>) =>
  app.strapi
    .plugin('comments')
    .service('settings')
    .setOverrides({ rateLimits: { post: GENEROUS, report: GENEROUS, ...rateLimits } });

const commentRow = (documentId: string) =>
  app.strapi.db.query('plugin::comments.comment').findOne({ where: { documentId } });

beforeAll(async () => {
  app = await bootStrapi();
  await limits({});
  await ensurePolicy(app);
  token = await createApiToken(app);
  author = await createSubscriber(app, token, { displayName: 'Author' });
  articleId = (await createArticle(app)).documentId;
});
afterAll(async () => {
  await app?.stop();
});

describe('report this comment', () => {
  test('any logged-in reader reports once; a repeat is answered like the first and adds nothing', async () => {
    const commentId = (await postComment(app, author, articleId, 'Reportable')).body.data.documentId;
    const reader = await createUser(app);
    const events: unknown[] = [];
    const listener = async (payload: unknown) => {
      events.push(payload);
    };
    app.strapi.eventHub.on('comment.reported', listener);
    try {
      const first = await report(reader, commentId, { reason: 'abusive', note: 'Rude.' });
      expect(first.status).toBe(200);
      expect(first.body.data).toMatchObject({ comment: commentId, reason: 'abusive', note: 'Rude.', state: 'open' });
      const repeat = await report(reader, commentId, { reason: 'spam' });
      expect(repeat.status).toBe(200);
      expect(repeat.body).toEqual(first.body);
    } finally {
      app.strapi.eventHub.off('comment.reported', listener);
    }
    expect(
      await app.strapi.db.query('plugin::comments.report').count({ where: { commentDocumentId: commentId } })
    ).toBe(1);
    expect(await commentRow(commentId)).toMatchObject({ reportCount: 1, needsReview: true, status: 'visible' });
    expect(events).toEqual([expect.objectContaining({ comment: commentId, reason: 'abusive' })]);
    expect(JSON.stringify(events)).not.toContain(reader.email);

    const mine = await app.http().get('/api/comments/me/reports').set(bearer(reader));
    expect(mine.body.data).toEqual([
      expect.objectContaining({ comment: commentId, reason: 'abusive', outcome: 'open' }),
    ]);
  });

  test('the author cannot report their own comment; unknown comments are 404', async () => {
    const commentId = (await postComment(app, author, articleId, 'Mine')).body.data.documentId;
    expectErrorEnvelope(await report(author, commentId, { reason: 'spam' }), 403, 'CANNOT_REPORT_OWN_COMMENT');
    const reader = await createUser(app);
    expectErrorEnvelope(await report(reader, 'nosuchcomment1', { reason: 'spam' }), 404);
  });

  test('bad reports are refused: unknown reason, "other" without a note, a note over 1000 characters, unknown keys', async () => {
    const commentId = (await postComment(app, author, articleId, 'Target')).body.data.documentId;
    const reader = await createUser(app);
    expectErrorEnvelope(await report(reader, commentId, { reason: 'boring' }), 400);
    expectErrorEnvelope(await report(reader, commentId, { reason: 'other' }), 400);
    expectErrorEnvelope(await report(reader, commentId, { reason: 'other', note: '   ' }), 400);
    expectErrorEnvelope(await report(reader, commentId, { reason: 'spam', note: 'n'.repeat(1001) }), 400);
    expectErrorEnvelope(await report(reader, commentId, { reason: 'spam', severity: 9 }), 400);
    expect((await report(reader, commentId, { reason: 'other', note: 'Explains it.' })).status).toBe(200);
  });

  test('a factual-error complaint is recorded for editors but neither queues the comment nor counts towards hiding', async () => {
    const commentId = (await postComment(app, author, articleId, 'The figure is wrong')).body.data.documentId;
    const reader = await createUser(app);
    expect((await report(reader, commentId, { reason: 'factual-error', note: 'It was 85, not 83.' })).status).toBe(200);
    expect(await commentRow(commentId)).toMatchObject({ reportCount: 0, needsReview: false });
  });

  test('enough distinct reporters hide the comment pending review (auto-hide), audited as the system', async () => {
    const clock = app.strapi.plugin('comments').service('clock');
    const spy = jest.spyOn(clock, 'now').mockReturnValue(new Date('2026-11-28T10:00:00Z')); // Saturday: part-time, threshold 3
    try {
      const commentId = (await postComment(app, author, articleId, 'Provocative')).body.data.documentId;
      for (let i = 0; i < 3; i += 1)
        expect((await report(await createEstablishedUser(app), commentId, { reason: 'hate' })).status).toBe(200);
      expect(await commentRow(commentId)).toMatchObject({ status: 'hidden', autoHidden: true, reportCount: 3 });
      const audit = await app.strapi.db
        .query('plugin::comments.moderation-event')
        .findOne({ where: { commentDocumentId: commentId, action: 'auto-hidden' } });
      expect(audit).toMatchObject({ actorType: 'system' });
      const thread = await app.http().get(`/api/comments/threads/${articleId}?pagination[pageSize]=100`);
      expect(thread.body.data.map((c: any) => c.documentId)).not.toContain(commentId);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('rate limits', () => {
  test('posting is limited per user (5 a minute by default) with 429 and Retry-After', async () => {
    const poster = await createSubscriber(app, token);
    await limits({ post: app.strapi.plugin('comments').service('settings').defaults().rateLimits.post });
    for (let i = 0; i < 5; i += 1) expect((await postComment(app, poster, articleId, `Post ${i}`)).status).toBe(201);
    const limited = await postComment(app, poster, articleId, 'One too many');
    expectErrorEnvelope(limited, 429, 'RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    // Another user is not affected.
    expect((await postComment(app, await createSubscriber(app, token), articleId, 'Unaffected')).status).toBe(201);
    await limits({});
  });

  test('reporting is limited per user (30 an hour by default)', async () => {
    await limits({ report: app.strapi.plugin('comments').service('settings').defaults().rateLimits.report });
    try {
      const targets: string[] = [];
      for (let i = 0; i < 31; i += 1)
        targets.push((await postComment(app, author, articleId, `Target ${i}`)).body.data.documentId);
      const reporter = await createUser(app);
      for (const target of targets.slice(0, 30))
        expect((await report(reporter, target, { reason: 'spam' })).status).toBe(200);
      const limited = await report(reporter, targets[30], { reason: 'spam' });
      expectErrorEnvelope(limited, 429, 'RATE_LIMITED');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(60);
    } finally {
      await limits({});
    }
  });
});

test('100 parallel reports from 100 readers count exactly 100, with one row each', async () => {
  const settings = app.strapi.plugin('comments').service('settings');
  await settings.setOverrides({ ...(await settings.overrides()), autoHide: { fullTime: 1000, partTime: 1000 } });
  try {
    const commentId = (await postComment(app, author, articleId, 'Popular target')).body.data.documentId;
    const readers: TestUser[] = [];
    // Accounts in small batches: users-permissions' own create is not what is under test here.
    while (readers.length < 100) readers.push(...(await Promise.all(Array.from({ length: 4 }, () => createUser(app)))));
    const answers = await Promise.all(readers.map((reader) => report(reader, commentId, { reason: 'off-topic' })));
    expect(answers.map((res) => res.status)).toEqual(Array(100).fill(200));
    // Each reader again, in parallel: still one row each.
    const repeats = await Promise.all(readers.map((reader) => report(reader, commentId, { reason: 'off-topic' })));
    expect(repeats.map((res) => res.status)).toEqual(Array(100).fill(200));
    expect(
      await app.strapi.db.query('plugin::comments.report').count({ where: { commentDocumentId: commentId } })
    ).toBe(100);
    expect((await commentRow(commentId)).reportCount).toBe(100);
  } finally {
    await limits({});
  }
});
