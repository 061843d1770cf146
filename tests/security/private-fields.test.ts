import fs from 'fs';
import type { Response } from 'supertest';
import os from 'os';
import path from 'path';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, createApiToken, type TestAdmin, type TestUser } from '../helpers/auth';
import { expectErrorEnvelope } from '../helpers/envelope';
import { createArticle, createSubscriber, ensurePolicy, postComment } from '../helpers/comments';
import { GENEROUS_LIMITS, adminCall } from '../helpers/moderation';
import { COMMENT_UID, USER_UID } from '../helpers/security-db';

let app: TestApp;
let token: string;
let editors: TestAdmin[];
let reader: TestUser;
let ids: Record<string, string>;
let commentId: string;
/** Every stored value of a private attribute the fixtures hold, by `uid.attribute`. */
let privateValues: Record<string, string>;
const outbox = fs.mkdtempSync(path.join(os.tmpdir(), 'private-fields-outbox-'));

const EDITORIAL: Record<string, string> = {
  articles: 'api::article.article',
  people: 'api::person.person',
  quotes: 'api::quote.quote',
  figures: 'api::figure.figure',
  tags: 'api::tag.tag',
};
const ADMIN_UID = 'admin::user';
const WEBHOOK_UID = 'plugin::comments.webhook';

type Schema = { attributes: Record<string, { type: string; private?: boolean; target?: string }> };
const schemaOf = (uid: string): Schema => (app.strapi.contentTypes as unknown as Record<string, Schema>)[uid];
const privateAttributes = (uid: string) =>
  Object.entries(schemaOf(uid).attributes)
    .filter(([, attribute]) => attribute.private)
    .map(([name]) => name);

const api = (url: string, jwt?: string) => {
  const req = app.http().get(url);
  return jwt ? req.set('Authorization', `Bearer ${jwt}`) : req;
};

/** A probe: two queries that differ only in a guess about a private value, or one query that must not leak. */
interface Probe {
  label: string;
  queries: string[];
  /** Words of the request itself that an error message may repeat (`Invalid key asc at …`). */
  echoed?: string[];
}

const bracket = (segments: string[]) => segments.map((segment) => `[${segment}]`).join('');

/** Sorting and null checks: the order or the count would differ if the value were used. */
const orderProbes = (segments: string[], sortPath: string): Probe[] => [
  { label: `sort ${sortPath}`, queries: [`sort=${sortPath}:asc`, `sort=${sortPath}:desc`], echoed: ['desc', 'asc'] },
  {
    label: `$null ${segments.join('.')}`,
    queries: [`filters${bracket(segments)}[$null]=true`, `filters${bracket(segments)}[$notNull]=true`],
    echoed: ['$notNull', '$null'],
  },
];

/** A right and a wrong guess of the stored value, with the operators an attacker would bisect with. */
const guessProbes = (segments: string[], value: string): Probe[] => {
  const guess = (prefix: string, operator: string, right: string) => [
    `filters${prefix}${bracket(segments)}[${operator}]=${encodeURIComponent(right)}`,
    `filters${prefix}${bracket(segments)}[${operator}]=zz-not-it`,
  ];
  const path = segments.join('.');
  return [
    { label: `$eq ${path}`, queries: guess('', '$eq', value) },
    { label: `$startsWith ${path}`, queries: guess('', '$startsWith', value.slice(0, 6)) },
    { label: `$containsi ${path}`, queries: guess('', '$containsi', value.slice(2, 12)) },
    { label: `$or ${path}`, queries: guess('[$or][0]', '$eq', value) },
  ];
};

/** Asking for the value itself: `fields` on the route's own type, `populate` through relations. */
const readProbes = (segments: string[]): Probe[] => {
  if (segments.length === 1) return [{ label: `fields ${segments[0]}`, queries: [`fields[0]=${segments[0]}`] }];
  const relations = segments
    .slice(0, -1)
    .flatMap((segment, index) => (index === 0 ? [segment] : ['populate', segment]));
  return [
    {
      label: `populate ${segments.join('.')}`,
      queries: [
        `populate${bracket(relations)}[fields][0]=${segments[segments.length - 1]}`,
        `populate[${segments[0]}]=*`,
      ],
    },
  ];
};

/** A private relation itself (createdBy): its id, and populating it. */
const relationProbes = (segments: string[], relationId: number): Probe[] => [
  {
    label: `id ${segments.join('.')}`,
    queries: [`filters${bracket(segments)}[id][$eq]=${relationId}`, `filters${bracket(segments)}[id][$eq]=999999`],
  },
  { label: `populate ${segments[0]}`, queries: [`populate${bracket(segments)}=true`, `populate=${segments[0]}`] },
];

/** Filters, sort, populate and fields aimed at one private attribute path, from the route's own type. */
const probesFor = (segments: string[], value: string | undefined, relationId?: number): Probe[] => [
  // A relation sorts by one of its columns.
  ...orderProbes(segments, [...segments, ...(relationId !== undefined ? ['id'] : [])].join('.')),
  ...(value ? guessProbes(segments, value) : []),
  ...readProbes(segments),
  ...(relationId !== undefined ? relationProbes(segments, relationId) : []),
];

/**
 * Every private path a query on an editorial type could aim at: its own private attributes (the
 * admin relations createdBy and updatedBy), the admin user's private fields behind createdBy
 * (updatedBy has the same target), and createdBy one relation away.
 */
const editorialProbes = (uid: string): Probe[] => {
  const relations = Object.entries(schemaOf(uid).attributes)
    .filter(
      ([, attribute]) => attribute.type === 'relation' && Object.values(EDITORIAL).includes(attribute.target ?? '')
    )
    .map(([name]) => name);
  return [
    ...privateAttributes(uid).flatMap((attribute) =>
      probesFor(
        [attribute],
        undefined,
        schemaOf(uid).attributes[attribute].type === 'relation' ? editors[0].id : undefined
      )
    ),
    ...privateAttributes(ADMIN_UID).flatMap((field) =>
      probesFor(['createdBy', field], privateValues[`${ADMIN_UID}.${field}`])
    ),
    ...relations.flatMap((relation) =>
      probesFor([relation, 'createdBy', 'password'], privateValues[`${ADMIN_UID}.password`])
    ),
  ];
};

const userProbes = (): Probe[] => [
  ...privateAttributes(USER_UID).flatMap((field) => probesFor([field], privateValues[`${USER_UID}.${field}`])),
  ...probesFor(['role', 'users', 'password'], privateValues[`${USER_UID}.password`]),
];

const commentProbes = (): Probe[] => [
  ...privateAttributes(COMMENT_UID).flatMap((field) => probesFor([field], privateValues[`${COMMENT_UID}.${field}`])),
  ...probesFor(['author', 'password'], privateValues[`${USER_UID}.password`]),
  ...probesFor(['authorId'], String(reader.id)),
];

/**
 * An answer as compared between two guesses. A validation error echoes the request it refuses
 * (`details.errors[].value`, and some words in the message): that is the caller's own input, not
 * something the server knows. The export's timestamp is the only other part that may differ.
 */
const comparable = (res: Response, echoed: string[] = []) => {
  const body = JSON.parse(JSON.stringify(res.body ?? null));
  if (Array.isArray(body?.error?.details?.errors)) {
    body.error.details.errors = body.error.details.errors.map(
      ({ value: _echo, ...rest }: Record<string, unknown>) => rest
    );
  }
  if (body?.data?.exportedAt) body.data.exportedAt = 'now';
  const text = echoed.reduce((json, word) => json.split(word).join('<echo>'), JSON.stringify(body));
  return { status: res.status, body: JSON.parse(text) };
};

const expectNoOracle = async (route: string, jwt: string | undefined, probes: Probe[]) => {
  const secrets = Object.values(privateValues);
  const separator = route.includes('?') ? '&' : '?';
  for (const probe of probes) {
    const answers: Response[] = [];
    for (const query of probe.queries) {
      const res = await api(`${route}${separator}${query}`, jwt);
      expect({ probe: probe.label, query, status: [200, 400].includes(res.status) }).toEqual({
        probe: probe.label,
        query,
        status: true,
      });
      if (res.status === 400) expectErrorEnvelope(res, 400);
      // The caller's own guess echoed back in a validation error is not a leak: compare without it.
      const text = `${JSON.stringify(res.headers)}\n${JSON.stringify(comparable(res).body)}`;
      expect({ query, leaked: secrets.filter((secret) => text.includes(secret)) }).toEqual({ query, leaked: [] });
      answers.push(res);
    }
    // Two guesses, one right and one wrong, must get the same answer: else the answer tells the value.
    if (probe.queries.length === 2 && !probe.label.startsWith('populate')) {
      expect({ probe: probe.label, ...comparable(answers[0], probe.echoed) }).toEqual({
        probe: probe.label,
        ...comparable(answers[1], probe.echoed),
      });
    }
  }
};

/** The values the probes try to find: admins' and readers' password hashes and tokens, a comment's fingerprint. */
const readPrivateValues = async () => {
  const values: Record<string, string> = {};
  const collect = (uid: string, row: Record<string, unknown> | null) => {
    for (const field of privateAttributes(uid)) {
      const value = row?.[field];
      if (typeof value === 'string' && value.length >= 8) values[`${uid}.${field}`] = value;
    }
  };
  collect(ADMIN_UID, await app.strapi.db.query(ADMIN_UID).findOne({ where: { id: editors[0].id } }));
  collect(USER_UID, await app.strapi.db.query(USER_UID).findOne({ where: { id: reader.id } }));
  collect(COMMENT_UID, await app.strapi.db.query(COMMENT_UID).findOne({ where: { documentId: commentId } }));
  const pending = await app.strapi.db.query(USER_UID).findOne({ where: { confirmed: false } });
  values[`${USER_UID}.confirmationToken`] = pending.confirmationToken;
  return values;
};

/** Points every row of a document (draft and published) at an editor, as the Content Manager would. */
const authoredBy = async (uid: string, documentId: string, editor: TestAdmin) => {
  for (const row of await app.strapi.db.query(uid).findMany({ where: { documentId } })) {
    await app.strapi.db
      .query(uid)
      .update({ where: { id: row.id }, data: { createdBy: editor.id, updatedBy: editor.id } });
  }
};

/** Tokens a pending reset, invitation or confirmation leaves on admin and reader accounts, through the real routes where there is one. */
const seedPendingTokens = async () => {
  await app.strapi.db.query(ADMIN_UID).update({
    where: { id: editors[0].id },
    data: {
      resetPasswordToken: 'adminresettoken0123456789abcdef',
      registrationToken: 'adminregistration0123456789abcd',
    },
  });
  expect((await app.http().post('/api/auth/forgot-password').send({ email: reader.email })).status).toBe(200);
  const pending = await app
    .http()
    .post('/api/auth/local/register')
    .send({ username: 'pending1', email: 'pending1@example.test', password: 'Pending-Password-1' });
  expect(pending.status).toBe(200);
};

/** A story by editor A with a person, quote, figure and tag (all by A), and a story by editor B. */
const seedEditorialContent = async () => {
  const post = async (plural: string, data: Record<string, unknown>) => {
    const res = await app.http().post(`/api/${plural}`).set('Authorization', `Bearer ${token}`).send({ data });
    if (res.status !== 201) throw new Error(`${plural}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.data.documentId as string;
  };
  ids = {};
  ids.people = await post('people', { name: 'Named Person' });
  ids.figures = await post('figures', { label: 'A figure', value: 3, attribution: 'Someone' });
  ids.quotes = await post('quotes', {
    text: 'Said words.',
    kind: 'direct',
    speaker: ids.people,
    figures: [ids.figures],
  });
  ids.tags = await post('tags', { name: 'A tag' });
  ids.articleA = (await createArticle(app, { title: 'Story by editor A' })).documentId;
  ids.articleB = (await createArticle(app, { title: 'Story by editor B' })).documentId;
  await app.strapi.documents('api::article.article').update({
    documentId: ids.articleA,
    data: { people: [ids.people], quotes: [ids.quotes], figures: [ids.figures], tags: [ids.tags] } as never,
    status: 'published',
  });
  for (const plural of ['people', 'figures', 'quotes', 'tags'])
    await authoredBy(EDITORIAL[plural], ids[plural], editors[0]);
  await authoredBy(EDITORIAL.articles, ids.articleA, editors[0]);
  await authoredBy(EDITORIAL.articles, ids.articleB, editors[1]);
};

beforeAll(async () => {
  app = await bootStrapi({ env: { EMAIL_OUTBOX_DIR: outbox } });
  await app.strapi.plugin('comments').service('settings').setOverrides(GENEROUS_LIMITS);
  await ensurePolicy(app);
  token = await createApiToken(app);
  editors = [await createAdmin(app, ['strapi-editor']), await createAdmin(app, ['strapi-editor'])];
  reader = await createSubscriber(app, token, { displayName: 'Alice Reader' });
  await seedPendingTokens();
  await seedEditorialContent();
  const posted = await postComment(app, reader, ids.articleA, 'A comment with a private fingerprint');
  commentId = posted.body.data.documentId;
  privateValues = await readPrivateValues();
});
afterAll(async () => {
  await app?.stop();
  fs.rmSync(outbox, { recursive: true, force: true });
});

test('the probes know every private attribute, and the fixtures hold a value for each that matters', () => {
  expect(privateAttributes(USER_UID)).toEqual(
    expect.arrayContaining(['password', 'resetPasswordToken', 'confirmationToken'])
  );
  expect(privateAttributes(ADMIN_UID)).toEqual(
    expect.arrayContaining(['password', 'resetPasswordToken', 'registrationToken'])
  );
  expect(privateAttributes(COMMENT_UID)).toContain('bodyHash');
  for (const uid of Object.values(EDITORIAL))
    expect(privateAttributes(uid)).toEqual(expect.arrayContaining(['createdBy', 'updatedBy']));
  expect(Object.keys(privateValues).sort()).toEqual(
    [
      `${ADMIN_UID}.email`,
      `${ADMIN_UID}.password`,
      `${ADMIN_UID}.registrationToken`,
      `${ADMIN_UID}.resetPasswordToken`,
      `${COMMENT_UID}.bodyHash`,
      `${USER_UID}.confirmationToken`,
      `${USER_UID}.password`,
      `${USER_UID}.resetPasswordToken`,
    ].sort()
  );
});

test('no content type has a private attribute the probes below do not aim at', () => {
  // Strapi adds these to every type; the probes aim at createdBy and updatedBy on every route.
  const automatic = ['createdBy', 'updatedBy', 'locale', 'localizations'];
  const declared = Object.keys(app.strapi.contentTypes)
    .filter((uid) => uid.startsWith('api::') || uid.startsWith('plugin::comments.'))
    .map((uid) => [uid, privateAttributes(uid).filter((name) => !automatic.includes(name))] as const)
    .filter(([, names]) => names.length > 0);
  expect(Object.fromEntries(declared)).toEqual({ [COMMENT_UID]: ['bodyHash'], [WEBHOOK_UID]: ['secret'] });
});

test("a webhook's signing secret is shown once: no later answer holds it, or its stored form", async () => {
  const admin = adminCall(app, await createAdmin(app));
  // A public address literal (no DNS), disabled: stored, never called.
  const created = await admin.post('/comments/webhooks', {
    name: 'probe',
    url: 'http://93.184.216.34/hook',
    events: ['appeal.filed'],
    enabled: false,
  });
  expect(created.status).toBe(201);
  const { documentId, secret } = created.body.data;
  const stored = (await app.strapi.db.query(WEBHOOK_UID).findOne({ where: { documentId } })).secret;
  expect(stored).not.toContain(secret.slice('whsec_'.length));
  const answers = [
    await admin.get('/comments/webhooks'),
    await admin.put(`/comments/webhooks/${documentId}`, { name: 'probe, renamed' }),
    await admin.get(`/comments/webhooks/${documentId}/deliveries`),
  ];
  for (const res of answers) {
    expect(res.status).toBe(200);
    for (const value of [secret, secret.slice('whsec_'.length), stored]) expect(JSON.stringify(res.body)).not.toContain(value);
  }
});

describe.each(['anonymous', 'a logged-in reader'])('editorial routes, %s', (who) => {
  const jwt = () => (who === 'anonymous' ? undefined : reader.jwt);

  test.each(Object.keys(EDITORIAL))(
    '/api/%s: no private value in any answer, no answer depends on one',
    async (plural) => {
      await expectNoOracle(`/api/${plural}`, jwt(), editorialProbes(EDITORIAL[plural]));
    }
  );

  test('/api/articles/:documentId: the same for one document', async () => {
    await expectNoOracle(`/api/articles/${ids.articleA}`, jwt(), editorialProbes(EDITORIAL.articles));
  });
});

test('/api/users/me: the reader’s own password hash and tokens are out of reach too', async () => {
  await expectNoOracle('/api/users/me', reader.jwt, userProbes());
});

test.each([
  ['/api/comments/threads/ARTICLE', false],
  ['/api/comments/COMMENT/replies', false],
  ['/api/comments/policy', false],
  ['/api/comments/me', true],
  ['/api/comments/me/comments', true],
  ['/api/comments/me/reports', true],
  ['/api/comments/me/export', true],
])('comments plugin %s: no private value in any answer, no answer depends on one', async (template, withJwt) => {
  const route = template.replace('ARTICLE', ids.articleA).replace('COMMENT', commentId);
  // The policy says what time it is: a still clock keeps two answers comparable.
  const clock = jest.spyOn(app.strapi.plugin('comments').service('clock'), 'now').mockReturnValue(new Date());
  try {
    await expectNoOracle(route, withJwt ? reader.jwt : undefined, commentProbes());
  } finally {
    clock.mockRestore();
  }
});

describe('concrete cases', () => {
  test.each([
    '?populate=*',
    '?populate[createdBy]=*',
    '?populate[updatedBy][fields][0]=email',
    '?fields[0]=createdBy',
    '?populate[people][populate]=*',
  ])('%s shows no admin fields', async (query) => {
    const res = await api(`/api/articles/${ids.articleA}${query}`);
    if (res.status === 400) {
      expectErrorEnvelope(res, 400);
      return;
    }
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body.data)).not.toMatch(
      /createdBy|updatedBy|"email"|"password"|resetPasswordToken|registrationToken/
    );
  });

  test('users-permissions users are not reachable through relations or filters either', async () => {
    expectErrorEnvelope(await api(`/api/users/${reader.id}`), 403);
    const filtered = await api(`/api/articles?filters[createdBy][email][$eq]=${encodeURIComponent(reader.email)}`);
    expect(JSON.stringify(filtered.body)).not.toContain(reader.email);
  });

  test('no author data beyond displayName through populate, fields or filters parameters', async () => {
    const thread = (query = '') => app.http().get(`/api/comments/threads/${ids.articleA}${query}`);
    for (const query of [
      '?populate=*',
      '?populate[author]=*',
      '?fields[0]=authorId',
      '?filters[authorId][$eq]=1',
      '?filters[author][email][$startsWith]=a',
    ]) {
      expectErrorEnvelope(await thread(query), 400);
    }
    const res = await thread();
    const text = JSON.stringify(res.body);
    for (const secret of [reader.email, reader.username, reader.documentId, '"authorId"', '"email"', '"username"'])
      expect(text).not.toContain(secret);
    expect(res.body.data[0].author).toEqual({ displayName: 'Alice Reader' });
    // The plugin's tables have no content-API routes of their own.
    for (const url of ['/api/comments', '/api/comments/comments', '/api/comment-reports', '/api/commenter-profiles']) {
      expect([404, 405]).toContain((await app.http().get(url)).status);
    }
  });

  test('the reader’s own JSON never carries the fingerprint of a comment', async () => {
    for (const url of ['/api/comments/me/comments', '/api/comments/me/export']) {
      const res = await api(url, reader.jwt);
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).not.toMatch(/bodyHash/);
    }
    const posted = await postComment(app, reader, ids.articleB, 'Another fingerprinted comment');
    expect(JSON.stringify(posted.body)).not.toMatch(/bodyHash/);
  });
});
