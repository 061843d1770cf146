import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, createApiToken, createUser } from '../helpers/auth';
import { expectErrorEnvelope } from '../helpers/envelope';

let app: TestApp;
let token: string;
let published: { documentId: string; slug: string };

const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });
const api = (path: string, bearer?: string) => {
  const req = app.http().get(path);
  return bearer ? req.set('Authorization', `Bearer ${bearer}`) : req;
};

beforeAll(async () => {
  app = await bootStrapi();
  // An editor (admin) creates content, so createdBy/updatedBy point at a real admin user.
  await createAdmin(app, ['strapi-editor']);
  token = await createApiToken(app);
  const create = (data: Record<string, unknown>) =>
    app.http().post('/api/articles').set('Authorization', `Bearer ${token}`).send({ data });
  const base = { standfirst: 'Standfirst.', body: [paragraph('Body.')], section: 'World' };
  const live = await create({ ...base, title: 'Published story' });
  expect(live.status).toBe(201);
  published = live.body.data;
});
afterAll(async () => {
  await app?.stop();
});

test('editors get useful list columns, default sorts and field descriptions in the Content Manager', async () => {
  const configuration = await app.strapi
    .plugin('content-manager')
    .service('content-types')
    .findConfiguration({ uid: 'api::article.article' });
  expect(configuration.settings).toMatchObject({
    mainField: 'title',
    defaultSortBy: 'originallyPublishedAt',
    defaultSortOrder: 'DESC',
  });
  expect(configuration.layouts.list).toEqual([
    'id',
    'title',
    'section',
    'commenting',
    'moderationRisk',
    'originallyPublishedAt',
  ]);
  expect(configuration.metadatas.moderationRisk.edit.description).toMatch(/full-time moderation cover/);
  const quotes = await app.strapi
    .plugin('content-manager')
    .service('content-types')
    .findConfiguration({ uid: 'api::quote.quote' });
  expect(quotes.layouts.list).toContain('speaker');
  expect(quotes.metadatas.speakerBody.edit.label).toBe('Speaker (a body, not a person)');
  expect(quotes.metadatas.saidOn.edit.label).toBe('Said on');
});

test("an article's quotes relation shows each quote by its text, and every field has a human label", async () => {
  const admin = await createAdmin(app);
  const res = await app
    .http()
    .get('/content-manager/content-types/api::article.article/configuration')
    .set('Authorization', `Bearer ${admin.token}`);
  expect(res.status).toBe(200);
  const metadatas = res.body.data.contentType.metadatas;
  expect(metadatas.quotes.edit.mainField).toBe('text');
  expect(metadatas.people.edit.mainField).toBe('name');
  expect(metadatas.figures.edit.mainField).toBe('label');
  expect(metadatas.moderationRisk.edit.label).toBe('Moderation risk');
  expect(metadatas.originallyPublishedAt.list.label).toBe('First published');
});

describe('slugs', () => {
  test('REST creates fill the slug from the title (and keep it unique)', async () => {
    expect(published.slug).toBe('published-story');
    const again = await app
      .http()
      .post('/api/articles')
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { title: 'Published story', standfirst: 'S.', body: [paragraph('B.')], section: 'World' } });
    expect(again.status).toBe(201);
    expect(again.body.data.slug).toMatch(/^published-story-\d+$/);
    const person = await app
      .http()
      .post('/api/people')
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { name: 'Serhii Popko' } });
    expect(person.body.data.slug).toBe('serhii-popko');
  });
});

describe('publishing', () => {
  // Drafts never reach readers: tests/security/drafts.test.ts.

  test('a REST create that publishes at once also publishes the never-published people it links', async () => {
    const person = await app
      .http()
      .post('/api/people?status=draft')
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { name: 'Draft Witness' } });
    const created = await app
      .http()
      .post('/api/articles')
      .set('Authorization', `Bearer ${token}`)
      .send({
        data: {
          title: 'Direct publish',
          standfirst: 'S.',
          body: [paragraph('B.')],
          section: 'World',
          people: [person.body.data.documentId],
        },
      });
    expect(created.status).toBe(201);
    expect(created.body.data.publishedAt).not.toBeNull();
    const story = await api(`/api/articles/${created.body.data.documentId}?populate=people`);
    expect(story.body.data.people.map((p: any) => p.name)).toEqual(['Draft Witness']);
  });

  test('publishing an article publishes the never-published people it links', async () => {
    const res = await app
      .http()
      .post(`/api/articles`)
      .set('Authorization', `Bearer ${token}`)
      .send({
        data: { title: 'Cascade story', standfirst: 'S.', body: [paragraph('B.')], section: 'World' },
      });
    const person = await app.strapi.documents('api::person.person').create({ data: { name: 'Newly Named' } as never });
    await app.strapi
      .documents('api::article.article')
      .update({ documentId: res.body.data.documentId, data: { people: [person.documentId] } as never });
    await app.strapi.documents('api::article.article').publish({ documentId: res.body.data.documentId });
    const story = await api(`/api/articles/${res.body.data.documentId}?populate=people`);
    expect(story.body.data.people.map((p: any) => p.name)).toEqual(['Newly Named']);
    expect((await api('/api/people?filters[name][$eq]=Newly%20Named')).body.data).toHaveLength(1);
  });
});

describe('readers may read editorial content and nothing else', () => {
  test.each(['articles', 'people', 'quotes', 'figures', 'tags'])(
    'Public reads /api/%s but cannot create, update or delete',
    async (plural) => {
      expect((await api(`/api/${plural}`)).status).toBe(200);
      expectErrorEnvelope(
        await app
          .http()
          .post(`/api/${plural}`)
          .send({ data: { title: 'x', name: 'x' } }),
        403
      );
      expectErrorEnvelope(
        await app
          .http()
          .put(`/api/${plural}/${published.documentId}`)
          .send({ data: { title: 'x' } }),
        403
      );
      expectErrorEnvelope(await app.http().delete(`/api/${plural}/${published.documentId}`), 403);
    }
  );

  test('a logged-in reader cannot write editorial content or list users', async () => {
    const reader = await createUser(app);
    expectErrorEnvelope(
      await app
        .http()
        .post('/api/articles')
        .set('Authorization', `Bearer ${reader.jwt}`)
        .send({ data: { title: 'x' } }),
      403
    );
    expectErrorEnvelope(await api('/api/users', reader.jwt), 403);
    expectErrorEnvelope(await api('/api/users'), 403);
  });
});

// Private data (admin fields, users) never leaks: tests/security/private-fields.test.ts.

describe('editorial write rules', () => {
  const post = (plural: string, data: Record<string, unknown>) =>
    app.http().post(`/api/${plural}`).set('Authorization', `Bearer ${token}`).send({ data });

  test('a quote needs exactly one of a person speaker and a named body', async () => {
    const person = await post('people', { name: 'Quoted Person' });
    expectErrorEnvelope(await post('quotes', { text: 'Words.', kind: 'direct' }), 400);
    expectErrorEnvelope(
      await post('quotes', {
        text: 'Words.',
        kind: 'direct',
        speaker: person.body.data.documentId,
        speakerBody: 'Officials',
      }),
      400
    );
    expect((await post('quotes', { text: 'Words.', kind: 'partial', speakerBody: 'Japanese officials' })).status).toBe(
      201
    );
    const byPerson = await post('quotes', {
      text: 'More words.',
      kind: 'direct',
      speaker: person.body.data.documentId,
    });
    expect(byPerson.status).toBe(201);
    // Updating one side alone is checked against the stored other side.
    const update = await app
      .http()
      .put(`/api/quotes/${byPerson.body.data.documentId}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { speakerBody: 'Also officials' } });
    expectErrorEnvelope(update, 400);
  });

  test('a breakdown must say whether it is complete or partial; figures are decorated on write too', async () => {
    const breakdown = [
      { label: 'A', value: 0.1 },
      { label: 'B', value: 0.2 },
    ];
    expectErrorEnvelope(await post('figures', { label: 'No kind', value: 0.3, attribution: 'Test', breakdown }), 400);
    const created = await post('figures', {
      label: 'Decimal sum',
      value: 0.3,
      attribution: 'Test',
      breakdown,
      breakdownKind: 'complete',
    });
    expect(created.status).toBe(201);
    const read = await api(`/api/figures/${created.body.data.documentId}`);
    expect(read.body.data).toMatchObject({
      display: '0.3',
      consistency: { status: 'consistent', breakdownTotal: 0.3 },
    });
    const big = await post('figures', { label: 'Big', value: 1234567.5, qualifier: 'more-than', attribution: 'Test' });
    expect((await api(`/api/figures/${big.body.data.documentId}`)).body.data.display).toBe('more than 1,234,567.5');
  });
});
