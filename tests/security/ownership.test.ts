import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createApiToken, type TestUser } from '../helpers/auth';
import { expectErrorEnvelope } from '../helpers/envelope';
import { bearer, createArticle, createSubscriber, ensurePolicy, postComment } from '../helpers/comments';
import { GENEROUS_LIMITS, postAndGetId } from '../helpers/moderation';
import { COMMENT_UID, READER_TABLES, USER_UID, snapshot } from '../helpers/security-db';

let app: TestApp;
let token: string;
let alice: TestUser;
let bob: TestUser;
let articleId: string;

const commentRow = (documentId: string) => app.strapi.db.query(COMMENT_UID).findOne({ where: { documentId } });

beforeAll(async () => {
  app = await bootStrapi();
  await app.strapi.plugin('comments').service('settings').setOverrides(GENEROUS_LIMITS);
  await ensurePolicy(app);
  token = await createApiToken(app);
  alice = await createSubscriber(app, token, { displayName: 'Alice Owner' });
  bob = await createSubscriber(app, token, { displayName: 'Bob Intruder' });
  articleId = (await createArticle(app)).documentId;
});
afterAll(async () => {
  await app?.stop();
});

describe("another reader's comments", () => {
  test("another user's comment: edit and withdraw are refused and the row is unchanged", async () => {
    const id = (await postComment(app, alice, articleId, "Alice's words")).body.data.documentId;
    const before = await snapshot(app, READER_TABLES);
    expectErrorEnvelope(
      await app
        .http()
        .patch(`/api/comments/${id}`)
        .set(bearer(bob))
        .send({ data: { body: 'Hijacked' } }),
      403,
      'NOT_COMMENT_AUTHOR'
    );
    expectErrorEnvelope(await app.http().delete(`/api/comments/${id}`).set(bearer(bob)), 403, 'NOT_COMMENT_AUTHOR');
    expectErrorEnvelope(
      await app
        .http()
        .patch('/api/comments/nosuchcomment1')
        .set(bearer(bob))
        .send({ data: { body: 'x' } }),
      404
    );
    const row = await app.strapi.db.query(COMMENT_UID).findOne({ where: { documentId: id } });
    expect(row).toMatchObject({ body: "Alice's words", status: 'visible', version: 1 });
    expect(await snapshot(app, READER_TABLES)).toEqual(before);
  });

  test('a hidden or withdrawn comment of another reader answers 404, as if it did not exist, and stays as it is', async () => {
    const hidden = await postAndGetId(app, alice, articleId, 'Hidden by a moderator');
    await app.strapi.db.query(COMMENT_UID).update({ where: { documentId: hidden }, data: { status: 'hidden' } });
    const withdrawn = await postAndGetId(app, alice, articleId, 'Withdrawn by Alice');
    expect((await app.http().delete(`/api/comments/${withdrawn}`).set(bearer(alice))).status).toBe(200);
    const before = await snapshot(app, READER_TABLES);
    for (const id of [hidden, withdrawn]) {
      const edit = app
        .http()
        .patch(`/api/comments/${id}`)
        .set(bearer(bob))
        .send({ data: { body: 'Revived' } });
      expectErrorEnvelope(await edit, 404);
      expectErrorEnvelope(await app.http().delete(`/api/comments/${id}`).set(bearer(bob)), 404);
    }
    expect(await snapshot(app, READER_TABLES)).toEqual(before);
  });

  test('a reply cannot be attached to a comment of another story', async () => {
    const other = await createArticle(app);
    const parent = await postAndGetId(app, alice, articleId, 'Parent here');
    const before = await snapshot(app, READER_TABLES);
    expectErrorEnvelope(await postComment(app, bob, other.documentId, 'Misplaced reply', parent), 404);
    expect(await snapshot(app, READER_TABLES)).toEqual(before);
  });
});

describe("another reader's account data", () => {
  // The /me routes take no id: whatever a caller adds, they answer for the caller or refuse.
  const ID_PARAMETERS = (victim: TestUser) => [
    `userId=${victim.id}`,
    `user=${victim.documentId}`,
    `authorId=${victim.id}`,
    `filters[authorId][$eq]=${victim.id}`,
    `email=${encodeURIComponent(victim.email)}`,
  ];

  test.each(['/api/comments/me', '/api/comments/me/comments', '/api/comments/me/reports', '/api/comments/me/export'])(
    '%s with another reader’s id in the query: the caller’s own data or 400, never the other’s',
    async (url) => {
      await postAndGetId(app, alice, articleId, 'Only for Alice to list');
      for (const query of ID_PARAMETERS(alice)) {
        const res = await app.http().get(`${url}?${query}`).set(bearer(bob));
        if (res.status === 400) {
          expectErrorEnvelope(res, 400);
          continue;
        }
        expect(res.status).toBe(200);
        const text = JSON.stringify(res.body);
        for (const secret of [alice.email, alice.username, 'Alice Owner', 'Only for Alice to list'])
          expect(text).not.toContain(secret);
      }
    }
  );

  test("the export holds the caller's account only", async () => {
    const res = await app.http().get('/api/comments/me/export').set(bearer(bob));
    expect(res.status).toBe(200);
    expect(res.body.data.account).toEqual({ documentId: bob.documentId, username: bob.username, email: bob.email });
    expect(JSON.stringify(res.body)).not.toContain(alice.email);
  });

  test.each([
    ['GET', `/api/users/ALICE`],
    ['GET', '/api/users?filters[email][$eq]=ALICE_EMAIL'],
    ['GET', '/api/users/count'],
    ['DELETE', `/api/users/ALICE`],
  ])('%s %s as another reader: 403 and nothing changed', async (method, template) => {
    const url = template.replace('ALICE_EMAIL', encodeURIComponent(alice.email)).replace('ALICE', String(alice.id));
    const before = await snapshot(app, [USER_UID]);
    const req = method === 'GET' ? app.http().get(url) : app.http().delete(url);
    expectErrorEnvelope(await req.set(bearer(bob)), 403);
    expect(await snapshot(app, [USER_UID])).toEqual(before);
  });

  test('erasure erases the caller only, whatever the body names', async () => {
    const leaving = await createSubscriber(app, token);
    const res = await app
      .http()
      .delete('/api/comments/me')
      .set(bearer(leaving))
      .send({ data: { userId: alice.id, documentId: alice.documentId, email: alice.email } });
    // Refusing the body would be fine too; erasing anyone but the caller would not.
    if (res.status !== 200) expectErrorEnvelope(res, 400);
    expect(await app.strapi.db.query(USER_UID).findOne({ where: { id: alice.id } })).not.toBeNull();
    expect((await app.http().get('/api/comments/me').set(bearer(alice))).status).toBe(200);
    const aliceComments = await app.strapi.db
      .query(COMMENT_UID)
      .count({ where: { authorId: alice.id, status: 'erased' } });
    expect(aliceComments).toBe(0);
  });

  test("a report names the reporter's own account, and only the reporter lists it", async () => {
    const id = await postAndGetId(app, alice, articleId, 'Reported by Bob');
    const report = await app
      .http()
      .post(`/api/comments/${id}/reports`)
      .set(bearer(bob))
      .send({ data: { reason: 'spam', note: 'Bob thinks so' } });
    expect(report.status).toBe(200);
    const row = await app.strapi.db.query('plugin::comments.report').findOne({ where: { commentDocumentId: id } });
    expect(row.reporterId).toBe(bob.id);
    const alicesReports = (await app.http().get('/api/comments/me/reports').set(bearer(alice))).body.data;
    expect(alicesReports.map((item: { comment: string }) => item.comment)).not.toContain(id);
    expect((await commentRow(id)).reportCount).toBe(1);
  });
});
