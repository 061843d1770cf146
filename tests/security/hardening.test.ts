import http from 'http';
import zlib from 'zlib';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, createApiToken, type TestUser } from '../helpers/auth';
import { bearer, createArticle, createSubscriber, ensurePolicy, postComment } from '../helpers/comments';
import { expectErrorEnvelope } from '../helpers/envelope';
import { testDatabaseClient } from '../helpers/database';

const FRONTEND = 'https://frontend.example';
const EVIL = 'https://evil.example';

let app: TestApp;
let token: string;
let subscriber: TestUser;
let articleId: string;

beforeAll(async () => {
  app = await bootStrapi({ env: { CORS_ORIGINS: `${FRONTEND},http://localhost:3000` } });
  await ensurePolicy(app);
  token = await createApiToken(app);
  subscriber = await createSubscriber(app, token);
  articleId = (await createArticle(app)).documentId;
});
afterAll(async () => {
  await app?.stop();
});

const commentCount = () => app.strapi.db.query('plugin::comments.comment').count({});

/** A raw request, for what supertest would not send: a body in exactly these bytes, oversized headers. */
const rawRequest = (options: http.RequestOptions, body?: Buffer): Promise<{ status: number; body: any }> =>
  new Promise((resolve, reject) => {
    const url = new URL(app.baseUrl);
    const req = http.request({ host: url.hostname, port: url.port, ...options }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null }));
    });
    req.on('error', reject);
    req.end(body);
  });

describe('client faults that used to be 500s are 400s in the envelope', () => {
  test('a logical operator inside a relation filter composes with the published-only filter', async () => {
    for (const url of [
      '/api/tags?filters[articles][$or][0][title][$contains]=x',
      '/api/quotes?filters[speaker][$and][0][name][$eq]=x',
    ]) {
      const res = await app.http().get(url);
      expect({ url, status: res.status }).toEqual({ url, status: 200 });
      expect(Array.isArray(res.body.data)).toBe(true);
    }
  });

  test('an operator on a relation to draftable documents is refused: it would match drafts too', async () => {
    for (const query of [
      'filters[articles][$notNull]=true',
      'filters[articles][$null]=false',
      'filters[articles][$eq]=1',
    ]) {
      expectErrorEnvelope(await app.http().get(`/api/tags?${query}`), 400, 'INVALID_QUERY');
    }
    expect((await app.http().get('/api/tags?filters[articles][title][$null]=false')).status).toBe(200);
  });

  test('a filter shape the query layer cannot express is the client’s fault', async () => {
    const res = await app.http().get('/api/articles?filters[tags][$not][name][$eq]=x');
    expectErrorEnvelope(res, 400, 'INVALID_QUERY');
    expect(res.body.error.message).not.toMatch(/select|from/i);
  });

  test.each([
    ['pagination[page]=99999999999999999999'],
    ['pagination[start]=99999999999999999999'],
    ['pagination[page]=1e300'],
    ['pagination[pageSize]=1.5'],
    ['pagination=1'],
  ])('%s is refused with INVALID_QUERY', async (query) => {
    expectErrorEnvelope(await app.http().get(`/api/articles?${query}`), 400, 'INVALID_QUERY');
  });

  test('filter values of the wrong type or shape never reach the database as a 500', async () => {
    for (const query of ['filters[id][$eq]=abc', 'filters[title][$eq][$gt]=1', 'filters[id][$in][0][$eq]=1']) {
      const res = await app.http().get(`/api/articles?${query}`);
      if (res.status === 200) expect(res.body.data).toEqual([]);
      else expectErrorEnvelope(res, 400, 'INVALID_QUERY');
    }
    // PostgreSQL refuses text for an integer column; the boundary says so as a client fault.
    if (testDatabaseClient() === 'postgres') {
      expectErrorEnvelope(await app.http().get('/api/articles?filters[id][$eq]=abc'), 400, 'INVALID_QUERY');
    }
  });

  test('a 5,000-level JSON body is refused before any validator runs, and nothing is written', async () => {
    const before = await commentCount();
    const deep = `{"data":{"body":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}}`;
    const res = await app
      .http()
      .post(`/api/comments/threads/${articleId}`)
      .set(bearer(subscriber))
      .set('Content-Type', 'application/json')
      .send(deep);
    expectErrorEnvelope(res, 400, 'BODY_TOO_DEEP');
    expect(await commentCount()).toBe(before);
  });

  test('a body that is not what its Content-Encoding says, bad JSON, and an oversized body', async () => {
    const post = (headers: Record<string, string>, body: Buffer) =>
      rawRequest(
        { method: 'POST', path: `/api/comments/threads/${articleId}`, headers: { ...bearer(subscriber), ...headers } },
        body
      );
    const json = { 'Content-Type': 'application/json' };
    expectErrorEnvelope(
      (await post({ ...json, 'Content-Encoding': 'gzip' }, Buffer.from('{"data":1}'))) as any,
      400,
      'MALFORMED_BODY'
    );
    expectErrorEnvelope(
      (await post({ ...json, 'Content-Encoding': 'deflate' }, Buffer.from('nope'))) as any,
      400,
      'MALFORMED_BODY'
    );
    expectErrorEnvelope((await post(json, Buffer.from('{"data": {"body": '))) as any, 400, 'MALFORMED_BODY');
    const big = Buffer.from(JSON.stringify({ data: { body: 'x'.repeat(300_000) } }));
    expectErrorEnvelope((await post(json, big)) as any, 413, 'PAYLOAD_TOO_LARGE');
    // A real gzip body is still read.
    const gzipped = zlib.gzipSync(JSON.stringify({ data: { body: 'Compressed, and fine.' } }));
    const ok = await post({ ...json, 'Content-Encoding': 'gzip' }, gzipped);
    expect(ok.status).toBe(201);
  });

  test('405 and 431 answers are in the envelope', async () => {
    const res = await app.http().put('/api/comments/policy');
    expectErrorEnvelope(res, 405, 'METHOD_NOT_ALLOWED');
    const huge = await rawRequest({
      method: 'GET',
      path: '/api/articles',
      headers: { 'X-Padding': 'x'.repeat(40_000) },
    });
    expectErrorEnvelope(huge as any, 431, 'HEADERS_TOO_LARGE');
  });
});

describe('input hygiene', () => {
  test('invalid UTF-8 and unpaired surrogates in a comment are refused, not silently altered', async () => {
    const before = await commentCount();
    const invalidBytes = Buffer.concat([
      Buffer.from('{"data":{"body":"caf'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"}}'),
    ]);
    const raw = await rawRequest(
      {
        method: 'POST',
        path: `/api/comments/threads/${articleId}`,
        headers: { ...bearer(subscriber), 'Content-Type': 'application/json' },
      },
      invalidBytes
    );
    expectErrorEnvelope(raw as any, 400, 'INVALID_TEXT');
    const surrogate = await app
      .http()
      .post(`/api/comments/threads/${articleId}`)
      .set(bearer(subscriber))
      .set('Content-Type', 'application/json')
      .send('{"data":{"body":"half an emoji \\ud83d here"}}');
    expectErrorEnvelope(surrogate, 400, 'INVALID_TEXT');
    expect(await commentCount()).toBe(before);
  });

  test('dates must be ISO 8601 with a time zone', async () => {
    const email = `dates_${Date.now()}@example.test`;
    for (const expiresAt of ['1', '2026-13-01T00:00:00Z', '2026-12-03T09:00:00', 'tomorrow']) {
      const res = await app
        .http()
        .post('/api/comments/subscriptions')
        .set('Authorization', `Bearer ${token}`)
        .send({ data: { email, status: 'active', expiresAt } });
      expectErrorEnvelope(res, 400);
    }
    expect(await app.strapi.db.query('plugin::comments.subscription').count({ where: { email } })).toBe(0);
    const ok = await app
      .http()
      .post('/api/comments/subscriptions')
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { email, status: 'active', expiresAt: '2027-01-31T23:59:59+01:00' } });
    expect(ok.status).toBe(200);
  });
});

describe('CORS and headers', () => {
  test('a foreign origin gets no CORS grant, even with the admin refresh cookie', async () => {
    const admin = await createAdmin(app);
    const agent = app.http();
    const login = await agent.post('/admin/login').send({ email: admin.email, password: admin.password });
    expect(login.status).toBe(200);
    const res = await agent.post('/admin/access-token').set('Origin', EVIL);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
  });

  test('a listed frontend gets credentials and can read ETag, Retry-After and the request id', async () => {
    const res = await app.http().get(`/api/comments/threads/${articleId}`).set('Origin', FRONTEND);
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe(FRONTEND);
    expect(res.headers['access-control-allow-credentials']).toBe('true');
    expect(res.headers['access-control-expose-headers'].split(',')).toEqual(['ETag', 'Retry-After', 'X-Request-Id']);
    const preflight = await app
      .http()
      .options(`/api/comments/threads/${articleId}`)
      .set('Origin', FRONTEND)
      .set('Access-Control-Request-Method', 'GET')
      .set('Access-Control-Request-Headers', 'if-none-match,authorization');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-headers']).toMatch(/If-None-Match/);
  });

  test('no X-Powered-By; every answer carries a request id, echoing a sane one from the load balancer', async () => {
    const res = await app.http().get('/api/articles');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect((await app.http().get('/api/articles').set('X-Request-Id', 'lb-42')).headers['x-request-id']).toBe('lb-42');
    const refused = await app.http().get('/api/nowhere').set('X-Request-Id', 'bad id\twith tab');
    expect(refused.status).toBe(404);
    expect(refused.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('readiness', () => {
  test('/_ready checks the database; /_health stays the liveness check', async () => {
    const ready = await app.http().get('/_ready');
    expect(ready.status).toBe(200);
    expect(ready.body.data).toEqual({ status: 'ready', checks: { database: 'up', redis: 'not-configured' } });
    expect((await app.http().get('/_health')).status).toBe(204);
  });
});

test('a post still works after all of the above (nothing was left half-written)', async () => {
  const res = await postComment(app, subscriber, articleId, 'Still here.');
  expect(res.status).toBe(201);
});
