import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createApiToken, createUser, type TestUser } from '../helpers/auth';
import { expectErrorEnvelope } from '../helpers/envelope';
import { bearer, createArticle, createSubscriber, ensurePolicy, postComment } from '../helpers/comments';

let app: TestApp;
let token: string;
let alice: TestUser;
let bob: TestUser;

const thread = (documentId: string, query = '') => app.http().get(`/api/comments/threads/${documentId}${query}`);
// This file is about threads, not rate limits (tests/comments/reports.test.ts covers those).
const GENEROUS_LIMITS = {
  rateLimits: { post: { points: 10000, durationSeconds: 60 }, report: { points: 10000, durationSeconds: 60 } },
};
const PUBLIC_KEYS = [
  'amendedByModerator',
  'author',
  'body',
  'createdAt',
  'documentId',
  'editedAt',
  'html',
  'parent',
  'status',
];

beforeAll(async () => {
  app = await bootStrapi();
  await app.strapi.plugin('comments').service('settings').setOverrides(GENEROUS_LIMITS);
  await ensurePolicy(app);
  token = await createApiToken(app);
  alice = await createSubscriber(app, token, { displayName: 'Alice Reader' });
  bob = await createSubscriber(app, token, { displayName: 'Bob Reader' });
});
afterAll(async () => {
  await app?.stop();
});

describe('posting and reading a thread', () => {
  test('a subscriber posts; the comment appears at once in the public thread in the contract shape', async () => {
    const article = await createArticle(app);
    const posted = await postComment(app, alice, article.documentId, 'First!\n\nSecond paragraph.');
    expect(posted.status).toBe(201);
    expect(posted.body.data).toMatchObject({ status: 'visible', body: 'First!\n\nSecond paragraph.', parent: null });

    const res = await thread(article.documentId);
    expect(res.status).toBe(200);
    expect(res.body.meta).toEqual({
      pagination: { page: 1, pageSize: 25, pageCount: 1, total: 1 },
      commenting: 'open',
      commentsCloseAt: null,
    });
    const [comment] = res.body.data;
    expect(Object.keys(comment).sort()).toEqual([...PUBLIC_KEYS, 'replies', 'replyCount'].sort());
    expect(comment).toMatchObject({
      documentId: posted.body.data.documentId,
      body: 'First!\n\nSecond paragraph.',
      html: '<p>First!</p><p>Second paragraph.</p>',
      author: { displayName: 'Alice Reader' },
      parent: null,
      status: 'visible',
      editedAt: null,
      amendedByModerator: false,
      replyCount: 0,
      replies: [],
    });
  });

  test('replies: three inline oldest first with the count; a reply to a reply joins the same top-level comment; the replies route pages the rest', async () => {
    const article = await createArticle(app);
    const top = (await postComment(app, alice, article.documentId, 'Top')).body.data.documentId;
    const replies: string[] = [];
    for (let i = 1; i <= 4; i += 1) {
      const author = i % 2 ? bob : alice;
      const parent = i === 4 ? replies[0] : top;
      const res = await postComment(app, author, article.documentId, `Reply ${i}`, parent);
      expect(res.status).toBe(201);
      expect(res.body.data.parent).toBe(top);
      replies.push(res.body.data.documentId);
    }
    const res = await thread(article.documentId);
    expect(res.body.meta.pagination.total).toBe(1);
    const [comment] = res.body.data;
    expect(comment.replyCount).toBe(4);
    expect(comment.replies.map((reply: any) => reply.body)).toEqual(['Reply 1', 'Reply 2', 'Reply 3']);
    expect(Object.keys(comment.replies[0]).sort()).toEqual(PUBLIC_KEYS.sort());
    expect(comment.replies[0].parent).toBe(top);

    const all = await app.http().get(`/api/comments/${top}/replies?pagination[pageSize]=2&pagination[page]=2`);
    expect(all.status).toBe(200);
    expect(all.body.data.map((reply: any) => reply.body)).toEqual(['Reply 3', 'Reply 4']);
    expect(all.body.meta.pagination).toEqual({ page: 2, pageSize: 2, pageCount: 2, total: 4 });
  });

  test("pagination and sort of top-level comments follow Strapi's REST conventions", async () => {
    const article = await createArticle(app);
    for (const body of ['one', 'two', 'three']) await postComment(app, alice, article.documentId, body);
    const oldest = await thread(article.documentId, '?pagination[pageSize]=2');
    expect(oldest.body.data.map((c: any) => c.body)).toEqual(['one', 'two']);
    expect(oldest.body.meta.pagination).toEqual({ page: 1, pageSize: 2, pageCount: 2, total: 3 });
    const newest = await thread(article.documentId, '?sort=createdAt:desc&pagination[pageSize]=2&pagination[page]=1');
    expect(newest.body.data.map((c: any) => c.body)).toEqual(['three', 'two']);
    const second = await thread(article.documentId, '?sort=createdAt:asc&pagination[pageSize]=2&pagination[page]=2');
    expect(second.body.data.map((c: any) => c.body)).toEqual(['three']);

    // The plugin's own names of before are refused with the name that replaces them: no silent alias.
    const renamed = await thread(article.documentId, '?page=2&pageSize=2');
    expectErrorEnvelope(renamed, 400);
    expect(renamed.body.error.details.errors.map((e: any) => e.message).join(' ')).toContain('pagination[pageSize]');
    const oldSort = await thread(article.documentId, '?sort=newest');
    expectErrorEnvelope(oldSort, 400);
    expect(oldSort.body.error.message).toContain('sort=createdAt:desc');
  });

  test('pagination[withCount]=false leaves the counts out; /me lists page and sort the same way', async () => {
    const article = await createArticle(app);
    for (const body of ['first of mine', 'second of mine']) await postComment(app, alice, article.documentId, body);
    const uncounted = await thread(article.documentId, '?pagination[withCount]=false&pagination[pageSize]=1');
    expect(uncounted.status).toBe(200);
    expect(uncounted.body.meta.pagination).toEqual({ page: 1, pageSize: 1 });

    const mine = (query: string) => app.http().get(`/api/comments/me/comments${query}`).set(bearer(alice));
    const newestFirst = await mine('?pagination[pageSize]=1');
    expect(newestFirst.body.data.map((c: any) => c.body)).toEqual(['second of mine']);
    const oldestFirst = await mine('?pagination[pageSize]=1&sort=createdAt:asc');
    expect(oldestFirst.body.data[0].body).not.toBe('second of mine');
    expectErrorEnvelope(await mine('?pageSize=1'), 400);
  });

  test('a withdrawn comment with replies stays as a tombstone; without replies it disappears', async () => {
    const article = await createArticle(app);
    const withReplies = (await postComment(app, alice, article.documentId, 'Parent to withdraw')).body.data.documentId;
    await postComment(app, bob, article.documentId, 'A reply', withReplies);
    const alone = (await postComment(app, alice, article.documentId, 'Alone')).body.data.documentId;

    expect((await app.http().delete(`/api/comments/${withReplies}`).set(bearer(alice))).status).toBe(200);
    expect((await app.http().delete(`/api/comments/${alone}`).set(bearer(alice))).status).toBe(200);

    const res = await thread(article.documentId);
    expect(res.body.data).toHaveLength(1);
    expect(res.body.data[0]).toMatchObject({
      documentId: withReplies,
      status: 'removed',
      body: null,
      html: null,
      author: null,
      replyCount: 1,
    });
    expect(res.body.data[0].replies[0].body).toBe('A reply');
  });

  test('the answer carries an ETag; a matching If-None-Match gets 304 until the thread changes', async () => {
    const article = await createArticle(app);
    await postComment(app, alice, article.documentId, 'Cached');
    const first = await thread(article.documentId);
    expect(first.headers.etag).toMatch(/^W\/".+"$/);
    expect(first.headers['cache-control']).toMatch(/public/);
    const again = await app
      .http()
      .get(`/api/comments/threads/${article.documentId}`)
      .set('If-None-Match', first.headers.etag);
    expect(again.status).toBe(304);
    await postComment(app, bob, article.documentId, 'Changes it');
    const changed = await app
      .http()
      .get(`/api/comments/threads/${article.documentId}`)
      .set('If-None-Match', first.headers.etag);
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(first.headers.etag);
  });

  test('the thread is the same for every caller: no per-user content', async () => {
    const article = await createArticle(app);
    await postComment(app, alice, article.documentId, 'Same for all');
    const anonymous = await thread(article.documentId);
    const asAlice = await app.http().get(`/api/comments/threads/${article.documentId}`).set(bearer(alice));
    expect(asAlice.body).toEqual(anonymous.body);
  });
});

describe('which threads take comments', () => {
  test('an unknown or draft story is 404 for reading and posting', async () => {
    const draft = await createArticle(app, {}, 'draft');
    for (const id of ['doesnotexist123', draft.documentId]) {
      expectErrorEnvelope(await thread(id), 404);
      expectErrorEnvelope(await postComment(app, alice, id, 'Hello'), 404);
    }
    expectErrorEnvelope(await app.http().get('/api/comments/doesnotexist123/replies'), 404);
  });

  test('closed, disabled and past-closing-time stories refuse new comments with COMMENTS_CLOSED', async () => {
    const closed = await createArticle(app, { commenting: 'closed' });
    const disabled = await createArticle(app, { commenting: 'disabled' });
    const expired = await createArticle(app, { commentsCloseAt: new Date(Date.now() - 60_000).toISOString() });
    for (const article of [closed, disabled, expired]) {
      expectErrorEnvelope(await postComment(app, alice, article.documentId, 'Too late'), 403, 'COMMENTS_CLOSED');
    }
    expect((await thread(closed.documentId)).body.meta.commenting).toBe('closed');
    expect((await thread(expired.documentId)).body.meta.commenting).toBe('closed');
    expect((await thread(disabled.documentId)).body).toMatchObject({ data: [], meta: { commenting: 'disabled' } });
  });

  test('a reply must name a visible comment of the same thread', async () => {
    const one = await createArticle(app);
    const other = await createArticle(app);
    const parent = (await postComment(app, alice, one.documentId, 'Parent')).body.data.documentId;
    expectErrorEnvelope(await postComment(app, bob, other.documentId, 'Wrong thread', parent), 404);
    expectErrorEnvelope(await postComment(app, bob, one.documentId, 'No such parent', 'missingparent1'), 404);
  });
});

describe('comment bodies are plain text', () => {
  // Script injection and oversized input: tests/security/injection.test.ts.

  test('bodies are trimmed and Unicode-normalised; empty bodies and control characters are refused', async () => {
    const article = await createArticle(app);
    const posted = await postComment(app, alice, article.documentId, '  Cafe\u0301  ');
    expect(posted.body.data.body).toBe('Caf\u00e9');
    expectErrorEnvelope(await postComment(app, alice, article.documentId, '   \n  '), 400);
    expectErrorEnvelope(await postComment(app, alice, article.documentId, 'bell\u0007'), 400);
    expectErrorEnvelope(await postComment(app, alice, article.documentId, 'bidi \u202e trick'), 400);
  });

  test('malformed requests are 400 in the envelope, never 500', async () => {
    const article = await createArticle(app);
    const url = `/api/comments/threads/${article.documentId}`;
    expectErrorEnvelope(await app.http().post(url).set(bearer(alice)).send({ body: 'no envelope' }), 400);
    expectErrorEnvelope(
      await app
        .http()
        .post(url)
        .set(bearer(alice))
        .send({ data: { body: 'x', extra: 1 } }),
      400
    );
    expectErrorEnvelope(
      await app
        .http()
        .post(url)
        .set(bearer(alice))
        .send({ data: { body: 42 } }),
      400
    );
    expectErrorEnvelope(
      await app
        .http()
        .post(url)
        .set(bearer(alice))
        .send({ data: { body: 'x', parent: '../../etc' } }),
      400
    );
    expectErrorEnvelope(
      await app.http().post(url).set(bearer(alice)).set('Content-Type', 'application/json').send('{"data":'),
      400
    );
    expectErrorEnvelope(await thread(article.documentId, '?pagination[pageSize]=101'), 400);
    expectErrorEnvelope(await thread(article.documentId, '?pagination[page]=0'), 400);
    expectErrorEnvelope(await thread(article.documentId, '?pagination[page]=abc'), 400);
    expectErrorEnvelope(await thread(article.documentId, '?pagination[start]=0'), 400);
    expectErrorEnvelope(await thread(article.documentId, '?sort=random'), 400);
  });

  // Author data through populate, fields or filters: tests/security/private-fields.test.ts.
});

describe('editing and withdrawing', () => {
  test('the author edits within the window: marked edited, earlier text kept in the audit trail', async () => {
    const article = await createArticle(app);
    const id = (await postComment(app, alice, article.documentId, 'Typo hree')).body.data.documentId;
    const edited = await app
      .http()
      .patch(`/api/comments/${id}`)
      .set(bearer(alice))
      .send({ data: { body: 'Typo here' } });
    expect(edited.status).toBe(200);
    expect(edited.body.data).toMatchObject({ body: 'Typo here', version: 2 });
    const [comment] = (await thread(article.documentId)).body.data;
    expect(comment.body).toBe('Typo here');
    expect(comment.editedAt).not.toBeNull();
    const history = await app.strapi.db
      .query('plugin::comments.moderation-event')
      .findMany({ where: { commentDocumentId: id }, orderBy: { id: 'asc' } });
    expect(history.map((row: any) => row.action)).toEqual(['posted', 'edited']);
    expect(history[1]).toMatchObject({ actorType: 'author', actorId: alice.id, actorName: 'Alice Reader' });
    expect(history[1].before.body).toBe('Typo hree');
  });

  // Another reader's comment: tests/security/ownership.test.ts.

  test('after the edit window, or once a moderator acted, edits are refused with EDIT_WINDOW_CLOSED', async () => {
    const article = await createArticle(app);
    const id = (await postComment(app, alice, article.documentId, 'Edit me later')).body.data.documentId;
    const clock = app.strapi.plugin('comments').service('clock');
    const spy = jest.spyOn(clock, 'now').mockReturnValue(new Date(Date.now() + 16 * 60_000));
    try {
      const late = await app
        .http()
        .patch(`/api/comments/${id}`)
        .set(bearer(alice))
        .send({ data: { body: 'Too late' } });
      expectErrorEnvelope(late, 403, 'EDIT_WINDOW_CLOSED');
    } finally {
      spy.mockRestore();
    }
    await app.strapi.db
      .query('plugin::comments.comment')
      .update({ where: { documentId: id }, data: { moderatedAt: new Date() } });
    const moderated = await app
      .http()
      .patch(`/api/comments/${id}`)
      .set(bearer(alice))
      .send({ data: { body: 'Sneaky' } });
    expectErrorEnvelope(moderated, 403, 'EDIT_WINDOW_CLOSED');
  });

  test('my comments list shows each state', async () => {
    const carol = await createSubscriber(app, token);
    const article = await createArticle(app);
    const kept = (await postComment(app, carol, article.documentId, 'Kept')).body.data.documentId;
    const gone = (await postComment(app, carol, article.documentId, 'Gone')).body.data.documentId;
    await app.http().delete(`/api/comments/${gone}`).set(bearer(carol));
    const mine = await app.http().get('/api/comments/me/comments').set(bearer(carol));
    expect(mine.status).toBe(200);
    expect(mine.body.meta.pagination.total).toBe(2);
    const states = Object.fromEntries(mine.body.data.map((c: any) => [c.documentId, c.state]));
    expect(states).toEqual({ [kept]: 'visible', [gone]: 'withdrawn' });
  });
});

describe('automatic flags', () => {
  test('banned words refuse a comment; suspect words and repeated posts flag it without hiding it', async () => {
    const settings = app.strapi.plugin('comments').service('settings');
    await settings.setOverrides({
      ...GENEROUS_LIMITS,
      words: { banned: ['badword'], suspect: ['dodgy'], flagProfanity: false },
    });
    try {
      const article = await createArticle(app);
      expectErrorEnvelope(
        await postComment(app, alice, article.documentId, 'This has a B4DW0RD in it'),
        400,
        'BANNED_WORDS'
      );
      const suspect = await postComment(app, alice, article.documentId, 'Sounds dodgy to me');
      expect(suspect.status).toBe(201);
      expect(suspect.body.data.status).toBe('visible');
      const first = await postComment(app, bob, article.documentId, 'Buy my thing');
      const repeat = await postComment(app, bob, article.documentId, 'buy   my THING');
      const rows = await app.strapi.db.query('plugin::comments.comment').findMany({
        where: {
          documentId: { $in: [suspect.body.data.documentId, first.body.data.documentId, repeat.body.data.documentId] },
        },
      });
      const byId = Object.fromEntries(rows.map((row: any) => [row.documentId, row]));
      expect(byId[suspect.body.data.documentId]).toMatchObject({ flagged: true, needsReview: true, status: 'visible' });
      expect(byId[suspect.body.data.documentId].flagReasons).toEqual(['suspect-word:dodgy']);
      expect(byId[first.body.data.documentId]).toMatchObject({ flagged: false });
      expect(byId[repeat.body.data.documentId]).toMatchObject({ flagged: true, flagReasons: ['repeated-post'] });
      expect((await thread(article.documentId)).body.meta.pagination.total).toBe(3);
    } finally {
      await settings.setOverrides(GENEROUS_LIMITS);
    }
  });
});

test('an anonymous reader and a plain registered reader may read but not post', async () => {
  const article = await createArticle(app);
  expect((await thread(article.documentId)).status).toBe(200);
  const reader = await createUser(app);
  expectErrorEnvelope(
    await postComment(app, reader, article.documentId, 'Not a subscriber'),
    403,
    'SUBSCRIPTION_REQUIRED'
  );
});
