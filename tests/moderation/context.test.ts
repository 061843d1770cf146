import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, createApiToken, type TestAdmin, type TestUser } from '../helpers/auth';
import { expectErrorEnvelope } from '../helpers/envelope';
import { bearer, createArticle, createSubscriber, ensurePolicy } from '../helpers/comments';
import {
  QUEUE_ONLY_SETTINGS,
  adminCall,
  createEstablishedUser,
  overrideSettings,
  postAndGetId,
  reportBy,
} from '../helpers/moderation';

/** The comment in context (GET /comments/moderation/comments/:documentId): what the moderator's drawer shows. */

const COMMENT = 'plugin::comments.comment';
const LINK_PATTERN = 'https://www.example.com/{articleSlug}#comment-{documentId}';

let app: TestApp;
let superAdmin: TestAdmin;
let mod: ReturnType<typeof adminCall>;
let token: string;
let author: TestUser;
let article: { documentId: string; slug: string };

const detail = async (documentId: string) => {
  const res = await mod.get(`/comments/moderation/comments/${documentId}`);
  expect(res.status).toBe(200);
  return res.body.data;
};
const versionOf = async (documentId: string) =>
  (await app.strapi.db.query(COMMENT).findOne({ where: { documentId } })).version;
const act = async (documentId: string, action: string) => {
  const res = await mod.post(`/comments/moderation/comments/${documentId}/actions`, {
    action,
    reason: `Context test: ${action}`,
    version: await versionOf(documentId),
  });
  expect(res.status).toBe(200);
};
const postedAt = (documentId: string, at: string) =>
  app.strapi.db.query(COMMENT).update({ where: { documentId }, data: { createdAt: new Date(at) } });
const ids = (list: Array<{ documentId: string }>) => list.map((item) => item.documentId);

beforeAll(async () => {
  app = await bootStrapi();
  await overrideSettings(app, { ...QUEUE_ONLY_SETTINGS, words: { suspect: ['scam'] } });
  await ensurePolicy(app);
  token = await createApiToken(app);
  superAdmin = await createAdmin(app);
  mod = adminCall(app, await createAdmin(app, ['comments-moderator']));
  author = await createSubscriber(app, token, { displayName: 'Context Author' });
  article = await createArticle(app, { title: 'A story in context' });
});
afterAll(async () => {
  await app?.stop();
});

describe('neighbours', () => {
  test('three each side in thread order (time, then id), in every status, replies apart', async () => {
    const story = (await createArticle(app, { title: 'A long thread' })).documentId;
    const other = await createSubscriber(app, token, { displayName: 'Neighbour' });
    const posted: string[] = [];
    for (let i = 0; i < 9; i += 1) posted.push(await postAndGetId(app, i % 2 ? other : author, story, `Comment ${i}`));
    // Thread order is the time of posting: the last one posted is dated first, and three share an instant.
    await postedAt(posted[8], '2020-01-01T00:00:00.000Z');
    for (const [index, documentId] of posted.slice(0, 8).entries())
      await postedAt(documentId, `2020-01-02T00:0${index < 3 ? 0 : index}:00.000Z`);
    const order = [posted[8], ...posted.slice(0, 8)];
    await act(order[2], 'hide');
    await act(order[6], 'remove');
    await postAndGetId(app, other, story, 'A reply is not a neighbour', order[4]);

    const around = (await detail(order[4])).neighbours;
    expect(ids(around.before)).toEqual(order.slice(1, 4));
    expect(ids(around.after)).toEqual(order.slice(5, 8));
    expect(around.before[1]).toMatchObject({
      status: 'hidden',
      body: 'Comment 1',
      author: { displayName: 'Neighbour' },
    });
    expect(around.after[1]).toMatchObject({ status: 'removed', body: 'Comment 5' });

    // The first and the last have nobody on one side; those sharing an instant follow their ids.
    expect((await detail(order[0])).neighbours).toMatchObject({ before: [], after: expect.any(Array) });
    expect(ids((await detail(order[8])).neighbours.after)).toEqual([]);
    expect(ids((await detail(order[2])).neighbours.before)).toEqual(order.slice(0, 2));
    expect(ids((await detail(order[2])).neighbours.after)).toEqual(order.slice(3, 6));
  });

  test("a reply's neighbours are its sibling replies, with its parent", async () => {
    const parent = await postAndGetId(app, author, article.documentId, 'The parent');
    const replier = await createSubscriber(app, token);
    const replies: string[] = [];
    for (const body of ['Reply A', 'Reply B', 'Reply C'])
      replies.push(await postAndGetId(app, replier, article.documentId, body, parent));
    await act(replies[0], 'hide');
    const data = await detail(replies[1]);
    expect(data.parent).toMatchObject({ documentId: parent, body: 'The parent', status: 'visible' });
    expect(data.neighbours.before).toEqual([expect.objectContaining({ documentId: replies[0], status: 'hidden' })]);
    expect(ids(data.neighbours.after)).toEqual([replies[2]]);
  });
});

test('the suspect words that flagged it are located in the body, through case and look-alike characters', async () => {
  const body = 'Not a SCAM? It is a sc4m, and scampi is fine.';
  const id = await postAndGetId(app, author, article.documentId, body);
  const { comment } = await detail(id);
  expect(comment.flagReasons).toEqual(['suspect-word:scam']);
  expect(comment.matches.map(({ start, end }: { start: number; end: number }) => body.slice(start, end))).toEqual([
    'SCAM',
    'sc4m',
  ]);
  expect(comment.matches.every((match: { word: string }) => match.word === 'scam')).toBe(true);
  // Not flagged, nothing marked (the words list is not searched again for unflagged comments).
  const plain = await postAndGetId(app, author, article.documentId, 'Nothing to see');
  expect((await detail(plain)).comment.matches).toEqual([]);
});

test("each report shows the weight it carried and the reporter's record now", async () => {
  const reporter = await createEstablishedUser(app);
  const report = async (documentId: string, reader: TestUser) =>
    expect(
      (
        await app
          .http()
          .post(`/api/comments/${documentId}/reports`)
          .set(bearer(reader))
          .send({ data: { reason: 'abusive' } })
      ).status
    ).toBe(200);
  // One report upheld before: the next one carries 2/3.
  const earlier = await postAndGetId(app, author, article.documentId, 'Earlier offence');
  await report(earlier, reporter);
  await act(earlier, 'hide');
  const target = await postAndGetId(app, author, article.documentId, 'The offence in question');
  await report(target, reporter);
  await reportBy(app, target, 1, 'spam', 'new-account');
  // Judged since: a second report of theirs dismissed. The stored weight stays, the record moves.
  const later = await postAndGetId(app, author, article.documentId, 'Fine after all');
  await report(later, reporter);
  await act(later, 'approve');

  const data = await detail(target);
  expect(data.reportsTotal).toBe(2);
  expect(data.reports).toHaveLength(2);
  expect(data.reports[0]).toMatchObject({
    reason: 'abusive',
    trusted: true,
    state: 'open',
    reporter: {
      standing: 'established',
      reliability: expect.closeTo(2 / 3, 5),
      record: { upheld: 1, notUpheld: 1, reliability: 0.5 },
    },
  });
  expect(data.reports[1]).toMatchObject({
    reason: 'spam',
    trusted: false,
    reporter: { standing: 'new-account', reliability: 0.5, record: { upheld: 0, notUpheld: 0, reliability: 0.5 } },
  });
});

test("the author's latest comments (newest first, this one apart, with stories and states), sanctions and history", async () => {
  const prolific = await createSubscriber(app, token, { displayName: 'Prolific' });
  const elsewhere = await createArticle(app, { title: 'Another story' });
  const posted: string[] = [];
  for (let i = 0; i < 12; i += 1)
    posted.push(await postAndGetId(app, prolific, i % 2 ? elsewhere.documentId : article.documentId, `Post ${i}`));
  await act(posted[10], 'hide');
  const sanction = await mod.post(`/comments/moderation/users/${prolific.documentId}/sanctions`, {
    action: 'suspend',
    reason: 'A cooling-off day',
    until: new Date(Date.now() + 86_400_000).toISOString(),
  });
  expect(sanction.status).toBe(200);

  const data = await detail(posted[11]);
  expect(ids(data.author.recent)).toEqual(posted.slice(1, 11).reverse());
  expect(data.author.recent[0]).toMatchObject({
    documentId: posted[10],
    body: 'Post 10',
    status: 'hidden',
    thread: { documentId: article.documentId, title: 'A story in context' },
  });
  expect(data.author.recent[1].thread).toEqual({ documentId: elsewhere.documentId, title: 'Another story' });
  expect(data.author).toMatchObject({ sanction: 'suspended', comments: 12, upheldAgainst: 1 });
  expect(data.author.sanctions).toEqual([
    expect.objectContaining({ action: 'commenter-suspend', reason: 'A cooling-off day' }),
  ]);
  expect((await detail(posted[10])).history.map((event: { action: string }) => event.action)).toEqual([
    'posted',
    'hide',
  ]);
});

describe('the link to the comment on the site', () => {
  const putSettings = (data: Record<string, unknown>) =>
    adminCall(app, superAdmin).put('/comments/moderation/settings', { data: { ...QUEUE_ONLY_SETTINGS, ...data } });

  test('none without a pattern; the story slug and the comment filled in once set', async () => {
    const id = await postAndGetId(app, author, article.documentId, 'Link to me');
    expect((await detail(id)).thread).toEqual({
      type: 'api::article.article',
      documentId: article.documentId,
      title: 'A story in context',
      url: null,
    });
    expect((await putSettings({ frontendCommentUrl: LINK_PATTERN })).status).toBe(200);
    const settings = await mod.get('/comments/moderation/settings');
    expect(settings.body.data.settings.frontendCommentUrl).toBe(LINK_PATTERN);
    expect((await detail(id)).thread.url).toBe(`https://www.example.com/${article.slug}#comment-${id}`);
    expect((await putSettings({ frontendCommentUrl: '' })).status).toBe(200);
    expect((await detail(id)).thread.url).toBeNull();
  });

  test.each([
    ['an unknown placeholder', 'https://www.example.com/{slug}#comment-{documentId}', /unknown placeholder/],
    ['no comment in it', 'https://www.example.com/{articleSlug}', /\{documentId\}/],
    ['not an http(s) URL', 'javascript:alert({documentId})', /http\(s\) URL/],
  ])('a pattern with %s is refused with 400', async (_, frontendCommentUrl, message) => {
    const res = await putSettings({ frontendCommentUrl });
    expectErrorEnvelope(res, 400);
    expect(JSON.stringify(res.body.error.details)).toMatch(message);
  });
});

describe('access', () => {
  test('admins without moderation.read get 403, no admin session 401, an unknown comment 404', async () => {
    const id = await postAndGetId(app, author, article.documentId, 'Not for everyone');
    for (const role of ['strapi-editor', 'strapi-author']) {
      const res = await adminCall(app, await createAdmin(app, [role])).get(`/comments/moderation/comments/${id}`);
      expectErrorEnvelope(res, 403);
    }
    expectErrorEnvelope(await app.http().get(`/comments/moderation/comments/${id}`), 401);
    expectErrorEnvelope(await app.http().get(`/comments/moderation/comments/${id}`).set(bearer(author)), 401);
    expectErrorEnvelope(await mod.get('/comments/moderation/comments/nosuchcommentatall0000000'), 404);
  });
});
