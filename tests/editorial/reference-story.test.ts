import fs from 'fs';
import path from 'path';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createApiToken, createUser } from '../helpers/auth';
import { expectErrorEnvelope } from '../helpers/envelope';
import { bearer, postComment, syncSubscription } from '../helpers/comments';
import { runSeed } from '../../src/seed';

let app: TestApp;
let firstRun: Awaited<ReturnType<typeof runSeed>>;
const SLUG = 'japan-foreign-minister-kyiv-north-korea';
const STORY_QUERY =
  `/api/articles?filters[slug][$eq]=${SLUG}` +
  '&populate[quotes][populate][speaker]=true&populate[figures][populate][breakdown]=true&populate[people]=true&populate[tags]=true';
const PLACEHOLDER = '[PLACEHOLDER]';

const SEEDS = path.join(__dirname, '..', '..', 'database', 'seeds');
/** The seed document the fixtures were made from, verbatim. */
const SOURCE = fs.readFileSync(path.join(SEEDS, 'reference-source.txt'), 'utf8');
const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join(SEEDS, name), 'utf8'));
const STORY = fixture('reference-story.json');
const POLICY = fixture('community-policy.json');

// The seed runs without the demo accounts first: the policy is then exactly what production gets.
beforeAll(async () => {
  app = await bootStrapi();
  firstRun = await runSeed(app.strapi, { demoAccounts: false });
});
afterAll(async () => {
  await app?.stop();
});

const countAll = async () => {
  const uids = [
    'api::article.article',
    'api::person.person',
    'api::quote.quote',
    'api::figure.figure',
    'api::tag.tag',
    'plugin::comments.community-policy',
    'admin::user',
    'plugin::users-permissions.user',
  ];
  return Object.fromEntries(
    await Promise.all(uids.map(async (uid) => [uid, await app.strapi.db.query(uid as never).count()]))
  );
};

test('a frontend renders the whole story from one request', async () => {
  const res = await app.http().get(STORY_QUERY);
  expect(res.status).toBe(200);
  expect(res.body.data).toHaveLength(1);
  const story = res.body.data[0];
  expect(story).toMatchObject({
    slug: SLUG,
    section: 'World',
    dateline: 'Kyiv',
    commenting: 'open',
    moderationRisk: 'normal',
  });
  expect(story.body).toHaveLength(21);
  expect(story.body[0].children[0].text).toMatch(/^Japan’s foreign minister arrived in Kyiv/);
  expect(story.people.map((p: any) => p.name).sort()).toEqual(
    [
      'Andrii Sybiha',
      'Donald Trump',
      'Olaf Scholz',
      'Serhii Popko',
      'Takeshi Iwaya',
      'Vladimir Putin',
      'Volodymyr Zelensky',
    ].sort()
  );
  expect(story.tags.map((t: any) => t.name).sort()).toEqual(['Japan', 'North Korea', 'Russia', 'Ukraine']);

  const quotes = story.quotes as any[];
  expect(quotes).toHaveLength(8);
  const sybiha = quotes.filter((q) => q.speaker?.name === 'Andrii Sybiha' && q.kind === 'direct');
  expect(sybiha.map((q) => q.text)).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^The deepening military-technical co-operation/),
      expect.stringMatching(/^Only strong and systematic support for Ukraine/),
    ])
  );
  expect(sybiha.every((q) => q.context === 'at a joint press conference alongside Mr Iwaya')).toBe(true);
  const zelensky = quotes.filter((q) => q.speaker?.name === 'Volodymyr Zelensky' && q.kind === 'direct');
  expect(zelensky.map((q) => q.text)).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^I don’t think Putin wants peace at all/),
      expect.stringMatching(/^For him, it destroys the political isolation/),
    ])
  );
  expect(quotes.find((q) => q.text === 'strong support')).toMatchObject({
    kind: 'partial',
    speaker: null,
    speakerBody: 'Japanese officials',
  });
  expect(quotes.find((q) => q.text.startsWith('to end this war'))).toMatchObject({
    medium: 'interview with Ukrainian Radio',
  });

  const figure = (label: RegExp) => (story.figures as any[]).find((f) => label.test(f.label));
  expect(figure(/North Korean troops/)).toMatchObject({
    display: 'up to 12,000',
    qualifier: 'up-to',
    attribution: 'US, South Korean and Ukrainian intelligence assessments',
  });
  expect(figure(/Shahed drones/)).toMatchObject({
    display: '83',
    consistency: { status: 'inconsistent', breakdownKind: 'complete', total: 83, breakdownTotal: 85, difference: 2 },
  });
  expect(figure(/Ukrainian drones/)).toMatchObject({
    display: '35',
    consistency: { status: 'consistent', breakdownKind: 'partial', total: 35, breakdownTotal: 31 },
  });
  expect(figure(/over Kyiv/)).toMatchObject({
    display: 'up to 12',
    attribution: expect.stringMatching(/Serhii Popko/),
  });
  expect(figure(/phone/)).toMatchObject({ display: 'nearly 2', unit: 'years' });
});

test('figures carry display and consistency on their own endpoint and inside a quote, even without the breakdown populated', async () => {
  const own = await app.http().get('/api/figures?filters[label][$contains]=Shahed');
  expect(own.body.data[0]).toMatchObject({ display: '83', consistency: { status: 'inconsistent' } });
  expect(own.body.data[0].breakdown).toBeUndefined();

  const inArticle = await app.http().get(`/api/articles?filters[slug][$eq]=${SLUG}&populate[figures]=true`);
  const shahed = inArticle.body.data[0].figures.find((f: any) => /Shahed/.test(f.label));
  expect(shahed.consistency).toMatchObject({ status: 'inconsistent', breakdownTotal: 85 });

  // A quote that cites a figure: link one through the Document Service as an editor would.
  const quote = await app.strapi
    .documents('api::quote.quote')
    .findFirst({ filters: { text: { $startsWith: 'Only strong' } } });
  const figureDoc = await app.strapi
    .documents('api::figure.figure')
    .findFirst({ filters: { label: { $contains: 'Ukrainian drones' } } });
  await app.strapi
    .documents('api::quote.quote')
    .update({ documentId: quote!.documentId, data: { figures: [figureDoc!.documentId] } as never });
  await app.strapi.documents('api::quote.quote').publish({ documentId: quote!.documentId });
  const inQuote = await app.http().get(`/api/quotes/${quote!.documentId}?populate[figures]=true`);
  expect(inQuote.body.data.figures[0]).toMatchObject({ display: '35', consistency: { status: 'consistent' } });
});

test('a frontend lists one person’s published quotes across stories, newest first, paginated', async () => {
  const res = await app
    .http()
    .get(
      '/api/quotes?filters[speaker][slug][$eq]=volodymyr-zelensky&sort[0]=saidOn:desc&sort[1]=id:asc&pagination[pageSize]=2&populate=speaker'
    );
  expect(res.status).toBe(200);
  expect(res.body.meta.pagination).toMatchObject({ page: 1, pageSize: 2, total: 3, pageCount: 2 });
  expect(res.body.data.every((q: any) => q.speaker.slug === 'volodymyr-zelensky')).toBe(true);
  // Undated quotes sort first on PostgreSQL and last on SQLite; the dated ones come newest first.
  const all = await app
    .http()
    .get('/api/quotes?filters[speaker][slug][$eq]=volodymyr-zelensky&sort[0]=saidOn:desc&pagination[pageSize]=10');
  const dates = all.body.data.map((q: any) => q.saidOn).filter(Boolean);
  expect(dates).toEqual([...dates].sort().reverse());
  expect(dates).toContain('2024-11-16');
});

// --- Faithful seed: the fixtures against the seed document -------------------------------------

// Values that are the editors' classification of the source, never its words: always marked.
const CLASSIFICATIONS = new Set(['kind', 'qualifier', 'breakdownKind', 'commenting', 'moderationRisk']);
// Fixture keys and links to other fixture records (each marks its own values).
const LINKS = new Set(['key', 'editorialAdditions', 'speaker', 'people', 'quotes']);

const flipFirst = (text: string) =>
  text[0] === text[0].toUpperCase() ? text[0].toLowerCase() + text.slice(1) : text[0].toUpperCase() + text.slice(1);
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Verbatim; for a label made from the middle of a sentence, with only its first letter's case changed. */
const textInSource = (text: string, strict: boolean) =>
  SOURCE.includes(text) || (!strict && SOURCE.includes(flipFirst(text)));

/** A number as the source writes it: "12000" is its "12,000", and "12" is not the start of "12,000". */
const numberInSource = (value: string) => {
  const written = escapeRegExp(Number(value).toLocaleString('en-GB'));
  return new RegExp(`(?<![\\d.,])${written}(?!\\d|[.,]\\d)`).test(SOURCE);
};

/** Every seeded value of a record as `path` → value: `title`, `paragraphs[3]`, `breakdown[1].label`. */
const leaves = (value: unknown, at = ''): Array<[string, unknown]> => {
  if (Array.isArray(value)) return value.flatMap((item, index) => leaves(item, `${at}[${index}]`));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([field, inner]) => leaves(inner, at ? `${at}.${field}` : field));
  return [[at, value]];
};
const topField = (leafPath: string) => leafPath.split(/[.[]/)[0];
const lastField = (leafPath: string) =>
  leafPath
    .replace(/\[\d+\]$/, '')
    .split('.')
    .pop() as string;

/** The paths of a record's values that are neither in the source nor marked as editorial additions. */
const unmarkedValues = (record: Record<string, any>, strict = false): string[] => {
  const marked = record.editorialAdditions ?? {};
  return leaves(record)
    .filter(([leafPath, value]) => {
      if (LINKS.has(topField(leafPath)) || value === null) return false;
      if (marked[leafPath] || marked[topField(leafPath)]) return false;
      if (CLASSIFICATIONS.has(lastField(leafPath))) return true;
      if (lastField(leafPath) === 'value') return !numberInSource(String(value));
      return !textInSource(String(value), strict);
    })
    .map(([leafPath]) => leafPath);
};

/** Marks that name no value of the record, or give no reason: stale or empty entries. */
const staleMarks = (record: Record<string, any>): string[] => {
  const paths = new Set(leaves({ ...record, editorialAdditions: undefined }).flatMap(([p]) => [p, topField(p)]));
  return Object.entries(record.editorialAdditions ?? {})
    .filter(([field, why]) => !paths.has(field) || typeof why !== 'string' || (why as string).length < 10)
    .map(([field]) => field);
};

// How the seeder names each kind of record in its list of additions.
const SEEDED_AS = { tags: 'tag', people: 'person', quotes: 'quote', figures: 'figure' } as const;

const storyRecords = (): Array<[string, Record<string, any>]> => [
  ...(['tags', 'people', 'quotes', 'figures'] as const).flatMap((kind) =>
    (STORY[kind] as any[]).map((record): [string, Record<string, any>] => [`${SEEDED_AS[kind]} ${record.key}`, record])
  ),
  [`article ${STORY.article.slug}`, STORY.article],
];

const textsOf = (blocks: any): string[] =>
  leaves(blocks)
    .filter(([leafPath]) => leafPath.endsWith('.text'))
    .map(([, text]) => String(text));

test('every value of the story fixture is in the seed document or marked as an editorial addition, field by field', () => {
  for (const [name, record] of storyRecords()) {
    expect({ name, marked: typeof record.editorialAdditions }).toEqual({ name, marked: 'object' });
    expect({ name, unmarked: unmarkedValues(record) }).toEqual({ name, unmarked: [] });
    expect({ name, stale: staleMarks(record) }).toEqual({ name, stale: [] });
  }
  // The story itself is the source's paragraphs, word for word, and none of them is marked.
  for (const text of STORY.article.paragraphs as string[]) expect(SOURCE.split('\n')).toContain(text);
  expect(Object.keys(STORY.article.editorialAdditions).filter((field) => field.startsWith('paragraphs'))).toEqual([]);
  for (const quote of STORY.quotes as any[])
    expect({ quote: quote.text, verbatim: SOURCE.includes(quote.text) }).toEqual({ quote: quote.text, verbatim: true });
  // The check bites: the headline, the byline and a date are not in the source.
  const { editorialAdditions: _, ...unmarkedArticle } = STORY.article;
  expect(unmarkedValues({ ...unmarkedArticle, editorialAdditions: {} })).toEqual(
    expect.arrayContaining(['title', 'byline', 'originallyPublishedAt', 'commenting'])
  );
  expect(unmarkedValues({ ...STORY.people[0], role: 'Japan’s prime minister' })).toEqual(['role']);
});

test('the policy fixture holds the seed document’s own text only, and no house rules of its own making', () => {
  const texts = [
    POLICY.title,
    POLICY.whySubscribersOnlyTitle,
    ...POLICY.whySubscribersOnly,
    POLICY.liabilityNotice,
    POLICY.moderationStatement,
    POLICY.moderationHoursText,
  ];
  for (const text of texts) expect({ text, verbatim: SOURCE.includes(text) }).toEqual({ text, verbatim: true });
  // The seed document only links to its rules: what stands in is one marked placeholder, no rule.
  expect(POLICY.rules).toHaveLength(1);
  expect(POLICY.rules[0]).toMatch(/^\[PLACEHOLDER\] Not the paper’s text\./);
  expect(POLICY.rules[0]).toContain('Read the rules here');
  expect(Object.keys(POLICY.editorialAdditions).sort()).toEqual(['lastUpdated', 'rules', 'termsVersion']);
  expect(unmarkedValues(POLICY, true)).toEqual([]);
  expect(staleMarks(POLICY)).toEqual([]);
});

test('the seeder lists the editorial additions of what it created, so editors can review them', () => {
  const marks = [
    ...storyRecords().map(([name, record]) => [name, record] as const),
    ['community policy', POLICY] as const,
  ].flatMap(([name, record]) =>
    Object.entries(record.editorialAdditions).map(([field, why]) => `${name} ${field}: ${why}`)
  );
  expect(marks.length).toBeGreaterThan(50);
  expect([...firstRun.editorialAdditions].sort()).toEqual(marks.sort());
  expect(firstRun.editorialAdditions).toContain(`article ${SLUG} title: ${STORY.article.editorialAdditions.title}`);
});

test('the seeded story and people are the fixture’s values, so the fixture’s marks describe what readers get', async () => {
  const story = (await app.http().get(STORY_QUERY)).body.data[0];
  const { editorialAdditions: _, paragraphs, tags, people, quotes, figures, ...article } = STORY.article;
  expect(story).toMatchObject(article);
  for (const { key, editorialAdditions: __, ...person } of STORY.people as any[])
    expect(story.people.find((p: any) => p.slug === key)).toMatchObject(person);
  for (const { key, editorialAdditions: __, speaker, ...quote } of STORY.quotes as any[])
    expect(story.quotes.find((q: any) => q.text === quote.text)).toMatchObject({
      ...quote,
      speaker: speaker ? { slug: speaker } : null,
    });
  for (const { key, editorialAdditions: __, value, breakdown, ...figure } of STORY.figures as any[])
    expect(story.figures.find((f: any) => f.label === figure.label)).toMatchObject(figure);
});

test('the served policy is the seed document’s text; its rules are the marked placeholder', async () => {
  const res = await app.http().get('/api/comments/policy');
  expect(res.status).toBe(200);
  const policy = res.body.data;
  expect(policy).toMatchObject({
    title: POLICY.title,
    whySubscribersOnlyTitle: POLICY.whySubscribersOnlyTitle,
    liabilityNotice: POLICY.liabilityNotice,
    moderationStatement: POLICY.moderationStatement,
    termsVersion: POLICY.termsVersion,
    lastUpdated: POLICY.lastUpdated,
    moderation: { hoursText: POLICY.moderationHoursText },
  });
  expect(textsOf(policy.whySubscribersOnly)).toEqual(POLICY.whySubscribersOnly);
  expect(textsOf(policy.rules)).toEqual(POLICY.rules);
  expect(textsOf(policy.rules).every((text) => text.startsWith(PLACEHOLDER))).toBe(true);
});

test('while the rules are a placeholder nobody can accept the terms or comment (POLICY_INCOMPLETE), and nothing is stored', async () => {
  const token = await createApiToken(app);
  const reader = await createUser(app);
  expect((await syncSubscription(app, token, { email: reader.email, status: 'active', expiresAt: null })).status).toBe(
    200
  );
  const me = await app.http().get('/api/comments/me').set(bearer(reader));
  expect(me.body.data).toMatchObject({
    canComment: false,
    reason: 'POLICY_INCOMPLETE',
    subscription: { active: true },
  });

  const terms = await app
    .http()
    .post('/api/comments/me/terms')
    .set(bearer(reader))
    .send({ data: { version: POLICY.termsVersion } });
  expectErrorEnvelope(terms, 403, 'POLICY_INCOMPLETE');
  expect(terms.body.error.details.fields).toEqual(['rules']);

  const article = await app.strapi.documents('api::article.article').findFirst({ filters: { slug: SLUG } });
  const comments = () => app.strapi.db.query('plugin::comments.comment').count();
  const before = await comments();
  expectErrorEnvelope(
    await postComment(app, reader, article!.documentId, 'A first comment on the story.'),
    403,
    'POLICY_INCOMPLETE'
  );
  expect(await comments()).toBe(before);
  const after = await app.http().get('/api/comments/me').set(bearer(reader));
  expect(after.body.data.terms).toMatchObject({ accepted: false, acceptedVersion: null });
});

describe('with the demo accounts (npm run demo)', () => {
  let demoRun: Awaited<ReturnType<typeof runSeed>>;
  beforeAll(async () => {
    demoRun = await runSeed(app.strapi, { demoAccounts: true });
  });

  test('the placeholder gives way to demo rules, labelled as not the paper’s; the paper’s texts stay as they were', async () => {
    const policy = (await app.http().get('/api/comments/policy')).body.data;
    const rules = textsOf(policy.rules);
    expect(rules[0]).toMatch(/^DEMO RULES, not the paper’s/);
    expect(rules).toEqual([fixture('demo-rules.json').notice, ...fixture('demo-rules.json').rules]);
    expect(rules.some((text) => text.includes(PLACEHOLDER))).toBe(false);
    expect(policy).toMatchObject({ liabilityNotice: POLICY.liabilityNotice, termsVersion: POLICY.termsVersion });
  });

  test('the seeder is idempotent: a second run creates nothing and duplicates nothing', async () => {
    expect(firstRun.tallies['api::article.article']).toEqual({ created: 1, unchanged: 0 });
    expect(firstRun.tallies['api::person.person'].created).toBe(7);
    expect(firstRun.tallies['api::quote.quote'].created).toBe(8);
    expect(firstRun.tallies['api::figure.figure'].created).toBe(6);
    expect(firstRun.tallies['plugin::comments.community-policy']).toEqual({ created: 1, unchanged: 0 });
    expect(demoRun.tallies['api::article.article']).toEqual({ created: 0, unchanged: 1 });
    expect(demoRun.tallies['demo:rules']).toEqual({ created: 1, unchanged: 0 });
    expect(demoRun.editorialAdditions).toEqual([]);
    const before = await countAll();
    const again = await runSeed(app.strapi, { demoAccounts: true });
    for (const [kind, tally] of Object.entries(again.tallies))
      expect({ kind, created: tally.created }).toEqual({ kind, created: 0 });
    expect(await countAll()).toEqual(before);
  });

  test('the demo accounts work: the subscriber may comment, the reader may not, the admin logs in', async () => {
    const login = (identifier: string, password: string) =>
      app.http().post('/api/auth/local').send({ identifier, password });
    const subscriber = await login('subscriber@newsroom.local', 'Demo-Subscriber-2026');
    expect(subscriber.status).toBe(200);
    const me = await app.http().get('/api/comments/me').set('Authorization', `Bearer ${subscriber.body.jwt}`);
    expect(me.body.data).toMatchObject({ canComment: true, displayName: 'Demo Subscriber' });
    const story = await app.strapi.documents('api::article.article').findFirst({ filters: { slug: SLUG } });
    const comment = await app
      .http()
      .post(`/api/comments/threads/${story!.documentId}`)
      .set('Authorization', `Bearer ${subscriber.body.jwt}`)
      .send({ data: { body: 'A comment from the demo subscriber.' } });
    expect(comment.status).toBe(201);
    const reader = await login('reader@newsroom.local', 'Demo-Reader-2026');
    const readerMe = await app.http().get('/api/comments/me').set('Authorization', `Bearer ${reader.body.jwt}`);
    expect(readerMe.body.data).toMatchObject({ canComment: false, reason: 'SUBSCRIPTION_REQUIRED' });
    expect(
      (await app.http().post('/admin/login').send({ email: 'admin@newsroom.local', password: 'Demo-Admin-2026' }))
        .status
    ).toBe(200);
  });

  test('demo accounts are refused in production', async () => {
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await expect(runSeed(app.strapi, { demoAccounts: true })).rejects.toThrow(/production/);
    } finally {
      process.env.NODE_ENV = previous;
    }
  });
});
