import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, createApiToken, createUser, type TestAdmin, type TestUser } from '../helpers/auth';
import { expectErrorEnvelope } from '../helpers/envelope';
import { bearer, createArticle, createSubscriber, ensurePolicy, postComment } from '../helpers/comments';
import { QUEUE_ONLY_SETTINGS, adminCall, overrideSettings, postAndGetId } from '../helpers/moderation';
import { AUDIT_UID, COMMENT_UID, COMMENTER_UID, USER_UID } from '../helpers/security-db';
import { answerText, expandPath, getRoutes } from '../helpers/security-routes';

let app: TestApp;
let token: string;
let superAdmin: TestAdmin;
let moderator: TestAdmin;

beforeAll(async () => {
  app = await bootStrapi();
  await overrideSettings(app, QUEUE_ONLY_SETTINGS);
  await ensurePolicy(app);
  token = await createApiToken(app);
  superAdmin = await createAdmin(app, ['strapi-super-admin']);
  moderator = await createAdmin(app, ['comments-moderator']);
});
afterAll(async () => {
  await app?.stop();
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

  expect(await app.strapi.db.query(USER_UID).findOne({ where: { id: leaving.id } })).toBeNull();
  expect(await app.strapi.db.query(COMMENTER_UID).findOne({ where: { userId: leaving.id } })).toBeNull();
  expect(
    await app.strapi.db.query('plugin::comments.subscription').findOne({ where: { email: leaving.email } })
  ).toBeNull();
  const audit = await app.strapi.db.query(AUDIT_UID).findMany({ where: { subjectUserId: leaving.id } });
  expect(audit.length).toBeGreaterThanOrEqual(3);
  expect(JSON.stringify(audit)).not.toMatch(/Leaving Reader|Answered comment|Lonely comment/);
  expect(audit.map((row: any) => row.action)).toContain('erased');

  // The old JWT no longer works.
  expectErrorEnvelope(await app.http().get('/api/comments/me').set(bearer(leaving)), 401);
});

test('an account that never commented can be erased too', async () => {
  const reader = await createUser(app);
  expect((await app.http().delete('/api/comments/me').set(bearer(reader))).status).toBe(200);
  expect(await app.strapi.db.query(USER_UID).findOne({ where: { id: reader.id } })).toBeNull();
});

describe('after erasure no answer of any route holds the reader’s data', () => {
  let leaving: TestUser;
  let staying: TestUser;
  let articleId: string;
  const commentIds: string[] = [];
  const WORDS = {
    displayName: 'Vanishing Quill',
    top: 'Quill thinks the minister is wrong',
    lonely: 'Quill posts alone here',
    reply: 'Quill answers Staying',
    original: 'Quill first draft with a typo',
    edited: 'Quill second draft, corrected',
    amended: 'Quill wrote something libellous',
    reportNote: 'Quill finds this rude',
    complaintNote: 'Quill says the figure is off',
  };
  const identifying = () => [leaving.email, leaving.username, ...Object.values(WORDS)];

  beforeAll(async () => {
    articleId = (await createArticle(app, { title: 'Story read by the leaving reader' })).documentId;
    leaving = await createSubscriber(app, token, { displayName: WORDS.displayName });
    staying = await createSubscriber(app, token, { displayName: 'Staying Reader' });
    const mod = adminCall(app, moderator);
    const version = async (documentId: string) =>
      (await app.strapi.db.query(COMMENT_UID).findOne({ where: { documentId } })).version;

    const top = await postAndGetId(app, leaving, articleId, WORDS.top);
    const stayingTop = await postAndGetId(app, staying, articleId, 'Staying speaks first');
    await postAndGetId(app, staying, articleId, 'Staying replies to the leaving reader', top);
    const reply = await postAndGetId(app, leaving, articleId, WORDS.reply, stayingTop);
    const lonely = await postAndGetId(app, leaving, articleId, WORDS.lonely);
    const edited = await postAndGetId(app, leaving, articleId, WORDS.original);
    const editRes = await app
      .http()
      .patch(`/api/comments/${edited}`)
      .set(bearer(leaving))
      .send({ data: { body: WORDS.edited } });
    expect(editRes.status).toBe(200);
    const amended = await postAndGetId(app, leaving, articleId, WORDS.amended);
    commentIds.push(top, stayingTop, reply, lonely, edited, amended);

    // The leaving reader reports and complains; the other reader reports them; a moderator acts.
    const report = (user: TestUser, id: string, data: object) =>
      app.http().post(`/api/comments/${id}/reports`).set(bearer(user)).send({ data });
    expect((await report(leaving, stayingTop, { reason: 'abusive', note: WORDS.reportNote })).status).toBe(200);
    expect((await report(leaving, stayingTop, { reason: 'factual-error', note: WORDS.complaintNote })).status).toBe(
      200
    );
    expect((await report(staying, top, { reason: 'harassment', note: 'Rude' })).status).toBe(200);
    expect((await report(staying, lonely, { reason: 'spam' })).status).toBe(200);
    const hide = await mod.post(`/comments/moderation/comments/${lonely}/actions`, {
      action: 'hide',
      reason: 'spam',
      version: await version(lonely),
    });
    expect(hide.status).toBe(200);
    const amend = await mod.post(`/comments/moderation/comments/${amended}/actions`, {
      action: 'amend',
      reason: 'libel',
      body: '[amended by moderator]',
      version: await version(amended),
    });
    expect(amend.status).toBe(200);
    const until = new Date(Date.now() + 24 * 3600_000).toISOString();
    const suspend = await mod.post(`/comments/moderation/users/${leaving.documentId}/sanctions`, {
      action: 'suspend',
      reason: 'cooling off',
      until,
    });
    expect(suspend.status).toBe(200);

    // Before erasure the words are there to be found: the sweep below would see them.
    const queue = await mod.get(`/comments/moderation/comments/${top}`);
    expect(answerText(queue)).toContain(WORDS.displayName);

    expect((await app.http().delete('/api/comments/me').set(bearer(leaving))).status).toBe(200);
  });

  // Values for each path parameter: the story, every comment of the story, the erased account's ids.
  const candidates = () => ({
    documentId: [articleId, ...commentIds],
    commentId: commentIds,
    id: [String(leaving.id), leaving.documentId, articleId, ...commentIds],
    userId: [leaving.documentId],
    uid: ['plugin::users-permissions.user', 'api::article.article'],
    model: ['plugin::users-permissions.user', 'api::article.article'],
    contentType: ['api::article.article'],
    targetField: ['role', 'people'],
    provider: ['local'],
    wildcard: ['local'],
  });

  // Listings that show more with parameters than without.
  const listings = () => [
    `/api/comments/threads/${articleId}?pagination[pageSize]=100`,
    ...commentIds.map((id) => `/api/comments/${id}/replies?pagination[pageSize]=100`),
    '/api/users?pagination[pageSize]=100',
    ...['reported', 'flagged', 'auto-hidden', 'held', 'resolved', 'all'].map(
      (queue) => `/comments/moderation/queue?queue=${queue}&pageSize=100`
    ),
    '/comments/moderation/register.csv?from=2000-01-01T00:00:00Z',
    '/comments/editorial/complaints?pageSize=100',
    `/comments/editorial/complaints?article=${articleId}`,
    '/content-manager/collection-types/plugin::users-permissions.user?pageSize=100',
  ];

  const expectNothingOf = async (url: string, authorization?: string) => {
    const req = app.http().get(url);
    const res = await (authorization ? req.set('Authorization', `Bearer ${authorization}`) : req);
    const text = answerText(res);
    expect({ url, found: identifying().filter((word) => text.includes(word)) }).toEqual({ url, found: [] });
  };

  test('every content-API GET route, anonymously, as another reader and with an API token', async () => {
    const routes = getRoutes(app).filter((route) => route.kind === 'content-api');
    const urls = [
      ...routes.flatMap((route) => expandPath(route.path, candidates())),
      ...listings().filter((url) => url.startsWith('/api/')),
    ];
    expect(urls.length).toBeGreaterThan(30);
    for (const url of urls) {
      for (const authorization of [undefined, staying.jwt, token]) await expectNothingOf(url, authorization);
    }
  });

  test('every admin GET route, as a super admin: queue, comment detail and history, register, complaints, users', async () => {
    const routes = getRoutes(app).filter((route) => route.kind === 'admin');
    const urls = [
      ...routes.flatMap((route) => expandPath(route.path, candidates())),
      ...listings().filter((url) => !url.startsWith('/api/')),
    ];
    expect(urls).toEqual(expect.arrayContaining([`/comments/moderation/comments/${commentIds[0]}`]));
    for (const url of urls) await expectNothingOf(url, superAdmin.token);
  });

  test('the comments stay in their threads as erased rows, with no author and no text', async () => {
    const rows = await app.strapi.db.query(COMMENT_UID).findMany({ where: { documentId: { $in: commentIds } } });
    const erased = rows.filter((row: { status: string }) => row.status === 'erased');
    expect(erased).toHaveLength(5);
    for (const row of erased) expect(row).toMatchObject({ body: '', authorName: null });
  });
});
