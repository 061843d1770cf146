import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createApiToken, createUser } from '../helpers/auth';
import { expectErrorEnvelope } from '../helpers/envelope';
import { bearer, createArticle, createSubscriber, ensurePolicy, postComment } from '../helpers/comments';

let app: TestApp;
let token: string;

beforeAll(async () => {
  app = await bootStrapi();
  await ensurePolicy(app);
  token = await createApiToken(app);
});
afterAll(async () => {
  await app?.stop();
});

test('a reader exports everything held about them', async () => {
  const article = await createArticle(app);
  const reader = await createSubscriber(app, token, { displayName: 'Exporter' });
  const other = await createSubscriber(app, token);
  const commentId = (await postComment(app, reader, article.documentId, 'My words')).body.data.documentId;
  const othersComment = (await postComment(app, other, article.documentId, 'Their words')).body.data.documentId;
  await app
    .http()
    .post(`/api/comments/${othersComment}/reports`)
    .set(bearer(reader))
    .send({ data: { reason: 'spam', note: 'Looks like spam' } });

  const res = await app.http().get('/api/comments/me/export').set(bearer(reader));
  expect(res.status).toBe(200);
  expect(res.headers['content-disposition']).toMatch(/attachment/);
  expect(res.body.data).toMatchObject({
    account: { email: reader.email, username: reader.username },
    profile: { displayName: 'Exporter', termsVersion: '2024-11-16' },
    subscription: { status: 'active' },
    comments: [expect.objectContaining({ documentId: commentId, body: 'My words', state: 'visible' })],
    reports: [expect.objectContaining({ comment: othersComment, reason: 'spam', note: 'Looks like spam' })],
  });
  expect(JSON.stringify(res.body)).not.toContain('Their words');
});

test('erasure removes the reader, keeps replies in place behind a tombstone, and leaves only the pseudonymous id in the audit', async () => {
  const article = await createArticle(app);
  const leaving = await createSubscriber(app, token, { displayName: 'Leaving Reader' });
  const staying = await createSubscriber(app, token, { displayName: 'Staying Reader' });
  const withReply = (await postComment(app, leaving, article.documentId, 'Answered comment')).body.data.documentId;
  await postComment(app, staying, article.documentId, 'An answer', withReply);
  await postComment(app, leaving, article.documentId, 'Lonely comment');

  const erased = await app.http().delete('/api/comments/me').set(bearer(leaving));
  expect(erased.status).toBe(200);

  const thread = await app.http().get(`/api/comments/threads/${article.documentId}`);
  expect(thread.body.data).toHaveLength(1);
  expect(thread.body.data[0]).toMatchObject({
    documentId: withReply,
    status: 'removed',
    body: null,
    author: null,
    replyCount: 1,
  });
  expect(JSON.stringify(thread.body)).not.toMatch(/Leaving Reader|Answered comment|Lonely comment/);

  expect(await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: leaving.id } })).toBeNull();
  expect(await app.strapi.db.query('plugin::comments.commenter').findOne({ where: { userId: leaving.id } })).toBeNull();
  expect(
    await app.strapi.db.query('plugin::comments.subscription').findOne({ where: { email: leaving.email } })
  ).toBeNull();
  const audit = await app.strapi.db
    .query('plugin::comments.moderation-event')
    .findMany({ where: { subjectUserId: leaving.id } });
  expect(audit.length).toBeGreaterThanOrEqual(3);
  expect(JSON.stringify(audit)).not.toMatch(/Leaving Reader|Answered comment|Lonely comment/);
  expect(audit.map((row: any) => row.action)).toContain('erased');

  // The old JWT no longer works.
  expectErrorEnvelope(await app.http().get('/api/comments/me').set(bearer(leaving)), 401);
});

test('an account that never commented can be erased too', async () => {
  const reader = await createUser(app);
  expect((await app.http().delete('/api/comments/me').set(bearer(reader))).status).toBe(200);
  expect(await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: reader.id } })).toBeNull();
});
