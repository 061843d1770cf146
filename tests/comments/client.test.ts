import fs from 'fs';
import path from 'path';
import { strapi as strapiClient } from '@strapi/client';
import { createCommentsClient, CommentsApiError } from '../../src/plugins/comments/client';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createApiToken } from '../helpers/auth';
import { TERMS_VERSION, createArticle, createSubscriber, ensurePolicy, syncSubscription } from '../helpers/comments';
import { checkResponse } from '../helpers/contract';

/*
 * The typed client (src/plugins/comments/client) against the real server, through the whole
 * reader journey the README describes; every answer it receives is checked against the contract.
 */

let app: TestApp;
let token: string;
const outbox = path.join(__dirname, '..', '..', '.tmp', `outbox-client-${process.pid}`);

/** fetch, with every answer checked against docs/openapi.json like the supertest ones. */
const checkedFetch: typeof fetch = async (input, init) => {
  const request = input instanceof Request ? input : new Request(input, init);
  const response = await fetch(request);
  const type = response.headers.get('content-type') ?? '';
  const body = type.includes('application/json') ? await response.clone().json() : undefined;
  checkResponse(request.method, request.url, response.status, type, body);
  return response;
};

beforeAll(async () => {
  app = await bootStrapi({ env: { EMAIL_OUTBOX_DIR: outbox } });
  await ensurePolicy(app);
  token = await createApiToken(app);
});
afterAll(async () => {
  await app?.stop();
  fs.rmSync(outbox, { recursive: true, force: true });
});

const confirmationLink = (email: string): string => {
  const message = fs
    .readdirSync(outbox)
    .map((file) => JSON.parse(fs.readFileSync(path.join(outbox, file), 'utf8')))
    .find((mail: { to: string }) => mail.to === email);
  const token = /confirmation=([^"&\s<]+)/.exec(`${message?.html ?? ''} ${message?.text ?? ''}`)?.[1];
  if (!token) throw new Error(`no confirmation email to ${email}`);
  return `${app.baseUrl}/api/auth/email-confirmation?confirmation=${token}`;
};

test('the reader journey: register, confirm, log in, accept the terms, comment, read with revalidation, reply, edit, report, withdraw', async () => {
  const article = await createArticle(app);
  const email = `journey-${Date.now()}@example.test`;
  const password = 'Journey-Password-1';
  const sessions: unknown[] = [];
  const client = createCommentsClient({ baseUrl: app.baseUrl, fetch: checkedFetch, onSession: (s) => sessions.push(s) });

  await client.register({ username: `journey${Date.now()}`, email, password });
  await expect(client.login(email, password)).rejects.toBeInstanceOf(CommentsApiError);
  expect((await fetch(confirmationLink(email), { redirect: 'manual' })).status).toBe(302);
  await client.login(email, password);
  expect(client.session?.refreshToken).toEqual(expect.any(String));
  // config/plugins.ts: access tokens live ten minutes.
  const claims = JSON.parse(Buffer.from(client.session!.jwt.split('.')[1], 'base64url').toString());
  expect(claims.exp - claims.iat).toBe(600);

  expect((await client.me()).canComment).toBe(false);
  expect((await syncSubscription(app, token, { email, status: 'active' })).status).toBe(200);
  const refusal = await client.post(article.documentId, 'Before the terms').catch((error) => error);
  expect(refusal).toBeInstanceOf(CommentsApiError);
  expect(refusal.code).toBe('TERMS_NOT_ACCEPTED');
  const policy = await client.policy();
  expect((await client.acceptTerms(policy.termsVersion ?? TERMS_VERSION)).canComment).toBe(true);

  const comment = await client.post(article.documentId, 'My first comment');
  const first = await client.thread(article.documentId, { pageSize: 10 });
  expect(first.notModified).toBe(false);
  expect(first.data.map((item) => item.body)).toEqual(['My first comment']);
  const again = await client.thread(article.documentId, { pageSize: 10 });
  expect(again.notModified).toBe(true);
  expect(again.data).toEqual(first.data);

  const other = await createSubscriber(app, token);
  const otherClient = createCommentsClient({ baseUrl: app.baseUrl, fetch: checkedFetch, session: { jwt: other.jwt, refreshToken: null } });
  await otherClient.reply(article.documentId, comment.documentId, 'A reply');
  const afterReply = await client.thread(article.documentId, { pageSize: 10 });
  expect(afterReply.notModified).toBe(false);
  expect(afterReply.data[0].replies.map((reply) => reply.body)).toEqual(['A reply']);
  expect((await client.replies(comment.documentId)).data).toHaveLength(1);

  expect((await client.edit(comment.documentId, 'My first comment, edited')).editedAt).not.toBeNull();
  const report = await otherClient.report(comment.documentId, 'off-topic', 'Not about the story');
  expect(report).toMatchObject({ target: 'comment', reason: 'off-topic', state: 'open' });
  expect((await otherClient.myReports()).data).toHaveLength(1);

  // The access token lives ten minutes: the client trades the refresh token for a new one.
  const before = client.session!;
  await client.refresh();
  expect(client.session!.jwt).not.toBe(before.jwt);
  expect(client.session!.refreshToken).not.toBe(before.refreshToken);
  expect((await client.myComments({ sort: 'createdAt:desc' })).data[0].body).toBe('My first comment, edited');

  expect((await client.withdraw(comment.documentId)).state).toBe('withdrawn');
  expect((await client.myAppeals()).meta.pagination.total).toBe(0);
  await client.logout();
  expect(client.session).toBeNull();
  expect(sessions.at(-1)).toBeNull();
});

test('an expired access token is refreshed once and the call retried', async () => {
  const article = await createArticle(app);
  const reader = await createSubscriber(app, token);
  const login = await app.http().post('/api/auth/local').send({ identifier: reader.email, password: reader.password });
  const client = createCommentsClient({
    baseUrl: app.baseUrl,
    fetch: checkedFetch,
    // A token the server no longer accepts (signed with another secret), with a valid refresh token.
    session: { jwt: `${login.body.jwt.slice(0, -4)}AAAA`, refreshToken: login.body.refreshToken },
  });
  expect((await client.post(article.documentId, 'Posted after a refresh')).body).toBe('Posted after a refresh');
  expect(client.session?.jwt).not.toBe(login.body.jwt);
});

test("Strapi's own @strapi/client pages a thread with pagination[page] and pagination[pageSize]", async () => {
  const article = await createArticle(app);
  const reader = await createSubscriber(app, token);
  const client = createCommentsClient({ baseUrl: app.baseUrl, fetch: checkedFetch, session: { jwt: reader.jwt, refreshToken: null } });
  for (const body of ['one', 'two', 'three']) await client.post(article.documentId, body);

  const sdk = strapiClient({ baseURL: `${app.baseUrl}/api` });
  const thread = sdk.collection('threads', { path: `/comments/threads/${article.documentId}` });
  const second = (await thread.find({ pagination: { page: 2, pageSize: 2 } })) as any;
  expect(second.data.map((comment: { body: string }) => comment.body)).toEqual(['three']);
  expect(second.meta.pagination).toEqual({ page: 2, pageSize: 2, pageCount: 2, total: 3 });
  const newest = (await thread.find({ sort: 'createdAt:desc', pagination: { page: 1, pageSize: 1 } })) as any;
  expect(newest.data[0].body).toBe('three');
});
