import fs from 'fs';
import http from 'http';
import os from 'os';
import path from 'path';
import fc from 'fast-check';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createApiToken, type TestUser } from '../helpers/auth';
import { startChildInstance, type ChildInstance } from '../helpers/child-instance';
import { createSubscriber, ensurePolicy, postComment } from '../helpers/comments';
import { GENEROUS_LIMITS } from '../helpers/moderation';
import {
  describeRequest,
  jsonBodyRequest,
  queryRequest,
  rawBodyRequest,
  type FuzzFixtures,
  type FuzzRequest,
} from '../helpers/security-fuzz-arbitraries';

/**
 * Seeded fuzzing of the public routes (anonymous and a logged-in reader): whatever a client sends,
 * the answer is never a 5xx, and every 4xx is Strapi's error envelope. A failure prints the seed
 * and the request; `fc.assert(…, { seed, path })` with the printed values replays it.
 * The fuzzed server is a second Strapi process on the test's database, so a request that
 * crashes it fails the property with its counterexample instead of killing the test run;
 * FUZZ_TRACE=1 prints every request (to stderr) before it is sent.
 */
const SEED = 20_241_116;

interface Answer {
  status: number;
  text: string;
}

let app: TestApp;
let target: ChildInstance | undefined;
let reader: TestUser;
let fixtures: FuzzFixtures;
let outbox: string;
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

const send = (req: FuzzRequest, timeoutMs = 30_000): Promise<Answer> =>
  new Promise((resolve, reject) => {
    if (process.env.FUZZ_TRACE) fs.writeSync(2, `${describeRequest(req)}\n`);
    const { hostname, port } = new URL(target!.baseUrl);
    const headers: Record<string, string> = { ...req.headers };
    if (req.asReader) headers.Authorization = `Bearer ${reader.jwt}`;
    if (req.body) headers['Content-Length'] = String(req.body.length);
    const outgoing = http.request({ hostname, port, method: req.method, path: req.path, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    outgoing.setTimeout(timeoutMs, () => outgoing.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    outgoing.on('error', reject);
    outgoing.end(req.body);
  });

const parseJson = (text: string): any => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

const isErrorEnvelope = (answer: Answer) => {
  const body = parseJson(answer.text);
  return (
    body?.data === null &&
    body.error?.status === answer.status &&
    typeof body.error.name === 'string' &&
    typeof body.error.message === 'string'
  );
};

const shorten = (text: string) => (text.length > 500 ? `${text.slice(0, 500)}…` : text);

/** The property: no 5xx, and a 4xx only in the envelope. Throws with the request and the answer. */
const answersWithinContract = async (req: FuzzRequest) => {
  const answer = await send(req).catch((error: Error) => {
    throw new Error(`no answer (${error.message}): the server crashed or hung\n  request: ${describeRequest(req)}`);
  });
  const fault =
    answer.status >= 500
      ? 'a server error'
      : answer.status >= 400 && !isErrorEnvelope(answer)
        ? 'a client error outside the error envelope'
        : null;
  if (fault)
    throw new Error(`${fault}\n  request: ${describeRequest(req)}\n  answer: ${answer.status} ${shorten(answer.text)}`);
};

const health = () =>
  send({ method: 'GET', path: '/_health', headers: {}, asReader: false }, 5_000).then(
    (answer) => answer.status === 204,
    () => false
  );

/** A fresh fuzz target whenever the last one died (a crash is reported by the property that caused it). */
const ensureTarget = async () => {
  if (target && (await health())) return;
  await stopTarget();
  target = await startChildInstance({});
};

// stop() waits for an exit that a crashed process has already had: give it a bound.
const stopTarget = async () => {
  agent.destroy();
  if (target) await Promise.race([target.stop(), new Promise((resolve) => setTimeout(resolve, 12_000).unref())]);
  target = undefined;
};

/** Half the requests carry the reader's JWT: if it stopped working they would all be anonymous ones. */
const expectReaderStillLoggedIn = async () => {
  const me = await send({ method: 'GET', path: '/api/comments/me', headers: {}, asReader: true });
  expect(me.status).toBe(200);
  expect(parseJson(me.text).data.terms).toMatchObject({ accepted: true });
};

const fuzz = async (arbitrary: fc.Arbitrary<FuzzRequest>, numRuns: number, seed: number) => {
  await fc.assert(fc.asyncProperty(arbitrary, answersWithinContract), { numRuns, seed, endOnFailure: true });
  await expectReaderStillLoggedIn();
};

/** A published story linked to one of each editorial type, so relation filters and populates have rows to walk. */
const seedStory = async () => {
  const documents = (uid: string) => app.strapi.documents(uid as never) as any;
  const published = { status: 'published' };
  const tag = await documents('api::tag.tag').create({ data: { name: 'Fuzz', slug: 'fuzz' } });
  const speaker = await documents('api::person.person').create({
    data: { name: 'Fuzz Person', slug: 'fuzz-person' },
    ...published,
  });
  const quote = await documents('api::quote.quote').create({
    data: { text: 'Words.', speaker: speaker.documentId },
    ...published,
  });
  const figure = await documents('api::figure.figure').create({
    data: {
      label: 'Drones',
      value: 83,
      attribution: 'Officials',
      breakdown: [{ label: 'Shot down', value: 55 }],
      breakdownKind: 'partial',
    },
    ...published,
  });
  const paragraph = { type: 'paragraph', children: [{ type: 'text', text: 'A paragraph.' }] };
  return documents('api::article.article').create({
    data: {
      title: 'Fuzz story',
      slug: 'fuzz-story',
      standfirst: 'A standfirst.',
      body: [paragraph],
      section: 'World',
      tags: [tag.documentId],
      people: [speaker.documentId],
      quotes: [quote.documentId],
      figures: [figure.documentId],
    },
    ...published,
  });
};

const commentBy = async (user: TestUser, articleId: string, body: string) => {
  const res = await postComment(app, user, articleId, body);
  if (res.status !== 201) throw new Error(`comment failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.documentId as string;
};

beforeAll(async () => {
  // Registration and forgot-password bodies that happen to be valid send mail: keep it out of .tmp/outbox.
  outbox = fs.mkdtempSync(path.join(os.tmpdir(), 'fuzz-outbox-'));
  app = await bootStrapi({ env: { EMAIL_OUTBOX_DIR: outbox } });
  await app.strapi.plugin('comments').service('settings').setOverrides(GENEROUS_LIMITS);
  await ensurePolicy(app);
  const token = await createApiToken(app);
  reader = await createSubscriber(app, token, { displayName: 'Fuzz Reader' });
  const other = await createSubscriber(app, token, { displayName: 'Other Reader' });
  const articleId = (await seedStory()).documentId;
  fixtures = {
    articleId,
    readerCommentId: await commentBy(reader, articleId, 'The reader’s own comment.'),
    otherCommentId: await commentBy(other, articleId, 'Someone else’s comment.'),
    readerEmail: reader.email,
  };
});
beforeEach(ensureTarget);
afterAll(async () => {
  await stopTarget();
  await app?.stop();
  if (outbox) fs.rmSync(outbox, { recursive: true, force: true });
});

describe('malformed requests to the public routes get a 4xx in the envelope, never a 5xx', () => {
  test('query strings: REST filters, pagination, sort, populate, fields, status, locale; raw encodings; odd path params', async () => {
    await fuzz(queryRequest(fixtures), 200, SEED);
  }, 120_000);

  test('JSON bodies: valid ones with a field tainted (lone surrogates, U+FFFD, NUL), retyped, dropped, deep or huge; extra keys', async () => {
    await fuzz(jsonBodyRequest(fixtures), 200, SEED + 1);
  }, 120_000);

  test('raw bodies: invalid JSON, wrong Content-Type, false Content-Encoding, bogus charset; wrong methods', async () => {
    await fuzz(rawBodyRequest(fixtures), 100, SEED + 2);
  }, 120_000);
});
