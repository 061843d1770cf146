import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, createApiToken, createUser, type TestAdmin, type TestUser } from '../helpers/auth';
import { expectErrorEnvelope } from '../helpers/envelope';
import {
  TERMS_VERSION,
  bearer,
  createArticle,
  createSubscriber,
  ensurePolicy,
  syncSubscription,
} from '../helpers/comments';
import { GENEROUS_LIMITS, adminCall, postAndGetId } from '../helpers/moderation';

let app: TestApp;
let token: string;
let superAdmin: TestAdmin;
let moderator: TestAdmin;
let editor: TestAdmin;
let articleId: string;

const ACCEPTANCE_UID = 'plugin::comments.terms-acceptance';
const AUDIT = '/comments/moderation/audit';
const EXPORT = '/comments/moderation/audit/export';

const acceptTerms = (reader: TestUser) =>
  app
    .http()
    .post('/api/comments/me/terms')
    .set(bearer(reader))
    .send({ data: { version: TERMS_VERSION } });
const acceptancesOf = (userId: number) =>
  app.strapi.db.query(ACCEPTANCE_UID as never).findMany({ where: { userId }, orderBy: { id: 'asc' } });
const auditList = (query: string, admin = moderator) => adminCall(app, admin).get(`${AUDIT}?${query}`);
const versionOf = async (documentId: string) =>
  (await app.strapi.db.query('plugin::comments.comment').findOne({ where: { documentId } })).version;
const hide = async (documentId: string, reason: string) =>
  adminCall(app, moderator).post(`/comments/moderation/comments/${documentId}/actions`, {
    action: 'hide',
    reason,
    version: await versionOf(documentId),
  });

/** RFC 4180 records: a quoted field may hold commas, line breaks and doubled quotes. */
const parseCsv = (text: string): string[][] => {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted && char === '"' && text[i + 1] === '"') {
      field += '"';
      i += 1;
    } else if (char === '"' && (quoted || field === '')) {
      quoted = !quoted;
    } else if (!quoted && char === ',') {
      record.push(field);
      field = '';
    } else if (!quoted && char === '\r' && text[i + 1] === '\n') {
      records.push([...record, field]);
      record = [];
      field = '';
      i += 1;
    } else {
      field += char;
    }
  }
  return records;
};
/** The CSV as objects keyed by the header row. */
const csvObjects = (text: string) => {
  const [header, ...rows] = parseCsv(text);
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i]])));
};

beforeAll(async () => {
  app = await bootStrapi();
  await app.strapi.plugin('comments').service('settings').setOverrides(GENEROUS_LIMITS);
  await ensurePolicy(app);
  token = await createApiToken(app);
  superAdmin = await createAdmin(app, ['strapi-super-admin']);
  moderator = await createAdmin(app, ['comments-moderator']);
  editor = await createAdmin(app, ['strapi-editor']);
  articleId = (await createArticle(app)).documentId;
});
afterAll(async () => {
  await app?.stop();
});

describe('terms acceptances', () => {
  test('accepting twice leaves two rows with version and hash, both in /me/export; the profile holds the current version', async () => {
    const reader = await createSubscriber(app, token);
    expect((await acceptTerms(reader)).status).toBe(200);

    const rows = await acceptancesOf(reader.id);
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row).toMatchObject({ userDocumentId: reader.documentId, termsVersion: TERMS_VERSION });
      expect(row.policyHash).toMatch(/^[0-9a-f]{64}$/);
    }
    // The same wording gives the same hash.
    expect(rows[1].policyHash).toBe(rows[0].policyHash);

    const exported = await app.http().get('/api/comments/me/export').set(bearer(reader));
    expect(exported.status).toBe(200);
    expect(exported.body.data.termsAcceptances).toEqual(
      rows.map((row: any) => ({
        termsVersion: TERMS_VERSION,
        policyHash: row.policyHash,
        acceptedAt: new Date(row.acceptedAt).toISOString(),
      }))
    );
    const me = await app.http().get('/api/comments/me').set(bearer(reader));
    expect(me.body.data.terms).toMatchObject({ accepted: true, acceptedVersion: TERMS_VERSION });

    const audit = await auditList(`action=terms-accepted&user=${reader.documentId}`);
    expect(audit.status).toBe(200);
    expect(audit.body.data).toHaveLength(2);
    expect(audit.body.data[0]).toMatchObject({
      actor: { type: 'author', id: reader.id },
      user: { id: reader.id, documentId: reader.documentId },
      after: { termsVersion: TERMS_VERSION, policyHash: rows[0].policyHash },
    });
  });

  test('the hash follows the wording: the same version with changed rules gives another hash', async () => {
    const reader = await createSubscriber(app, token);
    const documents = app.strapi.documents('plugin::comments.community-policy' as never) as any;
    const policy = await documents.findFirst();
    const rules = [{ type: 'paragraph', children: [{ type: 'text', text: 'Be civil, and stay on topic.' }] }];
    await documents.update({ documentId: policy.documentId, data: { rules } });
    try {
      expect((await acceptTerms(reader)).status).toBe(200);
    } finally {
      await ensurePolicy(app);
    }
    const [first, second] = await acceptancesOf(reader.id);
    expect(second.termsVersion).toBe(first.termsVersion);
    expect(second.policyHash).not.toBe(first.policyHash);
  });

  test('a refused acceptance (stale version) stores no row and no audit', async () => {
    const reader = await createUser(app);
    const auditBefore = await app.strapi.db.query('plugin::comments.moderation-event').count();
    const res = await app
      .http()
      .post('/api/comments/me/terms')
      .set(bearer(reader))
      .send({ data: { version: '1999-01-01' } });
    expectErrorEnvelope(res, 400, 'TERMS_VERSION_MISMATCH');
    expect(await acceptancesOf(reader.id)).toEqual([]);
    expect(await app.strapi.db.query('plugin::comments.moderation-event').count()).toBe(auditBefore);
  });

  test('erasure deletes the acceptances; the audit keeps the pseudonymous id', async () => {
    const reader = await createSubscriber(app, token);
    expect((await app.http().delete('/api/comments/me').set(bearer(reader))).status).toBe(200);
    expect(await acceptancesOf(reader.id)).toEqual([]);
    const audit = await app.strapi.db
      .query('plugin::comments.moderation-event')
      .findMany({ where: { subjectUserId: reader.id, action: 'terms-accepted' } });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(reader.email);
  });
});

describe('settings changes', () => {
  test('a settings change appears in the audit list with the admin, before and after, and in its CSV', async () => {
    const before = await app.strapi.plugin('comments').service('settings').overrides();
    const after = { ...GENEROUS_LIMITS, editWindowMinutes: 20 };
    const put = await adminCall(app, superAdmin).put('/comments/moderation/settings', { data: after });
    expect(put.status).toBe(200);

    const list = await auditList('action=settings-changed');
    expect(list.status).toBe(200);
    expect(list.body.data.every((item: any) => item.action === 'settings-changed')).toBe(true);
    expect(list.body.data[0]).toMatchObject({
      action: 'settings-changed',
      actor: { type: 'moderator', id: superAdmin.id, name: expect.stringMatching(/Test/) },
      before,
      after,
      comment: null,
      user: null,
    });

    const csv = await adminCall(app, moderator).get(`${EXPORT}?action=settings-changed&actor=${superAdmin.id}`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="moderation-audit.csv"/);
    const rows = csvObjects(csv.text);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      event_id: list.body.data[0].documentId,
      action: 'settings-changed',
      actor_type: 'moderator',
      actor_id: String(superAdmin.id),
    });
    expect(JSON.parse(rows[0].after)).toEqual(after);
    expect(JSON.parse(rows[0].before)).toEqual(before);
  });

  test('a refused settings change (Moderator lacks the action) is not audited', async () => {
    const count = () =>
      app.strapi.db.query('plugin::comments.moderation-event').count({ where: { action: 'settings-changed' } });
    const before = await count();
    const res = await adminCall(app, moderator).put('/comments/moderation/settings', {
      data: { editWindowMinutes: 1 },
    });
    expectErrorEnvelope(res, 403);
    expect(await count()).toBe(before);
    expect((await app.strapi.plugin('comments').service('settings').overrides()).editWindowMinutes).toBe(20);
  });
});

describe('subscription syncs', () => {
  test('a sync is audited with the API token as actor, before and after status and expiry, and no email', async () => {
    const reader = await createSubscriber(app, token);
    const expiresAt = '2027-01-31T00:00:00.000Z';
    expect((await syncSubscription(app, token, { email: reader.email, status: 'cancelled', expiresAt })).status).toBe(
      200
    );

    const list = await auditList(`action=subscription-synced&user=${reader.documentId}`);
    expect(list.status).toBe(200);
    expect(list.body.data).toHaveLength(2);
    expect(list.body.data[0]).toMatchObject({
      actor: { type: 'api-token', id: expect.any(Number), name: expect.stringMatching(/^token_/) },
      user: { id: reader.id, documentId: reader.documentId },
      before: { status: 'active', expiresAt: null },
      after: { status: 'cancelled', expiresAt },
    });
    expect(list.body.data[1]).toMatchObject({ before: null, after: { status: 'active', expiresAt: null } });
    expect(JSON.stringify(list.body)).not.toContain(reader.email);

    const byActorType = await auditList(`actor=api-token&user=${reader.documentId}`);
    expect(byActorType.body.data.map((item: any) => item.documentId)).toEqual(
      list.body.data.map((item: any) => item.documentId)
    );
  });

  test('a sync for an email without an account is audited without a user', async () => {
    const from = new Date().toISOString();
    const email = `no-account-${Date.now()}@example.test`;
    expect((await syncSubscription(app, token, { email, status: 'active', expiresAt: null })).status).toBe(200);
    const list = await auditList(`action=subscription-synced&from=${encodeURIComponent(from)}`);
    expect(list.body.data).toHaveLength(1);
    expect(list.body.data[0]).toMatchObject({ user: null, before: null, after: { status: 'active' } });
    expect(JSON.stringify(list.body)).not.toContain(email);
  });
});

describe('filters and pagination', () => {
  let author: TestUser;
  let commentId: string;
  let start: string;

  beforeAll(async () => {
    start = new Date().toISOString();
    author = await createSubscriber(app, token);
    commentId = await postAndGetId(app, author, articleId, 'Audit me');
    expect((await hide(commentId, '=HYPERLINK("http://evil.example")')).status).toBe(200);
  });

  test('by comment: its history, newest first', async () => {
    const res = await auditList(`comment=${commentId}`);
    expect(res.status).toBe(200);
    expect(res.body.data.map((item: any) => item.action)).toEqual(['hide', 'posted']);
    expect(res.body.data[0]).toMatchObject({
      comment: commentId,
      actor: { type: 'moderator', id: moderator.id },
      user: { id: author.id, documentId: author.documentId },
      before: { status: 'visible' },
      after: { status: 'hidden' },
    });
    expect(res.body.meta.pagination).toEqual({ page: 1, pageSize: 25, pageCount: 1, total: 2 });
  });

  test('by admin id and by actor type', async () => {
    const byModerator = await auditList(`actor=${moderator.id}`);
    expect(byModerator.body.data.length).toBeGreaterThanOrEqual(1);
    for (const item of byModerator.body.data) expect(item.actor).toMatchObject({ type: 'moderator', id: moderator.id });

    const byAuthors = await auditList(`actor=author&user=${author.documentId}`);
    expect(byAuthors.body.data.map((item: any) => item.action).sort()).toEqual(['posted', 'terms-accepted']);
  });

  test('by date range: from and to with a time zone', async () => {
    const since = await auditList(`user=${author.documentId}&from=${encodeURIComponent(start)}`);
    expect(since.body.meta.pagination.total).toBe(4); // subscription, terms, posted, hide
    // The same instant as `start`, written with a +01:00 offset.
    const sameInstant = new Date(Date.parse(start) + 3600_000).toISOString().replace('Z', '+01:00');
    const none = await auditList(`user=${author.documentId}&to=2000-01-01T00:00:00Z`);
    expect(none.body).toEqual({ data: [], meta: { pagination: { page: 1, pageSize: 25, pageCount: 0, total: 0 } } });
    const offset = await auditList(`user=${author.documentId}&from=${encodeURIComponent(sameInstant)}`);
    expect(offset.body.meta.pagination.total).toBe(4);
  });

  test('pages are disjoint and newest first across pages', async () => {
    const first = await auditList(`user=${author.documentId}&pageSize=3`);
    const second = await auditList(`user=${author.documentId}&pageSize=3&page=2`);
    expect(first.body.meta.pagination).toEqual({ page: 1, pageSize: 3, pageCount: 2, total: 4 });
    expect(second.body.data).toHaveLength(1);
    const all = [...first.body.data, ...second.body.data];
    expect(all.map((item: any) => item.action)).toEqual(['hide', 'posted', 'terms-accepted', 'subscription-synced']);
    expect(new Set(all.map((item: any) => item.documentId)).size).toBe(4);
    const times = all.map((item: any) => Date.parse(item.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  test('an unknown user matches nothing', async () => {
    const res = await auditList('user=nosuchreader1');
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([]);
  });

  test('the CSV has the same rows, oldest first, and formula-like cells are kept as text', async () => {
    const res = await adminCall(app, moderator).get(`${EXPORT}?user=${author.documentId}`);
    expect(res.status).toBe(200);
    const rows = csvObjects(res.text);
    expect(rows.map((row) => row.action)).toEqual(['subscription-synced', 'terms-accepted', 'posted', 'hide']);
    expect(rows[3]).toMatchObject({
      comment_id: commentId,
      user_id: String(author.id),
      user_document_id: author.documentId,
      reason: `'=HYPERLINK("http://evil.example")`,
    });
    expect(res.text).not.toMatch(/(^|,)=HYPERLINK/m);
  });
});

describe('access', () => {
  test('Moderator and Super Admin: 200; Editor: 403; no token or a reader JWT: 401 — list and export', async () => {
    const reader = await createUser(app);
    for (const url of [AUDIT, EXPORT]) {
      expect((await adminCall(app, moderator).get(url)).status).toBe(200);
      expect((await adminCall(app, superAdmin).get(url)).status).toBe(200);
      expectErrorEnvelope(await adminCall(app, editor).get(url), 403);
      expectErrorEnvelope(await app.http().get(url), 401);
      expectErrorEnvelope(await app.http().get(url).set(bearer(reader)), 401);
    }
  });

  test.each([
    ['an unknown actor type', 'actor=robot'],
    ['admin id 0', 'actor=0'],
    ['an action that is not a name', 'action=DROP%20TABLE'],
    ['a comment that is not a documentId', 'comment=..%2Fx'],
    ['a user that is not a documentId', 'user=a%20b'],
    ['a date without a time zone', 'from=2026-01-01T00:00:00'],
    ['a date only', 'to=2026-01-01'],
    ['from after to', 'from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z'],
    ['page 0', 'page=0'],
    ['a page size over 100', 'pageSize=101'],
    ['an unknown parameter', 'sort=oldest'],
  ])('bad filters: %s → 400 in the envelope', async (_, query) => {
    const res = await auditList(query);
    expectErrorEnvelope(res, 400);
    expect(res.body.error.name).toBe('ValidationError');
  });

  test('the export refuses bad filters and paging parameters with 400 too', async () => {
    for (const query of ['actor=robot', 'from=yesterday', 'page=1']) {
      const res = await adminCall(app, moderator).get(`${EXPORT}?${query}`);
      expectErrorEnvelope(res, 400);
      expect(res.headers['content-type']).toMatch(/application\/json/);
    }
  });
});
