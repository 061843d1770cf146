import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, createApiToken, type TestAdmin, type TestUser } from '../helpers/auth';
import { expectErrorEnvelope } from '../helpers/envelope';
import { bearer, createArticle, createSubscriber, ensurePolicy, postComment } from '../helpers/comments';
import { QUEUE_ONLY_SETTINGS, adminCall, overrideSettings, postAndGetId, reportBy } from '../helpers/moderation';

let app: TestApp;
let moderator: TestAdmin;
let author: TestUser;
let token: string;
let articleId: string;
let mod: ReturnType<typeof adminCall>;

const thread = async () => (await app.http().get(`/api/comments/threads/${articleId}?pagination[pageSize]=100`)).body;
const versionOf = async (documentId: string) =>
  (await app.strapi.db.query('plugin::comments.comment').findOne({ where: { documentId } })).version;
const act = async (documentId: string, body: Record<string, unknown>) =>
  mod.post(`/comments/moderation/comments/${documentId}/actions`, { version: await versionOf(documentId), ...body });
const auditOf = (documentId: string) =>
  app.strapi.db
    .query('plugin::comments.moderation-event')
    .findMany({ where: { commentDocumentId: documentId }, orderBy: { id: 'asc' } });
const captureEvents = (names: string[]) => {
  const seen: Array<{ name: string; payload: any }> = [];
  const listeners = names.map((name) => {
    const listener = async (payload: unknown) => {
      seen.push({ name, payload });
    };
    app.strapi.eventHub.on(name, listener);
    return () => app.strapi.eventHub.off(name, listener);
  });
  return { seen, stop: () => listeners.forEach((off) => off()) };
};

beforeAll(async () => {
  app = await bootStrapi();
  // Auto-hide has its own tests (staffing.test.ts): here reports only queue comments.
  await overrideSettings(app, QUEUE_ONLY_SETTINGS);
  await ensurePolicy(app);
  token = await createApiToken(app);
  moderator = await createAdmin(app, ['comments-moderator']);
  mod = adminCall(app, moderator);
  author = await createSubscriber(app, token, { displayName: 'Outspoken Reader' });
  articleId = (await createArticle(app, { title: 'A contested story' })).documentId;
});
afterAll(async () => {
  await app?.stop();
});

test('a reported comment appears in the queue with its story, reasons, reporters and report times', async () => {
  const id = await postAndGetId(app, author, articleId, 'A rude remark');
  await reportBy(app, id, 2, 'abusive');
  await reportBy(app, id, 1, 'hate');
  await reportBy(app, id, 1, 'factual-error');
  const res = await mod.get(`/comments/moderation/queue?queue=reported&article=${articleId}`);
  expect(res.status).toBe(200);
  const row = res.body.data.find((item: any) => item.documentId === id);
  expect(row).toMatchObject({
    body: 'A rude remark',
    state: 'reported',
    status: 'visible',
    author: { displayName: 'Outspoken Reader' },
    thread: { documentId: articleId, title: 'A contested story' },
    reporters: 3,
    reasons: [
      { reason: 'abusive', count: 2 },
      { reason: 'hate', count: 1 },
    ],
  });
  expect(row.firstReportedAt).not.toBeNull();
  expect(res.body.meta.counts.reported).toBeGreaterThanOrEqual(1);
});

test('hide: gone from the public thread, reports upheld, audited with the moderator, the author and reporters told, event after commit', async () => {
  const id = await postAndGetId(app, author, articleId, 'To be hidden');
  const [reporter] = await reportBy(app, id, 1, 'harassment');
  const events = captureEvents(['comment.hidden']);
  const res = await act(id, {
    action: 'hide',
    reason: 'Harassment of another reader',
    publicReason: 'Breaks rule 1: be civil.',
  });
  events.stop();
  expect(res.status).toBe(200);
  expect(res.body.data).toMatchObject({ documentId: id, status: 'hidden' });

  expect((await thread()).data.map((c: any) => c.documentId)).not.toContain(id);
  const [audit] = (await auditOf(id)).filter((row: any) => row.action === 'hide');
  expect(audit).toMatchObject({
    actorType: 'moderator',
    actorId: moderator.id,
    actorName: 'Test comments-moderator',
    reason: 'Harassment of another reader',
  });
  expect(audit.before.status).toBe('visible');
  expect(audit.after.status).toBe('hidden');
  expect(events.seen).toEqual([{ name: 'comment.hidden', payload: expect.objectContaining({ comment: id }) }]);

  const mine = await app.http().get('/api/comments/me/comments').set(bearer(author));
  expect(mine.body.data.find((c: any) => c.documentId === id)).toMatchObject({
    state: 'hidden',
    publicReason: 'Breaks rule 1: be civil.',
  });
  const reports = await app.http().get('/api/comments/me/reports').set(bearer(reporter));
  expect(reports.body.data[0]).toMatchObject({ comment: id, outcome: 'upheld' });

  const detail = await mod.get(`/comments/moderation/comments/${id}`);
  expect(detail.body.data.history.map((event: any) => event.action)).toEqual(['posted', 'hide']);
  expect(detail.body.data.reports[0]).toMatchObject({ reason: 'harassment', note: 'Report 0', state: 'upheld' });

  const restored = await act(id, { action: 'restore', reason: 'On appeal' });
  expect(restored.body.data.status).toBe('visible');
  expect((await thread()).data.map((c: any) => c.documentId)).toContain(id);
});

test('approve keeps the comment and resolves its reports as not upheld', async () => {
  const id = await postAndGetId(app, author, articleId, 'Fair comment');
  const [reporter] = await reportBy(app, id, 1, 'spam');
  expect((await act(id, { action: 'approve', reason: 'Not spam' })).status).toBe(200);
  expect((await thread()).data.find((c: any) => c.documentId === id).status).toBe('visible');
  expect((await app.http().get('/api/comments/me/reports').set(bearer(reporter))).body.data[0].outcome).toBe(
    'not-upheld'
  );
  const resolved = await mod.get('/comments/moderation/queue?queue=resolved');
  expect(resolved.body.data.map((row: any) => row.documentId)).toContain(id);
});

test('amend shows the marker publicly and keeps the original in the history', async () => {
  const id = await postAndGetId(app, author, articleId, 'He is a criminal, call 0123 456789');
  const res = await act(id, {
    action: 'amend',
    reason: 'Removed a phone number and an allegation',
    body: 'He is [amended by moderator]',
  });
  expect(res.status).toBe(200);
  expect((await thread()).data.find((c: any) => c.documentId === id)).toMatchObject({
    body: 'He is [amended by moderator]',
    amendedByModerator: true,
  });
  const [audit] = (await auditOf(id)).filter((row: any) => row.action === 'amend');
  expect(audit.before.body).toBe('He is a criminal, call 0123 456789');
  // The author can no longer edit it.
  const edit = await app
    .http()
    .patch(`/api/comments/${id}`)
    .set(bearer(author))
    .send({ data: { body: 'Back again' } });
  expectErrorEnvelope(edit, 403, 'EDIT_WINDOW_CLOSED');
});

test('remove leaves a tombstone while replies exist', async () => {
  const id = await postAndGetId(app, author, articleId, 'Removable');
  const replier = await createSubscriber(app, token);
  await postAndGetId(app, replier, articleId, 'A reply', id);
  expect((await act(id, { action: 'remove', reason: 'Illegal content' })).status).toBe(200);
  expect((await thread()).data.find((c: any) => c.documentId === id)).toMatchObject({
    status: 'removed',
    body: null,
    author: null,
    replyCount: 1,
  });
});

test('a stale version gets 409 and changes nothing; an action that does not apply gets 409 too', async () => {
  const id = await postAndGetId(app, author, articleId, 'Contested');
  const version = await versionOf(id);
  expect(
    (await mod.post(`/comments/moderation/comments/${id}/actions`, { action: 'hide', reason: 'first', version })).status
  ).toBe(200);
  const stale = await mod.post(`/comments/moderation/comments/${id}/actions`, {
    action: 'approve',
    reason: 'second',
    version,
  });
  expectErrorEnvelope(stale, 409, 'STALE_VERSION');
  expect((await app.strapi.db.query('plugin::comments.comment').findOne({ where: { documentId: id } })).status).toBe(
    'hidden'
  );
  expectErrorEnvelope(await act(id, { action: 'release', reason: 'not held' }), 409, 'INVALID_TRANSITION');
});

test('a fault after the comment update rolls everything back and emits nothing', async () => {
  const id = await postAndGetId(app, author, articleId, 'Fault injection');
  await reportBy(app, id, 1, 'abusive');
  const before = await app.strapi.db.query('plugin::comments.comment').findOne({ where: { documentId: id } });
  const auditBefore = (await auditOf(id)).length;
  const audit = app.strapi.plugin('comments').service('audit');
  const spy = jest.spyOn(audit, 'record').mockRejectedValueOnce(new Error('disk full'));
  const events = captureEvents(['comment.hidden']);
  try {
    const res = await act(id, { action: 'hide', reason: 'fault' });
    expect(res.status).toBe(500);
    expect(res.body.error).toBeDefined();
  } finally {
    spy.mockRestore();
    events.stop();
  }
  const after = await app.strapi.db.query('plugin::comments.comment').findOne({ where: { documentId: id } });
  expect({ status: after.status, version: after.version, needsReview: after.needsReview }).toEqual({
    status: before.status,
    version: before.version,
    needsReview: before.needsReview,
  });
  expect(
    (await app.strapi.db.query('plugin::comments.report').findMany({ where: { commentDocumentId: id } })).map(
      (r: any) => r.state
    )
  ).toEqual(['open']);
  expect((await auditOf(id)).length).toBe(auditBefore);
  expect(events.seen).toEqual([]);
});

test('bulk: each item its own transaction and audit row, with a result per item', async () => {
  const good = await postAndGetId(app, author, articleId, 'Bulk one');
  const stale = await postAndGetId(app, author, articleId, 'Bulk two');
  const res = await mod.post('/comments/moderation/bulk', {
    action: 'hide',
    reason: 'Spam wave',
    items: [
      { documentId: good, version: await versionOf(good) },
      { documentId: stale, version: (await versionOf(stale)) + 5 },
      { documentId: 'nosuchcomment1', version: 1 },
    ],
  });
  expect(res.status).toBe(200);
  expect(res.body.data.results.map((r: any) => [r.documentId, r.result, r.status])).toEqual([
    [good, 'done', 200],
    [stale, 'stale', 409],
    ['nosuchcomment1', 'not-found', 404],
  ]);
  expect((await auditOf(good)).filter((row: any) => row.action === 'hide')).toHaveLength(1);
  expect((await auditOf(stale)).filter((row: any) => row.action === 'hide')).toHaveLength(0);
});

test('sanctions: suspend refuses posting, reinstate allows it, ban can hide all visible comments, all audited', async () => {
  const reader = await createSubscriber(app, token);
  const first = await postAndGetId(app, reader, articleId, 'Before the suspension');
  const until = new Date(Date.now() + 24 * 3600_000).toISOString();
  const suspended = await mod.post(`/comments/moderation/users/${reader.documentId}/sanctions`, {
    action: 'suspend',
    until,
    reason: 'Cooling off',
  });
  expect(suspended.status).toBe(200);
  expect(suspended.body.data).toMatchObject({ sanction: 'suspended', hiddenComments: 0 });
  expectErrorEnvelope(await postComment(app, reader, articleId, 'While suspended'), 403, 'COMMENTING_SUSPENDED');

  expect(
    (
      await mod.post(`/comments/moderation/users/${reader.documentId}/sanctions`, {
        action: 'reinstate',
        reason: 'Appeal upheld',
      })
    ).status
  ).toBe(200);
  const second = await postAndGetId(app, reader, articleId, 'After reinstatement');

  const events = captureEvents(['commenter.sanctioned']);
  const banned = await mod.post(`/comments/moderation/users/${reader.documentId}/sanctions`, {
    action: 'ban',
    reason: 'Repeated abuse',
    hideComments: true,
  });
  events.stop();
  expect(banned.body.data).toMatchObject({ sanction: 'banned', hiddenComments: 2 });
  expectErrorEnvelope(await postComment(app, reader, articleId, 'While banned'), 403, 'COMMENTING_BANNED');
  const visibleIds = (await thread()).data.map((c: any) => c.documentId);
  expect(visibleIds).not.toContain(first);
  expect(visibleIds).not.toContain(second);
  const sanctionsAudit = await app.strapi.db
    .query('plugin::comments.moderation-event')
    .findMany({ where: { subjectUserId: reader.id, action: { $startsWith: 'commenter-' } } });
  expect(sanctionsAudit.map((row: any) => row.action).sort()).toEqual([
    'commenter-ban',
    'commenter-reinstate',
    'commenter-suspend',
  ]);
  expect(events.seen).toEqual([
    {
      name: 'commenter.sanctioned',
      payload: expect.objectContaining({ user: reader.documentId, sanction: 'banned', hiddenComments: 2 }),
    },
  ]);

  const detail = await mod.get(`/comments/moderation/comments/${first}`);
  expect(detail.body.data.author).toMatchObject({ sanction: 'banned', upheldAgainst: 2 });
  expect(detail.body.data.author.sanctions).toHaveLength(3);
});

test('the comment panel shows thread context: parent and neighbours', async () => {
  const parent = await postAndGetId(app, author, articleId, 'Parent for context');
  const replier = await createSubscriber(app, token);
  const a = await postAndGetId(app, replier, articleId, 'Reply A', parent);
  const b = await postAndGetId(app, replier, articleId, 'Reply B', parent);
  const c = await postAndGetId(app, replier, articleId, 'Reply C', parent);
  const res = await mod.get(`/comments/moderation/comments/${b}`);
  expect(res.status).toBe(200);
  expect(res.body.data.parent.documentId).toBe(parent);
  expect(res.body.data.neighbours.before.map((n: any) => n.documentId)).toEqual([a]);
  expect(res.body.data.neighbours.after.map((n: any) => n.documentId)).toEqual([c]);
  expect(res.body.data.thread).toMatchObject({ documentId: articleId, title: 'A contested story' });
});

describe('bad input is refused with 400, never 500', () => {
  test.each([
    ['an unknown action', { action: 'delete', reason: 'x', version: 1 }],
    ['an unknown key', { action: 'hide', reason: 'x', version: 1, force: true }],
    ['a missing reason', { action: 'hide', version: 1 }],
    ['an empty reason', { action: 'hide', reason: '   ', version: 1 }],
    ['a version that is not a number', { action: 'hide', reason: 'x', version: 'latest' }],
    ['amend without a body', { action: 'amend', reason: 'x', version: 1 }],
  ])('an action with %s', async (_, body) => {
    const id = await postAndGetId(app, author, articleId, 'Target of bad input');
    expectErrorEnvelope(await mod.post(`/comments/moderation/comments/${id}/actions`, body), 400);
  });

  test('bulk over 100 items, bad sanctions, bad query parameters', async () => {
    const items = Array.from({ length: 101 }, (_, i) => ({ documentId: `c${i}`, version: 1 }));
    expectErrorEnvelope(await mod.post('/comments/moderation/bulk', { action: 'hide', reason: 'x', items }), 400);
    expectErrorEnvelope(
      await mod.post('/comments/moderation/bulk', {
        action: 'remove',
        reason: 'x',
        items: [{ documentId: 'a', version: 1 }],
      }),
      400
    );
    expectErrorEnvelope(
      await mod.post(`/comments/moderation/users/${author.documentId}/sanctions`, { action: 'suspend', reason: 'x' }),
      400
    );
    expectErrorEnvelope(
      await mod.post(`/comments/moderation/users/${author.documentId}/sanctions`, {
        action: 'suspend',
        reason: 'x',
        until: 'soon',
      }),
      400
    );
    expectErrorEnvelope(
      await mod.post(`/comments/moderation/users/${author.documentId}/sanctions`, {
        action: 'suspend',
        reason: 'x',
        until: '2001-01-01T00:00:00Z',
      }),
      400
    );
    expectErrorEnvelope(await mod.get('/comments/moderation/queue?queue=everything'), 400);
    expectErrorEnvelope(await mod.get('/comments/moderation/queue?from=yesterday'), 400);
    expectErrorEnvelope(await mod.get('/comments/moderation/queue?pageSize=1000'), 400);
    expectErrorEnvelope(await mod.get('/comments/moderation/register.csv?from=notadate'), 400);
  });
});
