import fc from 'fast-check';
import type { Response } from 'supertest';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, createApiToken, createUser, type TestAdmin, type TestUser } from '../helpers/auth';
import { expectErrorEnvelope } from '../helpers/envelope';
import { bearer, createArticle, createSubscriber, ensurePolicy, postComment } from '../helpers/comments';
import { QUEUE_ONLY_SETTINGS, adminCall, overrideSettings, postAndGetId } from '../helpers/moderation';
import { COMMENT_UID, COMMENTER_UID, READER_TABLES, REPORT_UID, snapshot } from '../helpers/security-db';
import { FORMULA_START, parseCsv } from '../helpers/security-csv';

let app: TestApp;
let token: string;
let alice: TestUser;
let moderator: TestAdmin;

const thread = (documentId: string) => app.http().get(`/api/comments/threads/${documentId}?pagination[pageSize]=100`);

// What services/text.ts may emit: paragraphs, line breaks and nofollow http(s) links; everything else is escaped.
const ALLOWED_MARKUP = /<\/?p>|<br>|<a href="https?:\/\/[^"<>\s]*" rel="nofollow ugc noopener" target="_blank">|<\/a>/g;

/** The rendered html holds no markup of the reader's: no tag, attribute or URL scheme of theirs survives. */
const expectInertHtml = (html: string) => {
  const rest = html.replace(ALLOWED_MARKUP, '');
  expect(rest).not.toMatch(/[<>]/);
  expect(html).not.toMatch(/href="(?!https?:\/\/)/i);
};

/** JSON answers a browser never renders as a page: the type says JSON and sniffing is off. */
const expectJsonAnswer = (res: Response) => {
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(res.headers['x-content-type-options']).toBe('nosniff');
};

const setDisplayName = (user: TestUser, displayName: string) =>
  app.http().patch('/api/comments/me').set(bearer(user)).send({ data: { displayName } });

beforeAll(async () => {
  app = await bootStrapi();
  // Many complaints about one comment below: auto-hide would stop them at the threshold.
  await overrideSettings(app, QUEUE_ONLY_SETTINGS);
  await ensurePolicy(app);
  token = await createApiToken(app);
  alice = await createSubscriber(app, token, { displayName: 'Alice Reader' });
  moderator = await createAdmin(app, ['comments-moderator']);
});
afterAll(async () => {
  await app?.stop();
});

describe('comment bodies are plain text, rendered inert', () => {
  test.each([
    ['<script>alert(1)</script>', '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'],
    ['<img src=x onerror=alert(1)>', '<p>&lt;img src=x onerror=alert(1)&gt;</p>'],
    ['click javascript:alert(1) now', '<p>click javascript:alert(1) now</p>'],
    ['<a href="javascript:alert(1)">x</a>', '<p>&lt;a href=&quot;javascript:alert(1)&quot;&gt;x&lt;/a&gt;</p>'],
    [
      'see https://example.com/a?b=1&c=2 ok',
      '<p>see <a href="https://example.com/a?b=1&amp;c=2" rel="nofollow ugc noopener" target="_blank">https://example.com/a?b=1&amp;c=2</a> ok</p>',
    ],
    ['line one\nline two', '<p>line one<br>line two</p>'],
  ])('%j comes back inert in html', async (body, html) => {
    const article = await createArticle(app);
    const posted = await postComment(app, alice, article.documentId, body);
    expect(posted.status).toBe(201);
    const [comment] = (await thread(article.documentId)).body.data;
    expect(comment.body).toBe(body);
    expect(comment.html).toBe(html);
  });

  test.each([
    '<svg onload=alert(1)>',
    '"><script>alert(document.cookie)</script>',
    "'><img src=x onerror=alert(1)>",
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    '[click](javascript:alert(1))',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
    '<iframe src="javascript:alert(1)"></iframe>',
    'https://example.com/"onmouseover="alert(1)',
    "https://example.com/'onmouseover='alert(1)",
    'https://example.com/<script>alert(1)</script>',
    '<a href=https://example.com onclick=alert(1)>x</a>',
    '&lt;script&gt;alert(1)&lt;/script&gt;',
    '<<script>script>alert(1)<</script>/script>',
  ])('%j: stored as sent, rendered with no markup of its own', async (body) => {
    const article = await createArticle(app);
    expect((await postComment(app, alice, article.documentId, body)).status).toBe(201);
    const res = await thread(article.documentId);
    expectJsonAnswer(res);
    const [comment] = res.body.data;
    expect(comment.body).toBe(body);
    expectInertHtml(comment.html);
  });

  test('any mix of markup, schemes, quotes and links renders inert (property, 40 seeded runs)', async () => {
    const article = await createArticle(app);
    const fragments = fc.constantFrom(
      '<script>',
      '</script>',
      '<img src=x onerror=alert(1)>',
      '"',
      "'",
      '>',
      '<',
      '&',
      '&amp;',
      'javascript:',
      'https://example.com/',
      'http://a.example/x?y=1&z=2',
      ' onmouseover=',
      'alert(1)',
      '\n',
      '\n\n',
      ' ',
      'text',
      '<a href="',
      '">',
      '`',
      '=',
      '/'
    );
    const bodies = fc.array(fragments, { minLength: 1, maxLength: 12 }).map((parts) => `x ${parts.join('')} x`);
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        const posted = await postComment(app, alice, article.documentId, body);
        expect(posted.status).toBe(201);
        expectInertHtml(posted.body.data.html);
      }),
      { numRuns: 40, seed: 20261203 }
    );
    const res = await thread(article.documentId);
    for (const comment of res.body.data) expectInertHtml(comment.html);
  });
});

describe('display names are plain text', () => {
  test.each([
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    'javascript:alert(1)',
    '"><svg onload=alert(1)>',
  ])('%j is kept as text in JSON answers and never enters the rendered html', async (displayName) => {
    const reader = await createSubscriber(app, token);
    const renamed = await setDisplayName(reader, displayName);
    expect(renamed.status).toBe(200);
    expectJsonAnswer(renamed);
    expect(renamed.body.data.displayName).toBe(displayName);

    const article = await createArticle(app);
    const id = await postAndGetId(app, reader, article.documentId, 'Signed with a name');
    const res = await thread(article.documentId);
    expectJsonAnswer(res);
    const [comment] = res.body.data;
    expect(comment.author).toEqual({ displayName });
    expect(comment.html).toBe('<p>Signed with a name</p>');

    await app
      .http()
      .post(`/api/comments/${id}/reports`)
      .set(bearer(alice))
      .send({ data: { reason: 'spam' } });
    const queue = await adminCall(app, moderator).get(
      `/comments/moderation/queue?queue=reported&article=${article.documentId}`
    );
    expectJsonAnswer(queue);
    expect(queue.body.data[0].author).toEqual({ displayName });
  });
});

describe('oversized input is refused in the envelope and nothing is written', () => {
  const body = (length: number) => 'x'.repeat(length);

  test('a comment of 2,000 characters is taken; 2,001 is refused with 400 TOO_LONG', async () => {
    const article = await createArticle(app);
    expect((await postComment(app, alice, article.documentId, body(2000))).status).toBe(201);
    const before = await snapshot(app, READER_TABLES);
    expectErrorEnvelope(await postComment(app, alice, article.documentId, body(2001)), 400, 'TOO_LONG');
    expect(await snapshot(app, READER_TABLES)).toEqual(before);
  });

  test('an edit over the limit is refused and the comment keeps its text', async () => {
    const article = await createArticle(app);
    const id = await postAndGetId(app, alice, article.documentId, 'Short and sweet');
    const before = await snapshot(app, READER_TABLES);
    const res = await app
      .http()
      .patch(`/api/comments/${id}`)
      .set(bearer(alice))
      .send({ data: { body: body(2001) } });
    expectErrorEnvelope(res, 400, 'TOO_LONG');
    expect(await snapshot(app, READER_TABLES)).toEqual(before);
  });

  test('a display name of 41 characters is refused with 400 and the profile keeps its name', async () => {
    const reader = await createSubscriber(app, token, { displayName: 'Kept Name' });
    const before = await snapshot(app, [COMMENTER_UID, COMMENT_UID]);
    expectErrorEnvelope(await setDisplayName(reader, body(41)), 400, 'TOO_LONG');
    expect(await snapshot(app, [COMMENTER_UID, COMMENT_UID])).toEqual(before);
    expect((await app.http().get('/api/comments/me').set(bearer(reader))).body.data.displayName).toBe('Kept Name');
  });

  test('a 300 kB JSON body is refused with 413 on every write route, before anything is written', async () => {
    const article = await createArticle(app);
    const id = await postAndGetId(app, alice, article.documentId, 'Target of a huge body');
    const huge = body(300 * 1024);
    const reporter = await createUser(app);
    const before = await snapshot(app, READER_TABLES);
    const writes = [
      app
        .http()
        .post(`/api/comments/threads/${article.documentId}`)
        .set(bearer(alice))
        .send({ data: { body: huge } }),
      app
        .http()
        .patch(`/api/comments/${id}`)
        .set(bearer(alice))
        .send({ data: { body: huge } }),
      app
        .http()
        .patch('/api/comments/me')
        .set(bearer(alice))
        .send({ data: { displayName: huge } }),
      app
        .http()
        .post(`/api/comments/${id}/reports`)
        .set(bearer(reporter))
        .send({ data: { reason: 'other', note: huge } }),
      app
        .http()
        .post('/api/auth/local/register')
        .send({ username: 'huge', email: 'huge@example.test', password: huge }),
    ];
    for (const res of await Promise.all(writes)) expectErrorEnvelope(res, 413, 'PAYLOAD_TOO_LARGE');
    expect(await snapshot(app, READER_TABLES)).toEqual(before);
  });
});

describe('the CSV exports (complaints register, audit) are safe to open in a spreadsheet', () => {
  // Text readers and moderators can send; each starts a spreadsheet formula, directly or after a `;` separator.
  const FORMULAS = [
    '=1+1',
    '+1+1',
    '-1+1',
    '@SUM(1,1)',
    'x;=HYPERLINK("http://evil.example","click")',
    'x;=1+1',
    'x;+1+1',
    'x;@SUM(1)',
    'x;-1+1',
  ];
  // The API trims leading whitespace, but rows can reach the table by other ways (imports, older versions).
  const STORED_NOTES = ['\t=1+1', '\r=1+1', '\r\n=1+1'];
  const MODERATOR_NAME = '@SUM(1+1) -2';
  const exports: Record<string, string> = {};
  let superAdmin: TestAdmin;

  /** The plugin's CSV routes, read from its router so a new export is covered too. */
  const csvRoutes = () =>
    (
      app.strapi.plugin('comments').routes as unknown as { admin: { routes: Array<{ method: string; path: string }> } }
    ).admin.routes
      .filter((route) => route.method === 'GET' && /\.csv$|\/export$/.test(route.path))
      .map((route) => `/comments${route.path}`);

  const fileComplaints = async (commentId: string) => {
    for (const note of FORMULAS) {
      const reporter = await createUser(app);
      const res = await app
        .http()
        .post(`/api/comments/${commentId}/reports`)
        .set(bearer(reporter))
        .send({ data: { reason: 'other', note } });
      expect(res.status).toBe(200);
    }
  };

  const storeRawComplaints = async (comment: {
    id: number;
    documentId: string;
    threadType: string;
    threadId: string;
  }) => {
    for (const [index, note] of STORED_NOTES.entries()) {
      await app.strapi.db.query(REPORT_UID).create({
        data: {
          commentId: comment.id,
          commentDocumentId: comment.documentId,
          threadType: comment.threadType,
          threadId: comment.threadId,
          reporterId: 900000 + index,
          reason: 'other',
          note,
          state: 'open',
        },
      });
    }
  };

  beforeAll(async () => {
    superAdmin = await createAdmin(app, ['strapi-super-admin']);
    const author = await createSubscriber(app, token, { displayName: '-Formula Author' });
    const article = await createArticle(app);
    // Comment bodies reach the audit export through its before/after snapshots.
    const commentId = await postAndGetId(app, author, article.documentId, FORMULAS.join(' '));
    await fileComplaints(commentId);
    const comment = await app.strapi.db.query(COMMENT_UID).findOne({ where: { documentId: commentId } });
    await storeRawComplaints(comment);
    // The moderator's own name and reason land in the exports too.
    const [firstname, lastname] = MODERATOR_NAME.split(' ');
    await app.strapi.db.query('admin::user').update({ where: { id: moderator.id }, data: { firstname, lastname } });
    const hidden = await adminCall(app, moderator).post(`/comments/moderation/comments/${commentId}/actions`, {
      action: 'hide',
      reason: 'x;=HYPERLINK("http://evil.example/r","reason")',
      version: comment.version,
    });
    expect(hidden.status).toBe(200);
    for (const url of csvRoutes()) {
      const res = await adminCall(app, superAdmin).get(`${url}?from=2000-01-01T00:00:00Z`);
      expect({ url, status: res.status, type: res.headers['content-type'] }).toEqual({
        url,
        status: 200,
        type: expect.stringMatching(/^text\/csv/),
      });
      exports[url] = res.text;
    }
  });

  test.each([
    ['a comma', ','],
    ['a semicolon (European locales)', ';'],
  ])('read with %s as the separator, no cell of any export starts a formula', (_, separator) => {
    expect(Object.keys(exports)).toContain('/comments/moderation/register.csv');
    const offending = Object.entries(exports).flatMap(([url, text]) =>
      parseCsv(text, separator)
        .flat()
        .filter((cell) => FORMULA_START.test(cell))
        .map((cell) => `${url}: ${cell}`)
    );
    expect(offending).toEqual([]);
  });

  test('every complaint is still in the register, its text kept after the neutralising prefix', async () => {
    const rows = parseCsv(exports['/comments/moderation/register.csv']);
    expect(rows.length - 1).toBe(await app.strapi.db.query(REPORT_UID).count());
    // The neutralising quotes come at the start and after each `;` or line break; nothing else changes.
    const cells = rows.flat().map((cell) => cell.replace(/^'/, '').replace(/([;\n\r])'/g, '$1'));
    for (const text of [...FORMULAS, MODERATOR_NAME]) expect(cells.some((cell) => cell.includes(text))).toBe(true);
  });
});
