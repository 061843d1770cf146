import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, createApiToken, type TestAdmin } from '../helpers/auth';
import { expectErrorEnvelope } from '../helpers/envelope';
import { createArticle, createSubscriber, ensurePolicy } from '../helpers/comments';
import { QUEUE_ONLY_SETTINGS, adminCall, overrideSettings, postAndGetId, reportBy } from '../helpers/moderation';

/** The queue's search and filters, and the story picker, on SQLite (LIKE) and PostgreSQL (full-text index). */

let app: TestApp;
let mod: ReturnType<typeof adminCall>;
let harbour: string;
let budget: string;
const ids: Record<string, string> = {};

const COMMENT = 'plugin::comments.comment';

/** Moves a comment's posting time, for the date range. */
const postedAt = async (documentId: string, at: string) => {
  const { tableName, attributes } = app.strapi.db.metadata.get(COMMENT);
  const column = (attribute: string) => (attributes[attribute] as { columnName?: string }).columnName ?? attribute;
  await app.strapi.db
    .connection(tableName)
    .where({ [column('documentId')]: documentId })
    .update({ [column('createdAt')]: new Date(at) });
};

/** The bodies the queue answers for these filters (all queues, oldest first), checking the total agrees. */
const bodies = async (filters: Record<string, string>) => {
  const query = new URLSearchParams({ queue: 'all', sort: 'oldest', pageSize: '100', ...filters });
  const res = await mod.get(`/comments/moderation/queue?${query}`);
  expect(res.status).toBe(200);
  expect(res.body.meta.pagination.total).toBe(res.body.data.length);
  return (res.body.data as Array<{ body: string }>).map((row) => row.body);
};

const stories = async (query: string) => {
  const res = await mod.get(`/comments/moderation/stories?${query}`);
  expect(res.status).toBe(200);
  return (res.body.data as Array<{ title: string }>).map((story) => story.title);
};

beforeAll(async () => {
  app = await bootStrapi();
  await overrideSettings(app, QUEUE_ONLY_SETTINGS);
  await ensurePolicy(app);
  const token = await createApiToken(app);
  const moderator: TestAdmin = await createAdmin(app, ['comments-moderator']);
  mod = adminCall(app, moderator);
  const harriet = await createSubscriber(app, token, { displayName: 'Harriet Vane' });
  const tom = await createSubscriber(app, token, { displayName: 'Tom_W' });
  const wexford = await createSubscriber(app, token, { displayName: 'Tom Wexford' });
  harbour = (await createArticle(app, { title: 'Harbour bridge plans' })).documentId;
  budget = (await createArticle(app, { title: 'Budget 100% review' })).documentId;
  await createArticle(app, { title: 'Budget 1000 days' });
  await createArticle(app, { title: 'Harbour draft' }, 'draft');

  const post = async (key: string, author: typeof harriet, story: string, body: string) => {
    ids[key] = await postAndGetId(app, author, story, body);
  };
  await post('tolls', harriet, harbour, 'The bridge tolls are outrageous');
  await post('percent', harriet, budget, 'Cuts hit 100% of schools, axb');
  await post('underscore', tom, harbour, 'See the a_b clause');
  await post('ferry', wexford, harbour, 'A ferry beats any Bridge');
  await post('unreported', wexford, budget, 'Nobody reported this bridge remark');
  await reportBy(app, ids.tolls, 1, 'abusive');
  await reportBy(app, ids.percent, 1, 'spam');
  await reportBy(app, ids.underscore, 1, 'off-topic', 'new-account');
  await reportBy(app, ids.ferry, 1, 'abusive', 'new-account');
  await postedAt(ids.tolls, '2024-01-10T12:00:00Z');
  await postedAt(ids.ferry, '2024-02-20T12:00:00Z');
});
afterAll(async () => {
  await app?.stop();
});

describe('full-text search over bodies (q)', () => {
  test('finds a word in any case, needs every word, and only among queue items', async () => {
    expect(await bodies({ q: 'bridge' })).toEqual(['The bridge tolls are outrageous', 'A ferry beats any Bridge']);
    expect(await bodies({ q: 'BRIDGE tolls' })).toEqual(['The bridge tolls are outrageous']);
    expect(await bodies({ q: '  outrageous  ' })).toEqual(['The bridge tolls are outrageous']);
    // The start of a word is enough (a prefix on PostgreSQL, a substring on SQLite).
    expect(await bodies({ q: 'outrag' })).toEqual(['The bridge tolls are outrageous']);
  });

  test('% and _ are not wildcards', async () => {
    expect(await bodies({ q: '100%' })).toEqual(['Cuts hit 100% of schools, axb']);
    expect(await bodies({ q: 'a_b' })).toEqual(['See the a_b clause']);
  });

  test('nothing found is an empty page with a zero total', async () => {
    const res = await mod.get('/comments/moderation/queue?q=zeppelin');
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([]);
    expect(res.body.meta.pagination).toMatchObject({ total: 0, pageCount: 0 });
    // The tabs still count the whole queues.
    expect(res.body.meta.counts.reported).toBe(4);
  });
});

describe('filters', () => {
  test('author: part of the display name, any case, % and _ taken literally', async () => {
    expect(await bodies({ author: 'harr' })).toEqual([
      'The bridge tolls are outrageous',
      'Cuts hit 100% of schools, axb',
    ]);
    expect(await bodies({ author: 'VANE' })).toHaveLength(2);
    expect(await bodies({ author: 'm_w' })).toEqual(['See the a_b clause']);
    expect(await bodies({ author: '%' })).toEqual([]);
    expect(await bodies({ author: 'nobody' })).toEqual([]);
  });

  test('story, reason and trust', async () => {
    expect(await bodies({ article: budget })).toEqual(['Cuts hit 100% of schools, axb']);
    expect(await bodies({ reason: 'abusive' })).toEqual([
      'The bridge tolls are outrageous',
      'A ferry beats any Bridge',
    ]);
    expect(await bodies({ trust: 'trusted' })).toEqual([
      'The bridge tolls are outrageous',
      'Cuts hit 100% of schools, axb',
    ]);
    expect(await bodies({ trust: 'untrusted' })).toEqual(['A ferry beats any Bridge', 'See the a_b clause']);
  });

  test('date range on the posting time, bounds included', async () => {
    expect(await bodies({ from: '2024-01-01T00:00:00Z', to: '2024-01-31T23:59:59Z' })).toEqual([
      'The bridge tolls are outrageous',
    ]);
    expect(await bodies({ to: '2024-02-20T12:00:00Z' })).toHaveLength(2);
    expect(await bodies({ from: '2024-02-20T12:00:00Z', to: '2024-02-20T12:00:00Z' })).toEqual([
      'A ferry beats any Bridge',
    ]);
  });

  test('combined, every filter narrows', async () => {
    expect(
      await bodies({
        q: 'bridge',
        article: harbour,
        author: 'wexford',
        reason: 'abusive',
        trust: 'untrusted',
        from: '2024-02-01T00:00:00Z',
      })
    ).toEqual(['A ferry beats any Bridge']);
    expect(await bodies({ q: 'bridge', trust: 'trusted', queue: 'reported' })).toEqual([
      'The bridge tolls are outrageous',
    ]);
    expect(await bodies({ q: 'bridge', author: 'harriet', article: budget })).toEqual([]);
    // Paged: the total is the filtered total, not the queue's.
    const res = await mod.get(`/comments/moderation/queue?queue=reported&article=${harbour}&pageSize=1&page=2`);
    expect(res.body.meta.pagination).toEqual({ page: 2, pageSize: 1, pageCount: 3, total: 3 });
    expect(res.body.data).toHaveLength(1);
  });

  test('bad values are 400 in Strapi’s envelope', async () => {
    for (const query of [
      'q=',
      'q=%25%25',
      `q=${'x'.repeat(201)}`,
      'author=',
      `author=${'x'.repeat(101)}`,
      'trust=somewhat',
      'article=a%20b',
      'from=2024-02-01T00:00:00Z&to=2024-01-01T00:00:00Z',
      'search=bridge',
    ]) {
      expectErrorEnvelope(await mod.get(`/comments/moderation/queue?${query}`), 400);
    }
  });
});

describe('the story picker', () => {
  test('published stories by part of the title, any case, % taken literally; one by documentId; the latest without q', async () => {
    expect(await stories('q=harb')).toEqual(['Harbour bridge plans']);
    expect((await stories('q=BUDGET')).sort()).toEqual(['Budget 100% review', 'Budget 1000 days']);
    expect(await stories('q=100%25')).toEqual(['Budget 100% review']);
    expect(await stories('q=nothing-like-it')).toEqual([]);
    expect(await stories(`documentId=${budget}`)).toEqual(['Budget 100% review']);
    const latest = await stories('');
    expect(latest.slice(0, 3)).toEqual(['Budget 1000 days', 'Budget 100% review', 'Harbour bridge plans']);
    expect(latest).not.toContain('Harbour draft');
    const res = await mod.get(`/comments/moderation/stories?documentId=${harbour}`);
    expect(res.body.data).toEqual([
      { type: 'api::article.article', documentId: harbour, title: 'Harbour bridge plans' },
    ]);
  });

  test('bad values are 400; an editor without the moderation permission gets 403', async () => {
    expectErrorEnvelope(await mod.get('/comments/moderation/stories?q=%25'), 400);
    expectErrorEnvelope(await mod.get('/comments/moderation/stories?title=x'), 400);
    const editor = await createAdmin(app, ['strapi-editor']);
    expectErrorEnvelope(await adminCall(app, editor).get('/comments/moderation/stories?q=harb'), 403);
    expectErrorEnvelope(await adminCall(app, editor).get('/comments/moderation/queue?q=bridge'), 403);
  });
});

test('PostgreSQL searches through a GIN index on the body’s text vector; SQLite (LIKE) has no such index', async () => {
  const knex = app.strapi.db.connection;
  if (app.strapi.db.dialect.client === 'postgres') {
    const { rows } = await knex.raw('SELECT indexdef FROM pg_indexes WHERE indexname = ?', [
      'comments_body_search_idx',
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0].indexdef).toMatch(/USING gin \(to_tsvector\('simple'::regconfig, COALESCE\(body, ''::text\)\)\)/);
  } else {
    const rows = await knex.raw("SELECT name FROM sqlite_master WHERE type = 'index' AND name = ?", [
      'comments_body_search_idx',
    ]);
    expect(rows).toEqual([]);
  }
});
