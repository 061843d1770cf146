import { bootStrapi, type TestApp } from '../helpers/strapi';
import { runSeed } from '../../src/seed';

let app: TestApp;
let firstRun: Awaited<ReturnType<typeof runSeed>>;
const SLUG = 'japan-foreign-minister-kyiv-north-korea';
const STORY_QUERY =
  `/api/articles?filters[slug][$eq]=${SLUG}` +
  '&populate[quotes][populate][speaker]=true&populate[figures][populate][breakdown]=true&populate[people]=true&populate[tags]=true';

beforeAll(async () => {
  app = await bootStrapi();
  firstRun = await runSeed(app.strapi, { demoAccounts: true });
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

test('the seeder is idempotent: a second run creates nothing and duplicates nothing', async () => {
  expect(firstRun['api::article.article']).toEqual({ created: 1, unchanged: 0 });
  expect(firstRun['api::person.person'].created).toBe(7);
  expect(firstRun['api::quote.quote'].created).toBe(8);
  expect(firstRun['api::figure.figure'].created).toBe(6);
  const before = await countAll();
  const second = await runSeed(app.strapi, { demoAccounts: true });
  for (const [kind, tally] of Object.entries(second))
    expect({ kind, created: tally.created }).toEqual({ kind, created: 0 });
  expect(await countAll()).toEqual(before);
});

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

test('the community policy is seeded from the reference document', async () => {
  const res = await app.http().get('/api/comments/policy');
  expect(res.body.data).toMatchObject({
    title: 'Comments & Moderation',
    whySubscribersOnlyTitle: 'Why are you making commenting on The Herald only available to subscribers?',
    termsVersion: '2024-11-16',
    moderation: {
      hoursText:
        'Post moderation is undertaken full-time 9am-6pm on weekdays, and on a part-time basis outwith those hours.',
    },
  });
  expect(res.body.data.liabilityNotice).toMatch(/personally liable/);
  expect(res.body.data.moderationStatement).toMatch(/report this post/);
});

test('the demo accounts work: the subscriber may comment, the reader may not, the admin logs in', async () => {
  const login = (identifier: string, password: string) =>
    app.http().post('/api/auth/local').send({ identifier, password });
  const subscriber = await login('subscriber@newsroom.local', 'Demo-Subscriber-2026');
  expect(subscriber.status).toBe(200);
  const me = await app.http().get('/api/comments/me').set('Authorization', `Bearer ${subscriber.body.jwt}`);
  expect(me.body.data).toMatchObject({ canComment: true, displayName: 'Demo Subscriber' });
  const reader = await login('reader@newsroom.local', 'Demo-Reader-2026');
  const readerMe = await app.http().get('/api/comments/me').set('Authorization', `Bearer ${reader.body.jwt}`);
  expect(readerMe.body.data).toMatchObject({ canComment: false, reason: 'SUBSCRIPTION_REQUIRED' });
  expect(
    (await app.http().post('/admin/login').send({ email: 'admin@newsroom.local', password: 'Demo-Admin-2026' })).status
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
