import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createApiToken } from '../helpers/auth';
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

// Erasure, and that nothing of an erased reader is left in any answer: tests/security/erasure.test.ts.
