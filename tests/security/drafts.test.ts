import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, createApiToken, createUser } from '../helpers/auth';
import { expectErrorEnvelope } from '../helpers/envelope';

let app: TestApp;
let token: string;
let readOnlyToken: string;
let readerJwt: string;
const ids: Record<string, string> = {};

// Words that exist only in drafts: no reader may ever see one of them.
const DRAFT_WORDS = [
  'Unpublished scoop',
  'Secret Source',
  'Secret words',
  'Secret figure',
  'draft rename',
  'Draft-only link',
];

const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });
const STORY = { standfirst: 'Standfirst.', body: [paragraph('Body.')], section: 'World' };

const api = (path: string, bearer?: string) => {
  const req = app.http().get(path);
  return bearer ? req.set('Authorization', `Bearer ${bearer}`) : req;
};

/** Creates through REST with the editors' API token; `draft` keeps it unpublished. */
const create = async (plural: string, data: Record<string, unknown>, draft = false) => {
  const res = await app
    .http()
    .post(`/api/${plural}${draft ? '?status=draft' : ''}`)
    .set('Authorization', `Bearer ${token}`)
    .send({ data });
  if (res.status !== 201) throw new Error(`create ${plural}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.documentId as string;
};

const updateDraft = (plural: string, documentId: string, data: Record<string, unknown>) =>
  app.http().put(`/api/${plural}/${documentId}?status=draft`).set('Authorization', `Bearer ${token}`).send({ data });

beforeAll(async () => {
  app = await bootStrapi();
  await createAdmin(app, ['strapi-editor']);
  token = await createApiToken(app);
  readOnlyToken = await createApiToken(app, { type: 'read-only' });
  readerJwt = (await createUser(app)).jwt;

  // Never published: a story, its source, a quote and a figure.
  ids.secretPerson = await create('people', { name: 'Secret Source' }, true);
  ids.secretFigure = await create('figures', { label: 'Secret figure', value: 7, attribution: 'Drafts' }, true);
  ids.secretQuote = await create(
    'quotes',
    { text: 'Secret words', kind: 'direct', speaker: ids.secretPerson, figures: [ids.secretFigure] },
    true
  );
  ids.draftArticle = await create(
    'articles',
    { ...STORY, title: 'Unpublished scoop', people: [ids.secretPerson], quotes: [ids.secretQuote] },
    true
  );
  // Published, then changed in draft only: readers keep seeing the published version.
  ids.publicPerson = await create('people', { name: 'Public Person' });
  ids.published = await create('articles', { ...STORY, title: 'Published story', people: [ids.publicPerson] });
  expect((await updateDraft('people', ids.publicPerson, { name: 'Public Person draft rename' })).status).toBe(200);
  ids.linkOnlyPerson = await create('people', { name: 'Draft-only link' }, true);
  const relinked = await updateDraft('articles', ids.published, { people: [ids.publicPerson, ids.linkOnlyPerson] });
  expect(relinked.status).toBe(200);
  // Tags have no draft & publish, so they link to draft rows too.
  await app.strapi
    .documents('api::tag.tag')
    .create({ data: { name: 'Scoops', articles: [ids.draftArticle] } as never });
});
afterAll(async () => {
  await app?.stop();
});

const vectors = () => [
  ...['articles', 'people', 'quotes', 'figures', 'tags'].flatMap((plural) => [
    `/api/${plural}?status=draft`,
    `/api/${plural}?status=draft&populate=*`,
    `/api/${plural}?filters[publishedAt][$null]=true`,
    `/api/${plural}?status=draft&filters[publishedAt][$null]=true`,
    `/api/${plural}?hasPublishedVersion=false`,
    `/api/${plural}?publicationState=preview`,
    `/api/${plural}?status=draft&pagination[pageSize]=100`,
  ]),
  `/api/articles/${ids.draftArticle}`,
  `/api/articles/${ids.draftArticle}?status=draft`,
  `/api/articles?filters[documentId][$eq]=${ids.draftArticle}`,
  `/api/articles?filters[title][$eq]=Unpublished%20scoop&status=draft`,
  `/api/articles?status=draft&lookup[title]=Unpublished%20scoop`,
  `/api/people/${ids.secretPerson}?status=draft`,
  `/api/quotes/${ids.secretQuote}?status=draft&populate=*`,
  `/api/figures/${ids.secretFigure}?status=draft`,
  `/api/people?filters[name][$eq]=Secret%20Source`,
  `/api/people/${ids.publicPerson}?status=draft`,
  `/api/people?filters[name][$contains]=rename&status=draft`,
  `/api/articles/${ids.published}?populate=*`,
  `/api/articles/${ids.published}?status=draft&populate[people]=true`,
  `/api/articles?populate[people][populate][quotes][populate]=*`,
  `/api/tags?populate[articles][populate]=*`,
  `/api/tags?populate[articles][populate]=people&status=draft`,
  `/api/quotes?populate=speaker&status=draft`,
  `/api/figures?populate[quotes][populate]=speaker&status=draft`,
];

describe.each(['anonymous', 'a logged-in reader'])('%s', (who) => {
  const jwt = () => (who === 'anonymous' ? undefined : readerJwt);

  test('sees no draft through status, filters, populate or lookup', async () => {
    for (const url of vectors()) {
      const res = await api(url, jwt());
      expect([200, 400, 404]).toContain(res.status);
      if (res.status !== 200) expectErrorEnvelope(res, res.status);
      const text = JSON.stringify(res.body);
      for (const word of DRAFT_WORDS) expect({ url, leaked: text.includes(word) }).toEqual({ url, leaked: false });
    }
  });

  test('every listed document is a published one', async () => {
    for (const plural of ['articles', 'people', 'quotes', 'figures']) {
      const list = await api(`/api/${plural}?status=draft&pagination[pageSize]=100`, jwt());
      expect(list.status).toBe(200);
      expect(list.body.data.every((item: { publishedAt: string | null }) => item.publishedAt !== null)).toBe(true);
    }
    const story = await api(`/api/articles/${ids.published}?populate=people`, jwt());
    expect(story.body.data.people.map((person: { name: string }) => person.name)).toEqual(['Public Person']);
  });

  test.each([
    ['/api/tags', 'articles][title', 'Unpublished scoop'],
    ['/api/articles', 'people][name', 'Secret Source'],
    ['/api/people', 'articles][title', 'Unpublished scoop'],
    ['/api/quotes', 'speaker][name', 'Secret Source'],
    ['/api/figures', 'quotes][text', 'Secret words'],
    ['/api/people', 'quotes][figures][label', 'Secret figure'],
  ])('a relation filter on %s (%s) cannot tell whether a draft exists', async (url, path, draftValue) => {
    const probe = async (value: string, shape: (filter: string) => string) =>
      (await api(`${url}?${shape(`[${path}][$eq]=${encodeURIComponent(value)}`)}`, jwt())).body;
    for (const shape of [(f: string) => `filters${f}`, (f: string) => `filters[$or][0]${f}`]) {
      const hit = await probe(draftValue, shape);
      const miss = await probe('No such value at all', shape);
      expect(hit).toEqual(miss);
      expect(hit.data ?? []).toEqual([]);
    }
  });
});

test('API tokens (editors’ tooling, full-access or read-only) may still read drafts', async () => {
  for (const bearer of [token, readOnlyToken]) {
    const stories = await api('/api/articles?status=draft&filters[title][$eq]=Unpublished%20scoop', bearer);
    expect(stories.body.data).toHaveLength(1);
    const people = await api('/api/people?status=draft&filters[name][$eq]=Secret%20Source', bearer);
    expect(people.body.data).toHaveLength(1);
    const renamed = await api(`/api/people/${ids.publicPerson}?status=draft`, bearer);
    expect(renamed.body.data.name).toBe('Public Person draft rename');
  }
});
