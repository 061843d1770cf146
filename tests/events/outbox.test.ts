import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, createApiToken, createUser, type TestAdmin, type TestUser } from '../helpers/auth';
import { bearer, createArticle, createSubscriber, ensurePolicy } from '../helpers/comments';
import { GENEROUS_LIMITS, adminCall, overrideSettings, postAndGetId, reportBy } from '../helpers/moderation';
import { WEBHOOK_TEST_ENV, startReceiver, type WebhookReceiver } from '../helpers/webhook-receiver';
import { SUBSCRIBABLE_EVENT_TYPES } from '../../src/plugins/comments/shared/contracts/events';

const OUTBOX = 'plugin::comments.outbox-event';

let app: TestApp;
let token: string;
let decider: TestAdmin;
let reviewer: TestAdmin;
let editor: TestAdmin;
let articleId: string;
let receiver: WebhookReceiver;

const outbox = (): Promise<Array<{ id: number; eventId: string; type: string; payload: Record<string, any> }>> =>
  app.strapi.db.query(OUTBOX).findMany({ orderBy: { id: 'asc' } });
const eventsAfter = async (id: number) => (await outbox()).filter((event) => event.id > id);
const lastId = async () => (await outbox()).at(-1)?.id ?? 0;
const typesOf = (events: Array<{ type: string }>) => events.map((event) => event.type);

const versionOf = async (documentId: string) =>
  (await app.strapi.db.query('plugin::comments.comment').findOne({ where: { documentId } })).version;
const act = async (admin: TestAdmin, documentId: string, body: Record<string, unknown>) => {
  const res = await adminCall(app, admin).post(`/comments/moderation/comments/${documentId}/actions`, {
    version: await versionOf(documentId),
    reason: 'events test',
    ...body,
  });
  expect([res.status, res.body.error]).toEqual([200, undefined]);
};

/** Runs `action` and returns the types of the outbox events it wrote. */
const written = async (action: () => Promise<unknown>) => {
  const before = await lastId();
  await action();
  return eventsAfter(before);
};

beforeAll(async () => {
  app = await bootStrapi({ env: WEBHOOK_TEST_ENV });
  // Two trusted reports hide a comment; one only queues it.
  await overrideSettings(app, { ...GENEROUS_LIMITS, autoHide: { fullTime: 2, partTime: 2 } });
  await ensurePolicy(app);
  token = await createApiToken(app);
  decider = await createAdmin(app, ['comments-moderator']);
  reviewer = await createAdmin(app, ['comments-moderator']);
  editor = await createAdmin(app);
  articleId = (await createArticle(app)).documentId;
  receiver = await startReceiver();
  const hook = await adminCall(app, editor).post('/comments/webhooks', {
    name: 'Everything',
    url: receiver.url,
    events: SUBSCRIBABLE_EVENT_TYPES,
  });
  expect(hook.status).toBe(201);
});
afterAll(async () => {
  await receiver?.close();
  await app?.stop();
});

test('every action writes its event to the outbox, and the webhook receives each type', async () => {
  let author!: TestUser;
  expect(
    typesOf(
      await written(async () => {
        author = await createSubscriber(app, token, { displayName: 'Eventful Reader' });
      })
    )
  ).toContain('subscription.synced');

  let id = '';
  const created = await written(async () => {
    id = await postAndGetId(app, author, articleId, 'First words');
  });
  expect(created).toEqual([
    expect.objectContaining({
      type: 'comment.created',
      payload: {
        comment: id,
        thread: { type: 'api::article.article', documentId: articleId },
        parent: null,
        author: author.documentId,
        status: 'visible',
        flagged: false,
      },
    }),
  ]);

  const edit = () =>
    app
      .http()
      .patch(`/api/comments/${id}`)
      .set(bearer(author))
      .send({ data: { body: 'First words, revised' } });
  expect(typesOf(await written(edit))).toEqual(['comment.edited']);
  expect(typesOf(await written(() => reportBy(app, id, 1, 'abusive')))).toEqual(['comment.reported']);
  const autoHidden = await written(() => reportBy(app, id, 1, 'harassment'));
  expect(typesOf(autoHidden)).toEqual(['comment.reported', 'comment.auto-hidden']);
  expect(autoHidden[1].payload).toMatchObject({
    comment: id,
    transition: 'auto-hide',
    from: 'visible',
    to: 'hidden',
    actor: 'system',
  });

  expect(typesOf(await written(() => act(decider, id, { action: 'approve' })))).toEqual(['comment.approved']);
  const hidden = await written(() => act(decider, id, { action: 'hide', publicReason: 'Personal attack' }));
  expect(hidden[0]).toMatchObject({
    type: 'comment.hidden',
    payload: { actor: 'moderator', publicReason: 'Personal attack' },
  });
  expect(typesOf(await written(() => act(decider, id, { action: 'restore' })))).toEqual(['comment.restored']);
  expect(typesOf(await written(() => act(decider, id, { action: 'amend', body: 'First words [edited]' })))).toEqual([
    'comment.amended',
  ]);
  expect(typesOf(await written(() => act(decider, id, { action: 'remove' })))).toEqual(['comment.removed']);

  // Held: a high-risk story outside full-time cover (a Sunday night), then released.
  const clock = jest.spyOn(app.strapi.plugin('comments').service('clock'), 'now');
  let heldId = '';
  try {
    clock.mockReturnValue(new Date('2026-03-08T02:00:00Z'));
    const risky = (await createArticle(app, { moderationRisk: 'high' })).documentId;
    const held = await written(async () => {
      heldId = await postAndGetId(app, author, risky, 'Posted at night');
    });
    expect(held[0].payload).toMatchObject({ status: 'held' });
  } finally {
    clock.mockRestore();
  }
  expect(typesOf(await written(() => act(decider, heldId, { action: 'release' })))).toEqual(['comment.released']);
  const withdraw = () => app.http().delete(`/api/comments/${heldId}`).set(bearer(author));
  expect(typesOf(await written(withdraw))).toEqual(['comment.withdrawn']);

  // An appeal against a hide, filed and dismissed by another moderator.
  const appealed = await postAndGetId(app, author, articleId, 'Hidden, then appealed');
  await act(decider, appealed, { action: 'hide' });
  const me = await app.http().get('/api/comments/me').set(bearer(author));
  const decision = me.body.data.appeals.appealable.find((entry: any) => entry.comment === appealed).decision;
  let appealId = '';
  const filed = await written(async () => {
    const res = await app
      .http()
      .post('/api/comments/me/appeals')
      .set(bearer(author))
      .send({ data: { decision, statement: 'Unfair.' } });
    expect(res.status).toBe(201);
    appealId = res.body.data.documentId;
  });
  expect(filed).toEqual([
    expect.objectContaining({ type: 'appeal.filed', payload: { appeal: appealId, decision, comment: appealed } }),
  ]);
  const dismiss = () =>
    adminCall(app, reviewer).post(`/comments/moderation/appeals/${appealId}/resolution`, {
      outcome: 'dismissed',
      reason: 'It was abusive',
    });
  const dismissed = await written(dismiss);
  expect(dismissed[0]).toMatchObject({ type: 'appeal.resolved', payload: { appeal: appealId, outcome: 'dismissed' } });

  // A factual-error complaint about the story, resolved by an editor.
  const complainant = await createUser(app);
  const complaint = await app
    .http()
    .post(`/api/comments/threads/${articleId}/complaints`)
    .set(bearer(complainant))
    .send({ data: { note: 'The date is wrong.' } });
  expect(complaint.status).toBe(200);
  const resolveComplaint = () =>
    adminCall(app, editor).post(`/comments/editorial/complaints/${complaint.body.data.documentId}/resolution`, {
      outcome: 'upheld',
      correctionNote: 'The date is now 3 March.',
      reason: 'Checked with the desk',
    });
  const resolved = await written(resolveComplaint);
  expect(resolved[0]).toMatchObject({
    type: 'complaint.resolved',
    payload: {
      complaint: complaint.body.data.documentId,
      outcome: 'upheld',
      correctionNote: 'The date is now 3 March.',
    },
  });

  // Sanctions, then erasure.
  const sanction = (body: Record<string, unknown>) => () =>
    adminCall(app, decider).post(`/comments/moderation/users/${author.documentId}/sanctions`, {
      reason: 'events test',
      ...body,
    });
  const suspended = await written(sanction({ action: 'suspend', until: '2099-01-01T00:00:00Z' }));
  expect(suspended[0]).toMatchObject({
    type: 'commenter.sanctioned',
    payload: { user: author.documentId, sanction: 'suspended', until: '2099-01-01T00:00:00.000Z', hiddenComments: 0 },
  });
  expect(typesOf(await written(sanction({ action: 'reinstate' })))).toEqual(['commenter.reinstated']);
  const erase = () => app.http().delete('/api/comments/me').set(bearer(author));
  expect(typesOf(await written(erase))).toEqual(['commenter.erased']);

  // Ids and public fields only: no reader's email, no report note, no moderator's name.
  const everything = JSON.stringify((await outbox()).map((event) => event.payload));
  expect(everything).not.toMatch(/@example\.test/);
  expect(everything).not.toContain('Report 0');
  expect(everything).not.toContain('Test comments-moderator');

  const expected = SUBSCRIBABLE_EVENT_TYPES;
  await receiver.waitFor((received) =>
    expected.every((type) => received.some((item) => JSON.parse(item.body).type === type))
  );
  const eventIds = new Set((await outbox()).map((event) => event.eventId));
  expect(receiver.received.every((item) => eventIds.has(item.id))).toBe(true);
});

test('a rolled-back action leaves no event in the outbox and delivers nothing', async () => {
  const author = await createSubscriber(app, token);
  const id = await postAndGetId(app, author, articleId, 'To be hidden, but the disk fills');
  const service = (name: string) => app.strapi.plugin('comments').service(name);
  const before = await lastId();
  // The hide, its event row included, is written; then the transaction fails and takes it all back.
  await expect(
    app.strapi.db.transaction(async ({ trx, onCommit }) => {
      const comment = await app.strapi.db.query('plugin::comments.comment').findOne({ where: { documentId: id } });
      await service('transitions').apply({
        comment,
        transition: 'hide',
        actor: { type: 'moderator', id: decider.id, name: 'Decider' },
        reason: 'fault',
        expectedVersion: comment.version,
        trx,
        onCommit,
      });
      expect(typesOf(await eventsAfter(before))).toEqual(['comment.hidden']);
      throw new Error('the disk filled after the last write');
    })
  ).rejects.toThrow('the disk filled');
  expect(await eventsAfter(before)).toEqual([]);
  expect((await app.strapi.db.query('plugin::comments.comment').findOne({ where: { documentId: id } })).status).toBe(
    'visible'
  );

  // A post whose transaction fails at one of its steps neither.
  const fault = jest.spyOn(service('audit'), 'record').mockRejectedValueOnce(new Error('disk full'));
  try {
    const reader = {
      id: author.id,
      documentId: author.documentId,
      email: author.email,
      username: author.username,
      confirmed: true,
    };
    await expect(service('comments').post(reader, articleId, { body: 'Never stored' })).rejects.toThrow('disk full');
  } finally {
    fault.mockRestore();
  }
  expect(await eventsAfter(before)).toEqual([]);
  // Give the relay its time: still nothing of either reaches the receiver.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const bodies = receiver.received.map((item) => JSON.parse(item.body));
  expect(bodies.filter((body) => body.type === 'comment.hidden' && body.data.comment === id)).toEqual([]);
  expect(receiver.received.filter((item) => item.body.includes('Never stored'))).toEqual([]);
});

test('a payload is checked against its contract schema before its row is written', async () => {
  const events = app.strapi.plugin('comments').service('events');
  const before = await lastId();
  await expect(
    app.strapi.db.transaction(({ onCommit }) =>
      events.record(onCommit, 'commenter.erased', { user: 'abc123', email: 'reader@example.test' })
    )
  ).rejects.toThrow(/email/);
  await expect(
    app.strapi.db.transaction(({ onCommit }) => events.record(onCommit, 'comment.reported', { comment: 'abc123' }))
  ).rejects.toThrow();
  expect(await eventsAfter(before)).toEqual([]);
});
