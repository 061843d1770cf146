import type request from 'supertest';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createApiToken, type TestUser } from '../helpers/auth';
import { bearer, createArticle, createSubscriber, ensurePolicy, postComment } from '../helpers/comments';
import { createEstablishedUser } from '../helpers/moderation';

/**
 * SQL statements per request, on the real stack with Redis: an N+1 or a per-request aggregate
 * that comes back fails here. Transaction control (BEGIN, COMMIT) counts too: it is a round trip.
 * A page already rendered, and its revalidation, need none: the resolved thread and the settings
 * are known to be current through the read cache's change channel. The writes include the
 * reader's authentication (one statement, strategies/reader.ts).
 */
const BUDGET = {
  threadMiss: 4,
  threadHit: 0,
  notModified: 0,
  post: 11,
  report: 13,
};

const MARK_HEADER = 'x-query-budget';
const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
const GENEROUS = { points: 100000, durationSeconds: 60 };
const TOP_LEVEL = 30;

let app: TestApp;
let poster: TestUser;
let reporter: TestUser;
let articleId: string;

/**
 * The SQL statements of one request, counted from knex's own query events: those issued in that
 * request's context (marked by a header) before its answer went out. Work deferred past the answer
 * (the event relay, nudged by a commit) belongs to the relay, not to the request.
 */
let marks = 0;
const statementsOf = async (
  send: (mark: Record<string, string>) => Promise<request.Response>
): Promise<{ result: request.Response; sql: string[] }> => {
  const mark = `budget-${(marks += 1)}`;
  const sql: string[] = [];
  const listener = (query: { sql: string }) => {
    const ctx = app.strapi.requestContext.get();
    if (ctx?.get(MARK_HEADER) === mark && !ctx.res.headersSent) sql.push(query.sql);
  };
  app.strapi.db.connection.on('query', listener);
  try {
    const result = await send({ [MARK_HEADER]: mark });
    return { result, sql };
  } finally {
    app.strapi.db.connection.off('query', listener);
  }
};

const readThread = (etag?: string, mark: Record<string, string> = {}) => {
  const req = app.http().get(`/api/comments/threads/${articleId}`).set(mark);
  return etag ? req.set('If-None-Match', etag) : req;
};

beforeAll(async () => {
  app = await bootStrapi({ env: { REDIS_URL } });
  await app.strapi
    .plugin('comments')
    .service('settings')
    .setOverrides({ rateLimits: { post: GENEROUS, report: GENEROUS } });
  await ensurePolicy(app);
  const token = await createApiToken(app);
  poster = await createSubscriber(app, token, { displayName: 'Poster' });
  reporter = await createEstablishedUser(app);
  // A returning reader: their profile exists (the first request of a reader creates it).
  await app.http().get('/api/comments/me').set(bearer(reporter));
  articleId = (await createArticle(app)).documentId;
  // A thread as bulk imports leave it: rows written straight to the table, each with replies.
  const comments = app.strapi.db.query('plugin::comments.comment');
  for (let i = 0; i < TOP_LEVEL; i += 1) {
    const top = await comments.create({
      data: {
        body: `Seeded ${i}`,
        threadType: 'api::article.article',
        threadId: articleId,
        authorId: poster.id,
        authorName: 'Poster',
        status: i % 7 === 3 ? 'hidden' : 'visible',
        version: 1,
      },
    });
    await comments.create({
      data: {
        body: `Reply to ${i}`,
        threadType: 'api::article.article',
        threadId: articleId,
        parentId: top.documentId,
        authorId: poster.id,
        authorName: 'Poster',
        status: 'visible',
        version: 1,
      },
    });
  }
  // Whatever Strapi does once per process (permissions, first connection) is not the read's cost.
  const warmUp = (await createArticle(app)).documentId;
  await app.http().get(`/api/comments/threads/${warmUp}`);
  await postComment(app, poster, warmUp, 'Warm-up');
});
afterAll(async () => {
  await app?.stop();
});

describe('query budget', () => {
  let etag: string;

  test(`a thread read that renders the page runs at most ${BUDGET.threadMiss} statements`, async () => {
    const { result, sql } = await statementsOf((mark) => readThread(undefined, mark));
    expect(result.status).toBe(200);
    expect(result.body.data).toHaveLength(25);
    expect(sql.length).toBeLessThanOrEqual(BUDGET.threadMiss);
    etag = result.headers.etag;
  });

  test(`the same page again (cache hit) runs ${BUDGET.threadHit} statements, whatever the thread's size`, async () => {
    const { result, sql } = await statementsOf((mark) => readThread(undefined, mark));
    expect(result.status).toBe(200);
    expect(result.headers.etag).toBe(etag);
    expect(sql.length).toBeLessThanOrEqual(BUDGET.threadHit);
    // No aggregate over the thread's comments: the ETag comes from the thread's revision row.
    expect(sql.join('\n')).not.toMatch(/count\(|sum\(|max\(/i);
  });

  test(`revalidation with If-None-Match (304) runs ${BUDGET.notModified} statements`, async () => {
    const { result, sql } = await statementsOf((mark) => readThread(etag, mark));
    expect(result.status).toBe(304);
    expect(sql.length).toBeLessThanOrEqual(BUDGET.notModified);
  });

  test(`posting a comment runs at most ${BUDGET.post}, and the thread then has a new ETag`, async () => {
    const { result, sql } = await statementsOf((mark) =>
      app
        .http()
        .post(`/api/comments/threads/${articleId}`)
        .set(bearer(poster))
        .set(mark)
        .send({ data: { body: 'Counted post' } })
    );
    expect(result.status).toBe(201);
    expect(sql.length).toBeLessThanOrEqual(BUDGET.post);
    const after = await readThread(etag);
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
  });

  test(`reporting a comment runs at most ${BUDGET.report}`, async () => {
    const target = (await postComment(app, poster, articleId, 'Report me')).body.data.documentId;
    const { result, sql } = await statementsOf((mark) =>
      app
        .http()
        .post(`/api/comments/${target}/reports`)
        .set(bearer(reporter))
        .set(mark)
        .send({ data: { reason: 'abusive', note: 'Rude.' } })
    );
    expect(result.status).toBe(200);
    expect(sql.length).toBeLessThanOrEqual(BUDGET.report);
  });
});
