import { Client } from 'pg';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, createApiToken, type TestAdmin } from '../helpers/auth';
import { createArticle, createSubscriber, ensurePolicy } from '../helpers/comments';
import { expectErrorEnvelope } from '../helpers/envelope';
import { QUEUE_ONLY_SETTINGS, adminCall, overrideSettings, postAndGetId, reportBy } from '../helpers/moderation';

// A real interleaving on PostgreSQL: another writer changes a comment while a sanction with
// hide-all is between reading the author's comments and hiding them.
let app: TestApp;
let moderator: TestAdmin;
let token: string;
let articleId: string;

beforeAll(async () => {
  app = await bootStrapi();
  await overrideSettings(app, QUEUE_ONLY_SETTINGS);
  await ensurePolicy(app);
  token = await createApiToken(app);
  moderator = await createAdmin(app, ['comments-moderator']);
  articleId = (await createArticle(app)).documentId;
});
afterAll(async () => {
  await app?.stop();
});

test('a sanction with hide-all that meets a comment changed meanwhile is refused with 409 and changes nothing', async () => {
  const author = await createSubscriber(app, token);
  const id = await postAndGetId(app, author, articleId, 'Caught in the middle');
  await reportBy(app, id, 1, 'abusive');
  const { tableName } = app.strapi.db.metadata.get('plugin::comments.comment');
  const other = new Client({ connectionString: app.database.env.DATABASE_URL });
  await other.connect();
  try {
    // The other writer holds the row: the sanction's compare-and-set waits, then finds a new version.
    await other.query('BEGIN');
    await other.query(`UPDATE ${tableName} SET version = version + 1 WHERE document_id = $1`, [id]);
    // supertest sends only once `then` is called: start it now, await it after the commit.
    const pending = adminCall(app, moderator)
      .post(`/comments/moderation/users/${author.documentId}/sanctions`, {
        action: 'ban',
        reason: 'Abuse',
        hideComments: true,
      })
      .then((res) => res);
    await new Promise((resolve) => setTimeout(resolve, 800));
    await other.query('COMMIT');
    expectErrorEnvelope(await pending, 409, 'STALE_VERSION');
  } finally {
    await other.end();
  }
  const comment = await app.strapi.db.query('plugin::comments.comment').findOne({ where: { documentId: id } });
  expect(comment.status).toBe('visible');
  const profile = await app.strapi.db.query('plugin::comments.commenter').findOne({ where: { userId: author.id } });
  expect(profile.sanction).toBe('none');
  const reports = await app.strapi.db.query('plugin::comments.report').findMany({ where: { commentDocumentId: id } });
  expect(reports.map((row: { state: string }) => row.state)).toEqual(['open']);
});
