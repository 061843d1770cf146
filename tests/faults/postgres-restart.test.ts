import crypto from 'crypto';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createApiToken, type TestUser } from '../helpers/auth';
import { expectErrorEnvelope } from '../helpers/envelope';
import { GENEROUS_LIMITS } from '../helpers/moderation';
import { createArticle, createSubscriber, ensurePolicy, postComment } from '../helpers/comments';
import { createFaultCluster, type FaultCluster } from '../helpers/faults-postgres';
import {
  expectServiceUnavailable,
  isServiceUnavailable,
  REQUEST_LIMIT_MS,
  sleep,
  timed,
  within,
} from '../helpers/faults-http';

let cluster: FaultCluster;
let app: TestApp;
let readers: TestUser[];
let articleId: string;

interface Answer {
  body: string;
  status: number;
  response?: { status: number; body: any; headers: Record<string, string> };
  error?: string;
}

beforeAll(async () => {
  cluster = await createFaultCluster();
  // The product's own pool and timeout defaults: the test checks that they bound a fault.
  app = await bootStrapi({ database: cluster.database });
  await app.strapi.plugin('comments').service('settings').setOverrides(GENEROUS_LIMITS);
  await ensurePolicy(app);
  const token = await createApiToken(app);
  readers = [await createSubscriber(app, token), await createSubscriber(app, token)];
  articleId = (await createArticle(app)).documentId;
});
afterAll(async () => {
  try {
    await app?.stop();
  } finally {
    await cluster?.drop();
  }
});

const postOnce = async (reader: TestUser, body: string): Promise<Answer> => {
  try {
    const { res } = await timed(postComment(app, reader, articleId, body));
    return { body, status: res.status, response: { status: res.status, body: res.body, headers: res.headers } };
  } catch (error) {
    return { body, status: 0, error: String(error) };
  }
};

/** `workers` loops posting back to back (several requests in flight) until stopped. */
const startPosting = (workers: number) => {
  const run = crypto.randomBytes(3).toString('hex');
  const answers: Answer[] = [];
  let running = true;
  const loops = Array.from({ length: workers }, async (_, worker) => {
    for (let index = 0; running; index += 1) {
      const answer = await postOnce(readers[worker % readers.length], `Load ${run} ${worker}-${index}`);
      answers.push(answer);
      if (answer.status !== 201) await sleep(50);
    }
  });
  return {
    async stop() {
      running = false;
      await Promise.all(loops);
      return answers;
    },
  };
};

const isCleanServerError = (answer: Answer) =>
  answer.status >= 500 &&
  answer.response?.body?.data === null &&
  answer.response.body.error?.status === answer.status &&
  typeof answer.response.body.error?.message === 'string';

const postSucceeds = async () => (await postOnce(readers[0], `Probe ${Date.now()}`)).status === 201;

const storedWithAudit = async (documentIds: string[]) => {
  const comments = await app.strapi.db
    .query('plugin::comments.comment')
    .findMany({ where: { documentId: { $in: documentIds } } });
  const events = await app.strapi.db
    .query('plugin::comments.moderation-event')
    .findMany({ where: { commentDocumentId: { $in: documentIds }, action: 'posted' } });
  return { comments, events };
};

test('posts keep being answered (201 or a clean 503) through a database restart, and none of the 201s is lost', async () => {
  const posting = startPosting(4);
  await sleep(1000);
  await cluster.stop();
  await sleep(1500);
  await cluster.start();
  // Back without restarting Strapi: a post succeeds within seconds of the cluster being up.
  await within(10_000, 'a post succeeds after the restart', postSucceeds);
  await sleep(300);
  const answers = await posting.stop();

  const summary = (list: Answer[]) =>
    list.map(({ status, error, response }) => ({ status, error, envelope: response?.body?.error }));
  expect(summary(answers.filter((answer) => answer.status !== 201 && !isCleanServerError(answer)))).toEqual([]);
  const failures = answers.filter((answer) => answer.status !== 201);
  expect(failures.length).toBeGreaterThan(0);
  const serviceUnavailable = failures.filter((answer) => isServiceUnavailable(answer.response!));
  expect(serviceUnavailable.length).toBeGreaterThanOrEqual(failures.length / 2);

  const created = answers.filter((answer) => answer.status === 201);
  expect(created.length).toBeGreaterThan(0);
  const ids = created.map((answer) => answer.response!.body.data.documentId as string);
  const { comments, events } = await storedWithAudit(ids);
  expect(comments.map((row: { documentId: string }) => row.documentId).sort()).toEqual([...ids].sort());
  expect(events.map((row: { commentDocumentId: string }) => row.commentDocumentId).sort()).toEqual([...ids].sort());
  const bodyOf = new Map(created.map((answer) => [answer.response!.body.data.documentId, answer.body]));
  for (const row of comments) expect(row.body).toBe(bodyOf.get(row.documentId));
});

test('every stored comment of the thread has its audit row: a fault never splits a post from its audit', async () => {
  const comments = await app.strapi.db.query('plugin::comments.comment').findMany({ where: { threadId: articleId } });
  const ids = comments.map((row: { documentId: string }) => row.documentId);
  expect(ids.length).toBeGreaterThan(0);
  const { events } = await storedWithAudit(ids);
  expect(events.map((row: { commentDocumentId: string }) => row.commentDocumentId).sort()).toEqual(ids.sort());
});

/**
 * The server going away between the INSERTs and the COMMIT, made deterministic: a deferred
 * constraint trigger fails the COMMIT of one marked post with 57P01 (admin shutdown).
 */
const failCommitOf = async (body: string) => {
  const table = app.strapi.db.metadata.get('plugin::comments.comment').tableName;
  await cluster.sql(`CREATE OR REPLACE FUNCTION faults_fail_commit() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.body = '${body}' THEN
        RAISE EXCEPTION 'terminating connection due to administrator command' USING ERRCODE = '57P01';
      END IF;
      RETURN NULL;
    END $$`);
  await cluster.sql(`CREATE CONSTRAINT TRIGGER faults_fail_commit AFTER INSERT ON "${table}"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION faults_fail_commit()`);
  return () => cluster.sql(`DROP TRIGGER IF EXISTS faults_fail_commit ON "${table}"`);
};

test('a post whose COMMIT fails is answered 503, not 201, stores nothing and announces nothing', async () => {
  const body = `Fail at commit ${crypto.randomBytes(4).toString('hex')}`;
  const removeTrigger = await failCommitOf(body);
  const created: unknown[] = [];
  const listener = async (payload: unknown) => {
    created.push(payload);
  };
  app.strapi.eventHub.on('comment.created', listener);
  try {
    const { res } = await timed(postComment(app, readers[0], articleId, body));
    expectServiceUnavailable(res);
  } finally {
    app.strapi.eventHub.off('comment.created', listener);
    await removeTrigger();
  }
  expect(await app.strapi.db.query('plugin::comments.comment').count({ where: { body } })).toBe(0);
  expect(created).toEqual([]);
});

describe('while the cluster is stopped', () => {
  afterEach(async () => {
    // Whatever failed, the next test and afterAll need the database back.
    await cluster?.start().catch(() => undefined);
  });

  test('anonymous reads and a reader post answer 503 (not 401 or 500) in bounded time; /_ready says database down', async () => {
    expect((await app.http().get(`/api/comments/threads/${articleId}`)).status).toBe(200);
    await cluster.stop();

    const [articles, thread, post, ready] = await Promise.all([
      timed(app.http().get('/api/articles')),
      timed(app.http().get(`/api/comments/threads/${articleId}`)),
      timed(postComment(app, readers[1], articleId, 'While the database is down')),
      timed(app.http().get('/_ready')),
    ]);
    for (const answer of [articles, thread, post]) {
      expectServiceUnavailable(answer.res);
      expect(answer.ms).toBeLessThan(REQUEST_LIMIT_MS);
    }
    expectErrorEnvelope(ready.res, 503, 'NOT_READY');
    expect(ready.res.body.error.details.checks).toMatchObject({ database: 'down' });

    await cluster.start();
    await within(10_000, '/_ready is 200 again', async () => (await app.http().get('/_ready')).status === 200);
    const readyAgain = await app.http().get('/_ready');
    expect(readyAgain.body).toMatchObject({ data: { status: 'ready', checks: { database: 'up' } } });
    expect((await app.http().get(`/api/comments/threads/${articleId}`)).status).toBe(200);
    const refusedPost = { threadId: articleId, body: 'While the database is down' };
    expect(await app.strapi.db.query('plugin::comments.comment').count({ where: refusedPost })).toBe(0);
  });
});
