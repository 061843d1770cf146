import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, createApiToken, type TestAdmin, type TestUser } from '../helpers/auth';
import { bearer, createArticle, createSubscriber, ensurePolicy, postComment } from '../helpers/comments';
import { adminCall } from '../helpers/moderation';

/**
 * The thread's ETag and cached pages follow its revision row: every write that changes what the
 * thread shows must raise it, or readers would be served the page from before the write.
 */
let app: TestApp;
let token: string;
let moderator: TestAdmin;
let author: TestUser;

const GENEROUS = { points: 100000, durationSeconds: 60 };

const read = (articleId: string, etag?: string) => {
  const req = app.http().get(`/api/comments/threads/${articleId}`);
  return etag ? req.set('If-None-Match', etag) : req;
};
const bodiesOf = (res: { body: { data: Array<{ body: string; replies: Array<{ body: string }> }> } }) =>
  res.body.data.flatMap((comment) => [comment.body, ...comment.replies.map((reply) => reply.body)]);
const versionOf = async (documentId: string) =>
  (await app.strapi.db.query('plugin::comments.comment').findOne({ where: { documentId } })).version;
const act = async (documentId: string, action: string) =>
  adminCall(app, moderator).post(`/comments/moderation/comments/${documentId}/actions`, {
    action,
    reason: `${action} for the test`,
    version: await versionOf(documentId),
  });

/** Reads the thread, runs `write`, and answers the read that follows: never the old page. */
const afterWrite = async (articleId: string, write: () => Promise<{ status: number }>, status = 200) => {
  const before = await read(articleId);
  expect(before.status).toBe(200);
  expect((await read(articleId, before.headers.etag)).status).toBe(304);
  expect((await write()).status).toBe(status);
  const after = await read(articleId, before.headers.etag);
  expect(after.status).toBe(200);
  expect(after.headers.etag).not.toBe(before.headers.etag);
  return after;
};

beforeAll(async () => {
  app = await bootStrapi();
  await app.strapi
    .plugin('comments')
    .service('settings')
    .setOverrides({ rateLimits: { post: GENEROUS, report: GENEROUS } });
  await ensurePolicy(app);
  token = await createApiToken(app);
  moderator = await createAdmin(app);
  author = await createSubscriber(app, token, { displayName: 'Author' });
});
afterAll(async () => {
  await app?.stop();
});

describe('the thread revision', () => {
  test('comments written before any revision row (imports, seeds) read as revision 0, then the first write raises it', async () => {
    const articleId = (await createArticle(app)).documentId;
    await app.strapi.db.query('plugin::comments.comment').create({
      data: {
        body: 'Imported',
        threadType: 'api::article.article',
        threadId: articleId,
        authorName: 'Archive',
        status: 'visible',
        version: 1,
      },
    });
    const first = await read(articleId);
    expect(bodiesOf(first)).toEqual(['Imported']);
    expect((await read(articleId)).headers.etag).toBe(first.headers.etag);
    const after = await afterWrite(articleId, () => postComment(app, author, articleId, 'First new one'), 201);
    expect(bodiesOf(after)).toEqual(['Imported', 'First new one']);
  });

  test('a moderator hiding and then restoring a comment changes the page each time', async () => {
    const articleId = (await createArticle(app)).documentId;
    const id = (await postComment(app, author, articleId, 'Contested')).body.data.documentId;
    expect(bodiesOf(await afterWrite(articleId, () => act(id, 'hide')))).toEqual([]);
    expect(bodiesOf(await afterWrite(articleId, () => act(id, 'restore')))).toEqual(['Contested']);
  });

  test('an edit, a reply and a withdrawal each show at once', async () => {
    const articleId = (await createArticle(app)).documentId;
    const id = (await postComment(app, author, articleId, 'Draft wording')).body.data.documentId;
    const edit = () =>
      app
        .http()
        .patch(`/api/comments/${id}`)
        .set(bearer(author))
        .send({ data: { body: 'Final wording' } });
    expect(bodiesOf(await afterWrite(articleId, edit))).toEqual(['Final wording']);
    const reply = () => postComment(app, author, articleId, 'A reply', id);
    expect(bodiesOf(await afterWrite(articleId, reply, 201))).toEqual(['Final wording', 'A reply']);
    const withdraw = () => app.http().delete(`/api/comments/${id}`).set(bearer(author));
    // The withdrawn comment stays as a tombstone above its visible reply.
    const after = await afterWrite(articleId, withdraw);
    expect(after.body.data[0]).toMatchObject({ status: 'removed', body: null, replies: [{ body: 'A reply' }] });
  });

  test('a new display name shows on every thread the reader wrote in, and erasure empties them', async () => {
    const reader = await createSubscriber(app, token, { displayName: 'Old Name' });
    const articles = [(await createArticle(app)).documentId, (await createArticle(app)).documentId];
    for (const articleId of articles) expect((await postComment(app, reader, articleId, 'Mine')).status).toBe(201);
    const etags = await Promise.all(articles.map(async (articleId) => (await read(articleId)).headers.etag));
    const rename = await app
      .http()
      .patch('/api/comments/me')
      .set(bearer(reader))
      .send({ data: { displayName: 'New Name' } });
    expect(rename.status).toBe(200);
    for (const [index, articleId] of articles.entries()) {
      const after = await read(articleId, etags[index]);
      expect(after.status).toBe(200);
      expect(after.body.data[0].author.displayName).toBe('New Name');
    }
    const renamed = await read(articles[1]);
    expect((await app.http().delete('/api/comments/me').set(bearer(reader))).status).toBe(200);
    const erased = await read(articles[1], renamed.headers.etag);
    expect(erased.status).toBe(200);
    expect(bodiesOf(erased)).toEqual([]);
  });
});
