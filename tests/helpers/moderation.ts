import type { TestApp } from './strapi';
import { createUser, type TestAdmin, type TestUser } from './auth';
import { postComment } from './comments';

export const adminCall = (app: TestApp, admin: TestAdmin) => ({
  get: (url: string) => app.http().get(url).set('Authorization', `Bearer ${admin.token}`),
  post: (url: string, body: unknown) =>
    app
      .http()
      .post(url)
      .set('Authorization', `Bearer ${admin.token}`)
      .send(body as object),
  put: (url: string, body: unknown) =>
    app
      .http()
      .put(url)
      .set('Authorization', `Bearer ${admin.token}`)
      .send(body as object),
});

// Older than any moment the tests set the plugin's clock to.
const ESTABLISHED_SINCE = new Date('2020-01-01T00:00:00Z');

/** Backdates a reader's account: reports from accounts a week old or more are trusted. */
export const ageAccount = async (app: TestApp, user: TestUser, since = ESTABLISHED_SINCE): Promise<void> => {
  const { tableName, attributes } = app.strapi.db.metadata.get('plugin::users-permissions.user');
  const column = (attributes.createdAt as { columnName?: string }).columnName ?? 'created_at';
  await app.strapi.db
    .connection(tableName)
    .where({ id: user.id })
    .update({ [column]: since });
};

/** A confirmed reader whose account is a month old: their reports count towards auto-hide. */
export const createEstablishedUser = async (app: TestApp): Promise<TestUser> => {
  const user = await createUser(app);
  await ageAccount(app, user);
  return user;
};

/**
 * Reports a comment by `count` new readers with the given reason. They are established (month-old,
 * trusted) accounts unless `standing` is `new-account`, whose reports reach the queue but do not count.
 */
export const reportBy = async (
  app: TestApp,
  commentId: string,
  count: number,
  reason = 'abusive',
  standing: 'established' | 'new-account' = 'established'
): Promise<TestUser[]> => {
  const reporters: TestUser[] = [];
  for (let i = 0; i < count; i += 1) {
    const reporter = standing === 'established' ? await createEstablishedUser(app) : await createUser(app);
    const res = await app
      .http()
      .post(`/api/comments/${commentId}/reports`)
      .set('Authorization', `Bearer ${reporter.jwt}`)
      .send({ data: { reason, note: `Report ${i}` } });
    if (res.status !== 200) throw new Error(`report failed: ${res.status} ${JSON.stringify(res.body)}`);
    reporters.push(reporter);
  }
  return reporters;
};

export const postAndGetId = async (
  app: TestApp,
  author: TestUser,
  threadId: string,
  body: string,
  parent?: string
): Promise<string> => {
  const res = await postComment(app, author, threadId, body, parent);
  if (res.status !== 201) throw new Error(`post failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.documentId;
};

/** Generous limits so tests about moderation are not slowed by the reader rate limits. */
export const GENEROUS_LIMITS = {
  rateLimits: { post: { points: 100000, durationSeconds: 60 }, report: { points: 100000, durationSeconds: 60 } },
};

/** Reader limits out of the way and auto-hide out of reach: for tests about the queue and decisions, not thresholds. */
export const QUEUE_ONLY_SETTINGS = { ...GENEROUS_LIMITS, autoHide: { fullTime: 1000, partTime: 1000 } };

export const overrideSettings = (app: TestApp, overrides: Record<string, unknown>) =>
  app.strapi.plugin('comments').service('settings').setOverrides(overrides);
