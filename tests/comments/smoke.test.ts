import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createApiToken } from '../helpers/auth';
import { createArticle, createSubscriber, ensurePolicy, postComment } from '../helpers/comments';

let app: TestApp;
beforeAll(async () => {
  app = await bootStrapi();
});
afterAll(async () => {
  await app?.stop();
});

test('smoke', async () => {
  await ensurePolicy(app);
  const article = await createArticle(app);
  const token = await createApiToken(app);
  const reader = await createSubscriber(app, token);
  const policy = await app.http().get('/api/comments/policy');
  expect(policy.status).toBe(200);
  const posted = await postComment(app, reader, article.documentId, 'Hello <b>world</b> http://example.com');
  expect(posted.status).toBe(201);
  const thread = await app.http().get(`/api/comments/threads/${article.documentId}`);
  console.log(JSON.stringify(thread.body, null, 1), JSON.stringify(policy.body).slice(0, 500));
  expect(thread.status).toBe(200);
});
