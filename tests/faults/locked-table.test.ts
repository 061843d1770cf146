import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createApiToken, type TestUser } from '../helpers/auth';
import { GENEROUS_LIMITS, postAndGetId } from '../helpers/moderation';
import { bearer, createArticle, createSubscriber, ensurePolicy, postComment } from '../helpers/comments';
import { lockTable, type TableLock } from '../helpers/faults-postgres';
import { expectServiceUnavailable, timed } from '../helpers/faults-http';

// Lock waits end after 1 s and statements after 3 s: every answer under a lock comes well within 5 s.
const ANSWER_BOUND_MS = 5000;

let app: TestApp;
let reader: TestUser;
let articleId: string;
let seededCommentId: string;

beforeAll(async () => {
  app = await bootStrapi({
    env: { DATABASE_STATEMENT_TIMEOUT: '3000', DATABASE_LOCK_TIMEOUT: '1000', DATABASE_POOL_ACQUIRE_TIMEOUT: '2000' },
  });
  await app.strapi.plugin('comments').service('settings').setOverrides(GENEROUS_LIMITS);
  await ensurePolicy(app);
  reader = await createSubscriber(app, await createApiToken(app));
  articleId = (await createArticle(app)).documentId;
  seededCommentId = await postAndGetId(app, reader, articleId, 'Before the lock');
});
afterAll(async () => {
  await app?.stop();
});

const tableOf = (uid: string) => app.strapi.db.metadata.get(uid).tableName;

/** Holds the table's ACCESS EXCLUSIVE lock for the duration of `fn`, whatever `fn` does. */
const whileLocked = async (uid: string, fn: () => Promise<void>) => {
  const lock: TableLock = await lockTable(app.database.env.DATABASE_URL, tableOf(uid));
  try {
    await fn();
  } finally {
    await lock.release();
  }
};

const readThread = () => app.http().get(`/api/comments/threads/${articleId}`);
const commentCount = () => app.strapi.db.query('plugin::comments.comment').count({ where: { threadId: articleId } });

test('with the comments table locked, thread reads and posts answer 503 within the bound; articles keep working', async () => {
  const before = await commentCount();
  await whileLocked('plugin::comments.comment', async () => {
    const [thread, post, articles] = await Promise.all([
      timed(readThread()),
      timed(postComment(app, reader, articleId, 'Under the lock')),
      timed(app.http().get('/api/articles')),
    ]);
    expectServiceUnavailable(thread.res);
    expect(thread.ms).toBeLessThan(ANSWER_BOUND_MS);
    expectServiceUnavailable(post.res);
    expect(post.ms).toBeLessThan(ANSWER_BOUND_MS);
    expect(articles.res.status).toBe(200);
    expect(articles.res.body.data.map((article: { documentId: string }) => article.documentId)).toContain(articleId);
    expect(articles.ms).toBeLessThan(ANSWER_BOUND_MS);
  });
  expect(await commentCount()).toBe(before);
});

test('once the comments table lock is released, reads and posts answer normally again', async () => {
  await whileLocked('plugin::comments.comment', async () => {
    expectServiceUnavailable((await timed(readThread())).res);
  });
  const thread = await timed(readThread());
  expect(thread.res.status).toBe(200);
  expect(thread.res.body.data.map((comment: { documentId: string }) => comment.documentId)).toContain(seededCommentId);
  const post = await timed(postComment(app, reader, articleId, 'After the lock'));
  expect(post.res.status).toBe(201);
  const stored = await app.strapi.db
    .query('plugin::comments.comment')
    .findOne({ where: { documentId: post.res.body.data.documentId } });
  expect(stored).toMatchObject({ body: 'After the lock', threadId: articleId });
});

test('with the permission table locked, anonymous and reader requests answer 503, never 401 or 403', async () => {
  await whileLocked('plugin::users-permissions.permission', async () => {
    const [anonymous, asReader, publicThread] = await Promise.all([
      timed(app.http().get('/api/articles')),
      timed(app.http().get('/api/comments/me').set(bearer(reader))),
      // A public route checks no permission: it keeps working.
      timed(readThread()),
    ]);
    expectServiceUnavailable(anonymous.res);
    expect(anonymous.ms).toBeLessThan(ANSWER_BOUND_MS);
    expectServiceUnavailable(asReader.res);
    expect(asReader.ms).toBeLessThan(ANSWER_BOUND_MS);
    expect(publicThread.res.status).toBe(200);
  });
  expect((await timed(app.http().get('/api/articles'))).res.status).toBe(200);
  expect((await timed(app.http().get('/api/comments/me').set(bearer(reader)))).res.status).toBe(200);
});
