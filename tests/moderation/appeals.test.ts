import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, createApiToken, loginUser, type TestAdmin, type TestUser } from '../helpers/auth';
import { expectErrorEnvelope } from '../helpers/envelope';
import { bearer, createArticle, createSubscriber, ensurePolicy } from '../helpers/comments';
import { QUEUE_ONLY_SETTINGS, adminCall, overrideSettings, postAndGetId } from '../helpers/moderation';

let app: TestApp;
let decider: TestAdmin;
let reviewer: TestAdmin;
let editor: TestAdmin;
let author: TestUser;
let bystander: TestUser;
let token: string;
let articleId: string;

const COMMENT = 'plugin::comments.comment';
const APPEAL = 'plugin::comments.appeal';

const commentOf = (documentId: string) => app.strapi.db.query(COMMENT).findOne({ where: { documentId } });
const appealCount = () => app.strapi.db.query(APPEAL).count();
const since = (actions: string[], first: string) => actions.slice(actions.indexOf(first));
/** The comment's audit actions from the moderator's decision on (its posting is audited too). */
const auditActionsOf = async (documentId: string, decision = 'hide'): Promise<string[]> =>
  since(
    (
      await app.strapi.db
        .query('plugin::comments.moderation-event')
        .findMany({ where: { commentDocumentId: documentId }, orderBy: { id: 'asc' } })
    ).map((event: { action: string }) => event.action),
    decision
  );

const act = async (admin: TestAdmin, documentId: string, body: Record<string, unknown>) => {
  const res = await adminCall(app, admin).post(`/comments/moderation/comments/${documentId}/actions`, {
    version: (await commentOf(documentId)).version,
    reason: 'breaks the rules',
    ...body,
  });
  if (res.status !== 200) throw new Error(`action failed: ${res.status} ${JSON.stringify(res.body)}`);
};

/** The decision as the commenter finds it: in `GET /me`, under the decisions still open to appeal. */
const appealableDecision = async (user: TestUser, action: string, comment: string | null = null) => {
  const me = await app.http().get('/api/comments/me').set(bearer(user));
  const found = me.body.data.appeals.appealable.find(
    (entry: { action: string; comment: string | null }) => entry.action === action && entry.comment === comment
  );
  if (!found) throw new Error(`no appealable ${action} in ${JSON.stringify(me.body.data.appeals)}`);
  return found.decision as string;
};

/** The latest audit event of this action about the comment: for decisions /me no longer offers. */
const decisionEvent = async (documentId: string, action: string): Promise<string> =>
  (
    await app.strapi.db
      .query('plugin::comments.moderation-event')
      .findOne({ where: { commentDocumentId: documentId, action }, orderBy: { id: 'desc' } })
  ).documentId;

const appeal = (user: TestUser, data: Record<string, unknown>) =>
  app.http().post('/api/comments/me/appeals').set(bearer(user)).send({ data });
const resolve = (admin: TestAdmin, appealId: string, body: Record<string, unknown>) =>
  adminCall(app, admin).post(`/comments/moderation/appeals/${appealId}/resolution`, body);

const hiddenCommentBy = async (user: TestUser, body: string) => {
  const id = await postAndGetId(app, user, articleId, body);
  await act(decider, id, { action: 'hide' });
  return id;
};

beforeAll(async () => {
  app = await bootStrapi();
  await overrideSettings(app, QUEUE_ONLY_SETTINGS);
  await ensurePolicy(app);
  token = await createApiToken(app);
  decider = await createAdmin(app, ['comments-moderator']);
  reviewer = await createAdmin(app, ['comments-moderator']);
  editor = await createAdmin(app, ['strapi-editor']);
  author = await createSubscriber(app, token, { displayName: 'Appealing Reader' });
  bystander = await createSubscriber(app, token);
  articleId = (await createArticle(app, { title: 'A story with appeals' })).documentId;
});
afterAll(async () => {
  await app?.stop();
});

test('a hidden comment appealed, queued, refused for its decider, upheld by another moderator: visible again, audited, outcome in /me', async () => {
  const id = await hiddenCommentBy(author, 'Fair criticism, hidden by mistake');
  const decision = await appealableDecision(author, 'hide', id);

  const filed = await appeal(author, { decision, statement: '  My comment broke no rule.  ' });
  expect(filed.status).toBe(201);
  expect(filed.body.data).toMatchObject({
    state: 'open',
    decision: { documentId: decision, action: 'hide' },
    comment: id,
    statement: 'My comment broke no rule.',
    resolution: null,
  });
  const appealId = filed.body.data.documentId;
  const me = (await app.http().get('/api/comments/me').set(bearer(author))).body.data.appeals;
  expect(me.open).toBe(1);
  expect(me.appealable.map((entry: { decision: string }) => entry.decision)).not.toContain(decision);

  const queue = await adminCall(app, reviewer).get('/comments/moderation/appeals?state=open');
  expect(queue.status).toBe(200);
  expect(queue.body.data.find((item: { documentId: string }) => item.documentId === appealId)).toMatchObject({
    state: 'open',
    decision: { documentId: decision, action: 'hide', by: { id: decider.id } },
    appellant: { documentId: author.documentId },
    statement: 'My comment broke no rule.',
  });
  expect(queue.body.meta.pagination.total).toBeGreaterThanOrEqual(1);

  const own = await resolve(decider, appealId, { outcome: 'upheld', reason: 'I stand corrected' });
  expectErrorEnvelope(own, 403, 'OWN_DECISION');
  expect((await commentOf(id)).status).toBe('hidden');
  expect((await app.strapi.db.query(APPEAL).findOne({ where: { documentId: appealId } })).state).toBe('open');

  const upheld = await resolve(reviewer, appealId, { outcome: 'upheld', reason: 'Robust but within the rules' });
  expect(upheld.status).toBe(200);
  expect(upheld.body.data).toMatchObject({
    state: 'upheld',
    resolution: { outcome: 'upheld', by: { id: reviewer.id } },
  });
  expect((await commentOf(id)).status).toBe('visible');
  const thread = await app.http().get(`/api/comments/threads/${articleId}?pagination[pageSize]=100`);
  expect(thread.body.data.map((comment: { documentId: string }) => comment.documentId)).toContain(id);
  expect(await auditActionsOf(id)).toEqual(['hide', 'appeal-filed', 'restore', 'appeal-upheld']);

  const mine = await app.http().get('/api/comments/me/appeals').set(bearer(author));
  expect(mine.status).toBe(200);
  expect(mine.body.data[0]).toMatchObject({
    documentId: appealId,
    state: 'upheld',
    resolution: { outcome: 'upheld', reason: 'Robust but within the rules' },
  });
  expect((await app.http().get('/api/comments/me').set(bearer(author))).body.data.appeals).toMatchObject({
    open: 0,
    decided: 1,
  });
});

test('a second appeal of the same decision: 409 ALREADY_APPEALED, nothing stored', async () => {
  const id = await hiddenCommentBy(author, 'Appealed twice');
  const decision = await appealableDecision(author, 'hide', id);
  expect((await appeal(author, { decision, statement: 'First appeal' })).status).toBe(201);
  const before = await appealCount();
  expectErrorEnvelope(await appeal(author, { decision, statement: 'Second appeal' }), 409, 'ALREADY_APPEALED');
  expect(await appealCount()).toBe(before);
});

test("appealing someone else's decision, or one that does not exist: 404, nothing stored", async () => {
  const id = await hiddenCommentBy(author, 'Not yours to appeal');
  const decision = await decisionEvent(id, 'hide');
  const before = await appealCount();
  expectErrorEnvelope(await appeal(bystander, { decision, statement: 'Let me in' }), 404, 'DECISION_NOT_FOUND');
  expectErrorEnvelope(
    await appeal(author, { decision: 'nosuchdecision1', statement: 'Hm' }),
    404,
    'DECISION_NOT_FOUND'
  );
  expect(await appealCount()).toBe(before);
  expect(await auditActionsOf(id)).toEqual(['hide']);
});

test('decisions in the commenter’s favour cannot be appealed; a superseded decision neither', async () => {
  const id = await postAndGetId(app, author, articleId, 'Approved already');
  await act(decider, id, { action: 'approve' });
  const before = await appealCount();
  const approved = await appeal(author, { decision: await decisionEvent(id, 'approve'), statement: 'Why not' });
  expectErrorEnvelope(approved, 400, 'DECISION_NOT_APPEALABLE');

  const restored = await hiddenCommentBy(author, 'Hidden, then restored by the desk');
  await act(reviewer, restored, { action: 'restore' });
  const stale = await appeal(author, { decision: await decisionEvent(restored, 'hide'), statement: 'Too late' });
  expectErrorEnvelope(stale, 409, 'DECISION_SUPERSEDED');
  expect(await appealCount()).toBe(before);
});

test('a dismissed appeal changes nothing but the appeal; it cannot be resolved twice', async () => {
  const id = await hiddenCommentBy(author, 'Rightly hidden');
  const filed = await appeal(author, { decision: await appealableDecision(author, 'hide', id), statement: 'Please' });
  const before = await commentOf(id);
  const dismissed = await resolve(reviewer, filed.body.data.documentId, { outcome: 'dismissed', reason: 'It stands' });
  expect(dismissed.status).toBe(200);
  expect(dismissed.body.data.state).toBe('dismissed');
  const after = await commentOf(id);
  expect({ status: after.status, version: after.version, body: after.body }).toEqual({
    status: 'hidden',
    version: before.version,
    body: before.body,
  });
  expect(await auditActionsOf(id)).toEqual(['hide', 'appeal-filed', 'appeal-dismissed']);
  const again = await resolve(reviewer, filed.body.data.documentId, { outcome: 'upheld', reason: 'Changed my mind' });
  expectErrorEnvelope(again, 409, 'APPEAL_ALREADY_RESOLVED');
  expect((await commentOf(id)).status).toBe('hidden');
});

test('an amended comment appealed and upheld gets its original body back', async () => {
  const id = await postAndGetId(app, author, articleId, 'The original wording');
  await act(decider, id, { action: 'amend', body: 'The moderated wording' });
  const filed = await appeal(author, { decision: await appealableDecision(author, 'amend', id), statement: 'Mine' });
  expect(filed.status).toBe(201);
  expect((await resolve(reviewer, filed.body.data.documentId, { outcome: 'upheld', reason: 'Fine' })).status).toBe(200);
  const after = await commentOf(id);
  expect({ status: after.status, body: after.body, amended: Boolean(after.amendedByModerator) }).toEqual({
    status: 'visible',
    body: 'The original wording',
    amended: false,
  });
});

test('a ban appealed and upheld by another moderator: the commenter is reinstated', async () => {
  const banned = await createSubscriber(app, token);
  const ban = await adminCall(app, decider).post(`/comments/moderation/users/${banned.documentId}/sanctions`, {
    action: 'ban',
    reason: 'Repeated abuse',
  });
  expect(ban.status).toBe(200);
  // The ban ended the reader's sessions: they log in again to appeal.
  banned.jwt = await loginUser(app, banned.email, banned.password);
  const decision = await appealableDecision(banned, 'commenter-ban');
  const filed = await appeal(banned, { decision, statement: 'It was my brother' });
  expect(filed.status).toBe(201);
  const own = await resolve(decider, filed.body.data.documentId, { outcome: 'upheld', reason: 'x' });
  expectErrorEnvelope(own, 403, 'OWN_DECISION');

  const upheld = await resolve(reviewer, filed.body.data.documentId, { outcome: 'upheld', reason: 'Benefit of doubt' });
  expect(upheld.status).toBe(200);
  const me = (await app.http().get('/api/comments/me').set(bearer(banned))).body.data;
  expect(me.sanction.state).toBe('none');
  const events = await app.strapi.db
    .query('plugin::comments.moderation-event')
    .findMany({ where: { subjectUserId: banned.id }, orderBy: { id: 'asc' } });
  expect(
    since(
      events.map((event: { action: string }) => event.action),
      'commenter-ban'
    )
  ).toEqual(['commenter-ban', 'appeal-filed', 'commenter-reinstate', 'appeal-upheld']);
});

test('bad input: 400 in the envelope, nothing stored', async () => {
  const id = await hiddenCommentBy(author, 'Bad appeals');
  const decision = await decisionEvent(id, 'hide');
  const before = await appealCount();
  const bodies: unknown[] = [
    { decision, statement: 'ok', extra: true },
    { decision },
    { statement: 'no decision' },
    { decision, statement: '   ' },
    { decision, statement: 'x'.repeat(2001) },
    { decision: 'not a documentId!', statement: 'ok' },
  ];
  for (const data of bodies) expectErrorEnvelope(await appeal(author, data as Record<string, unknown>), 400);
  const flat = await app.http().post('/api/comments/me/appeals').set(bearer(author)).send({ decision, statement: 'x' });
  expectErrorEnvelope(flat, 400);
  expect(await appealCount()).toBe(before);

  const filed = await appeal(author, { decision, statement: 'A valid appeal' });
  for (const body of [
    { outcome: 'maybe', reason: 'x' },
    { outcome: 'upheld' },
    { outcome: 'upheld', reason: 'x', x: 1 },
  ])
    expectErrorEnvelope(await resolve(reviewer, filed.body.data.documentId, body), 400);
  expectErrorEnvelope(await adminCall(app, reviewer).get('/comments/moderation/appeals?state=pending'), 400);
  expectErrorEnvelope(
    await resolve(reviewer, 'nosuchappeal1', { outcome: 'upheld', reason: 'x' }),
    404,
    'APPEAL_NOT_FOUND'
  );
  expect((await app.strapi.db.query(APPEAL).findOne({ where: { documentId: filed.body.data.documentId } })).state).toBe(
    'open'
  );
  expect((await commentOf(id)).status).toBe('hidden');
});

test('RBAC: an Editor gets 403, no token 401; a reader without a JWT 401', async () => {
  const id = await hiddenCommentBy(author, 'RBAC appeal');
  const filed = await appeal(author, { decision: await decisionEvent(id, 'hide'), statement: 'Check RBAC' });
  const appealId = filed.body.data.documentId;
  expectErrorEnvelope(await adminCall(app, editor).get('/comments/moderation/appeals'), 403);
  expectErrorEnvelope(await resolve(editor, appealId, { outcome: 'upheld', reason: 'Not mine' }), 403);
  expectErrorEnvelope(await app.http().get('/comments/moderation/appeals'), 401);
  const anonymous = app.http().post(`/comments/moderation/appeals/${appealId}/resolution`);
  expectErrorEnvelope(await anonymous.send({ outcome: 'upheld', reason: 'x' }), 401);
  expectErrorEnvelope(await app.http().get('/api/comments/me/appeals'), 401, 'AUTHENTICATION_REQUIRED');
  const anonymousAppeal = app.http().post('/api/comments/me/appeals');
  expectErrorEnvelope(await anonymousAppeal.send({ data: { decision: 'x', statement: 'y' } }), 401);
  expect((await app.strapi.db.query(APPEAL).findOne({ where: { documentId: appealId } })).state).toBe('open');
  expect((await commentOf(id)).status).toBe('hidden');
});

test('the appeals queue is oldest first and filters by state', async () => {
  const res = await adminCall(app, reviewer).get('/comments/moderation/appeals?pageSize=100');
  expect(res.status).toBe(200);
  const filed = res.body.data.map((item: { filedAt: string }) => Date.parse(item.filedAt));
  expect(filed).toEqual([...filed].sort((a, b) => a - b));
  const states = new Set(res.body.data.map((item: { state: string }) => item.state));
  expect(states).toEqual(new Set(['open', 'upheld', 'dismissed']));
  const open = await adminCall(app, reviewer).get('/comments/moderation/appeals?state=upheld&pageSize=100');
  expect(open.body.data.length).toBeGreaterThan(0);
  expect(open.body.data.every((item: { state: string }) => item.state === 'upheld')).toBe(true);
});

test('an appeal is in the commenter’s data export, and erasure takes its statement with the rest', async () => {
  const reader = await createSubscriber(app, token);
  const id = await hiddenCommentBy(reader, 'Hidden before erasure');
  const filed = await appeal(reader, {
    decision: await appealableDecision(reader, 'hide', id),
    statement: 'My own words',
  });
  expect(filed.status).toBe(201);
  const exported = await app.http().get('/api/comments/me/export').set(bearer(reader));
  expect(exported.body.data.appeals).toEqual([
    expect.objectContaining({ action: 'hide', comment: id, statement: 'My own words', state: 'open' }),
  ]);
  expect((await app.http().delete('/api/comments/me').set(bearer(reader))).status).toBe(200);
  expect(await app.strapi.db.query(APPEAL).count({ where: { appellantId: reader.id } })).toBe(0);
});

test('upholding an appeal needs the permission of the decision it reverses', async () => {
  // An appeals reviewer who may read the queue and judge appeals, but not act on comments.
  const role = await app.strapi
    .service('admin::role')
    .create({ name: `Appeals only ${Date.now()}`, code: `appeals-only-${Date.now()}` });
  await app.strapi.service('admin::role').addPermissions(
    role.id,
    ['plugin::comments.moderation.read', 'plugin::comments.moderation.appeals'].map((action) => ({
      action,
      subject: null,
      properties: {},
      conditions: [],
    }))
  );
  const limited = await createAdmin(app, [role.code]);
  const reader = await createSubscriber(app, token);
  const id = await hiddenCommentBy(reader, 'Hidden, appealed to the wrong desk');
  const filed = await appeal(reader, {
    decision: await appealableDecision(reader, 'hide', id),
    statement: 'Please look again',
  });
  expect(filed.status).toBe(201);
  const refused = await resolve(limited, filed.body.data.documentId, { outcome: 'upheld', reason: 'Fair point' });
  expectErrorEnvelope(refused, 403, 'MISSING_PERMISSION');
  expect((await commentOf(id)).status).toBe('hidden');
  const dismissed = await resolve(limited, filed.body.data.documentId, {
    outcome: 'dismissed',
    reason: 'Within the rules',
  });
  expect(dismissed.status).toBe(200);
});
