/**
 * fast-check arbitraries for the seeded fuzz test (tests/security/fuzz.test.ts): malformed requests
 * to the public routes, built from Strapi's REST vocabulary and the comments plugin's routes.
 */
import fc from 'fast-check';
import article from '../../src/api/article/content-types/article/schema.json';
import figure from '../../src/api/figure/content-types/figure/schema.json';
import person from '../../src/api/person/content-types/person/schema.json';
import quote from '../../src/api/quote/content-types/quote/schema.json';
import tag from '../../src/api/tag/content-types/tag/schema.json';
import breakdownItem from '../../src/components/editorial/breakdown-item.json';
import { REPORT_REASONS } from '../../src/plugins/comments/server/src/constants';
import { TERMS_VERSION } from './comments';

/** One HTTP request as the fuzz test sends it: the path carries its query string, already percent-encoded. */
export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** With the fuzz reader's JWT (a subscriber who accepted the terms), else anonymous. */
  asReader: boolean;
}

/** Real documentIds the generators mix in, so requests reach handlers and validators, not only 404s. */
export interface FuzzFixtures {
  articleId: string;
  readerCommentId: string;
  otherCommentId: string;
  readerEmail: string;
}

type Pair = [string, string];
type Schema = { attributes: Record<string, { type: string; target?: string }> };

// ---------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------

const TYPES = { article, figure, person, quote, tag } as Record<string, Schema>;
const COLLECTIONS = { article: 'articles', figure: 'figures', person: 'people', quote: 'quotes', tag: 'tags' };
const SYSTEM_FIELDS = ['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'locale', 'createdBy', 'updatedBy'];
const BOGUS_NAMES = ['nope', 'password', 'Title', 'title ', '__proto__', 'constructor', 'prototype', '', '$eq', '0'];
// prettier-ignore
const OPERATORS = [
  '$eq', '$eqi', '$ne', '$nei', '$lt', '$lte', '$gt', '$gte', '$in', '$notIn', '$contains', '$notContains',
  '$containsi', '$notContainsi', '$null', '$notNull', '$between', '$startsWith', '$startsWithi', '$endsWith',
  '$endsWithi', '$or', '$and', '$not',
];
const BOGUS_OPERATORS = ['$x', '$where', '$raw', '$regex', '$exists', 'eq', '$EQ', '$$eq', '$'];
// prettier-ignore
const NASTY_STRINGS = [
  '', ' ', '\u0000', 'a\u0000b', '\uFFFD', '\uD800', 'x\uDFFFy', '\uDBFF\uDBFF', '\u202Egnp.exe', '👩‍👩‍👧‍👦',
  "'; DROP TABLE articles; --", '%_\\', '\\', '"', '\r\n', 'null', 'undefined', 'NaN',
];
// prettier-ignore
const NUMBERISH_STRINGS = [
  '0', '-1', '1.5', '-0', '1e300', '1e-7', '1e309', '-1e309', '99999999999999999999', '9007199254740993',
  '2147483648', '-2147483649', 'NaN', 'Infinity', '-Infinity', '0x10', '0b11', '1_000', ' 1', '1 ', '+1', '1,2',
  '', 'abc', 'true', '[]', '{}',
];
// prettier-ignore
const DATEISH_STRINGS = [
  '2024-01-01', '2024-01-01T00:00:00Z', '2024-13-45', '2024-02-30T25:61:61Z', '0000-00-00',
  '+275760-09-13T00:00:00.000Z', '1970-01-01T00:00:00+99:99', 'yesterday',
];
// prettier-ignore
const ODD_ENCODINGS = [
  '%ff', '%00', '%', '%zz', '%c3%28', '%e2%82', '%ed%a0%80', '%f4%90%80%80', '%2500', '%u0041', '+', '%20', '%0d%0a',
  '%5b', '%5d', '%26', '%3d', '%ef%bf%bd',
];
// prettier-ignore
const RAW_KEYS = [
  'a[]', 'filters', 'filters[]', 'filters[[title]]', 'filters[title', 'filters]title[', 'pagination', 'sort[$gt]',
  'populate[]', 'fields[0][1]', '[]', '[', '', 'filters[id][$in][150]', 'filters[$or]', '__proto__[x]',
  'constructor[prototype][x]', 'filters[__proto__][title]', 'pagination[page]', 'filters%5Btitle%5D%5B%24eq%5D',
];
// prettier-ignore
const ODD_PATH_IDS = [
  '0', '1', '-1', '1e9', '99999999999999999999', 'null', 'undefined', '__proto__', 'constructor', '*', '$eq',
  '%5Bobject%20Object%5D', '..%2f..%2fadmin', '%2e%2e', '..%2F', '%00', '%ff', 'a%2fb', '%20', 'true', 'me',
  'x%3Fy=1', '%E2%80%AE', '%F0%9F%92%A9', '00000000-0000-0000-0000-000000000000', 'a'.repeat(65),
];
// prettier-ignore
const INVALID_JSON = [
  '{', '{"data":', '{"a":1,}', "{'a':1}", 'NaN', 'undefined', '\u0000', '{"data":{"body":"\\ud800"}}',
  '{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"polluted":1}}}', '\uFEFF{}', '{"data":{"body":"x"}}x',
  '[1,2', '"unterminated', '{"data":{"body":"\\u00"}}', '', ' ', '1e999', '{"a":1}{"b":2}',
];
// prettier-ignore
const CONTENT_TYPES = [
  'application/json', 'application/json; charset=foo', 'application/json; charset=utf-16',
  'application/json; charset=latin1', 'application/json; charset="utf-8"', 'application/json;;;', 'text/plain',
  'text/json', 'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data',
  'multipart/form-data; boundary=x', 'application/octet-stream', 'application/vnd.api+json', 'application/csp-report',
  'application/json-patch+json', '', 'x/x', '*/*',
];
const CONTENT_ENCODINGS = ['gzip', 'deflate', 'br', 'identity', 'gzip, br', 'x-gzip', 'zstd', 'bogus'];
// prettier-ignore
const AUTHORIZATIONS = [
  'Bearer ', 'Bearer x.y.z', 'Bearer null', 'Basic YTpi', 'bearer', `Bearer ${'a'.repeat(2000)}`, 'Token abc',
];

const typeName = (uid: string) => uid.replace(/^api::[^.]+\./, '');
const attributesOf = (name: string): Schema['attributes'] => TYPES[name]?.attributes ?? breakdownItem.attributes;

/** Attribute paths of a type as Strapi reads them: `title`, `tags.name`, `quotes.speaker.name`, `breakdown.value`. */
const attributePaths = (name: string, depth: number): string[][] =>
  Object.entries(attributesOf(name)).flatMap(([key, attribute]) => {
    if (attribute.type === 'relation' && depth > 0)
      return [[key], ...attributePaths(typeName(attribute.target!), depth - 1).map((path) => [key, ...path])];
    if (attribute.type === 'component')
      return [[key], ...Object.keys(breakdownItem.attributes).map((sub) => [key, sub])];
    return [[key]];
  });

const relationNames = (name: string) =>
  Object.entries(attributesOf(name))
    .filter(([, attribute]) => attribute.type === 'relation' || attribute.type === 'component')
    .map(([key]) => key);

const bracketKey = (root: string, segments: string[]) => root + segments.map((segment) => `[${segment}]`).join('');

/** Percent-encodes the UTF-8 bytes of a string (a lone surrogate becomes U+FFFD's bytes), keeping `keep` literal. */
const percentEncode = (text: string, keep: RegExp) =>
  [...Buffer.from(text, 'utf8')]
    .map((byte) => {
      const char = String.fromCharCode(byte);
      return byte < 0x80 && keep.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');

/** Brackets stay literal, as `curl -g` sends them. */
export const encodeQuery = (pairs: Pair[]) =>
  pairs
    .map(
      ([key, value]) => `${percentEncode(key, /[A-Za-z0-9\-_.~[\]$]/)}=${percentEncode(value, /[A-Za-z0-9\-_.~*,:]/)}`
    )
    .join('&');

// ---------------------------------------------------------------------------------------------
// Printing
// ---------------------------------------------------------------------------------------------

const shorten = (text: string, max = 300) =>
  text.length > max ? `${text.slice(0, max)}…(${text.length} chars)` : text;

/** One line per request; fast-check prints counterexamples with it, so a 250 kB body does not drown the report. */
export const describeRequest = (req: FuzzRequest) =>
  [
    `${req.method} ${shorten(req.path)}`,
    req.asReader ? '(as the reader)' : '(anonymous)',
    ...Object.entries(req.headers).map(([name, value]) => `${name}: ${shorten(value, 80)}`),
    req.body ? `body: ${shorten(JSON.stringify(req.body.toString('utf8')))}` : 'no body',
  ].join(' ');

const request = (method: string, path: string, asReader: boolean, extra: Partial<FuzzRequest> = {}): FuzzRequest => {
  const req: FuzzRequest = { method, path, headers: {}, asReader, ...extra };
  return Object.assign(req, { [fc.toStringMethod]: () => describeRequest(req) });
};

// ---------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------

/** Strings that break naive handling: NUL, U+FFFD, lone surrogates, RTL, emoji, SQL and LIKE wildcards. */
export const nastyString = fc.oneof(
  fc.constantFrom(...NASTY_STRINGS),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc
    .tuple(fc.string({ maxLength: 10 }), fc.constantFrom('\uD800', '\uFFFD', '\u0000'), fc.string({ maxLength: 10 }))
    .map((parts) => parts.join(''))
);

/** Number-like text of every awkward kind: huge, negative, float, exponent, hex, non-numeric. */
export const numberishString = fc.oneof(
  fc.constantFrom(...NUMBERISH_STRINGS),
  fc.integer().map(String),
  fc.double().map(String),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String)
);

const dateishString = fc.constantFrom(...DATEISH_STRINGS);

/** A query-string value of the wrong (or right) type for whatever it is given to. */
export const queryValue = fc.oneof(
  { weight: 3, arbitrary: numberishString },
  { weight: 3, arbitrary: nastyString },
  { weight: 1, arbitrary: dateishString },
  { weight: 1, arbitrary: fc.constantFrom('true', 'false', 'null', '*', 'open', 'published', 'draft') },
  { weight: 1, arbitrary: fc.integer({ min: 300, max: 3000 }).map((length) => 'q'.repeat(length)) }
);

// ---------------------------------------------------------------------------------------------
// REST query parameters (filters, pagination, sort, populate, fields, status, locale, _q)
// ---------------------------------------------------------------------------------------------

const attributePath = (name: string) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...attributePaths(name, 2), ...SYSTEM_FIELDS.map((field) => [field])) },
    { weight: 1, arbitrary: fc.array(fc.constantFrom(...BOGUS_NAMES), { minLength: 1, maxLength: 2 }) }
  );

const operatorChain = fc.array(
  fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...OPERATORS) }, fc.constantFrom(...BOGUS_OPERATORS)),
  { maxLength: 2 }
);

/** `$or` / `$and` (with an index) or `$not`, spliced into a filter path, also inside a relation. */
const logicalGroup = fc.oneof(
  fc.tuple(fc.constantFrom('$or', '$and'), fc.constantFrom('0', '1', '5', '-1', 'x')).map((group) => [...group]),
  fc.constant(['$not'])
);

/** `filters[…]=…` with real and bogus attribute names, nested relation paths, random operators and values. */
export const filterPair = (name: string): fc.Arbitrary<Pair> =>
  fc
    .record({
      path: attributePath(name),
      logical: fc.option(fc.tuple(logicalGroup, fc.nat()), { nil: undefined }),
      operators: operatorChain,
      index: fc.option(fc.constantFrom('0', '1', '', '101'), { nil: undefined }),
      value: queryValue,
    })
    .map(({ path, logical, operators, index, value }) => {
      const segments = [...path];
      if (logical) segments.splice(logical[1] % (segments.length + 1), 0, ...logical[0]);
      return [bracketKey('filters', [...segments, ...operators, ...(index === undefined ? [] : [index])]), value];
    });

export const paginationPair: fc.Arbitrary<Pair> = fc
  .tuple(
    fc.constantFrom('page', 'pageSize', 'start', 'limit', 'withCount', 'offset'),
    fc.option(fc.constantFrom('$gt', '0', ''), { nil: undefined }),
    fc.oneof({ weight: 4, arbitrary: numberishString }, nastyString)
  )
  .map(([field, nested, value]) => [bracketKey('pagination', nested === undefined ? [field] : [field, nested]), value]);

const sortDirection = fc.constantFrom('', ':asc', ':desc', ':ASC', ':DESC', ':sideways', ':', '::desc');

export const sortPair = (name: string): fc.Arbitrary<Pair> =>
  fc
    .tuple(
      fc.constantFrom('sort', 'sort[0]', 'sort[1]', 'sort[]', 'sort[title]', 'sort[$gt]'),
      fc.array(fc.tuple(attributePath(name), sortDirection), { minLength: 1, maxLength: 3 })
    )
    .map(([key, fields]) => [key, fields.map(([path, direction]) => path.join('.') + direction).join(',')]);

const populateName = (name: string) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...relationNames(name)) },
    { weight: 1, arbitrary: fc.constantFrom('*', 'title', 'role', 'comments', 'localizations', ...BOGUS_NAMES) }
  );

const populateTail = fc.constantFrom<string[]>(
  [],
  ['populate'],
  ['populate', '0'],
  ['fields', '0'],
  ['filters', 'name', '$eq'],
  ['filters', 'id', '$eq'],
  ['sort'],
  ['count'],
  ['on', 'editorial.breakdown-item'],
  ['populate', 'articles', 'populate'],
  ['$eq']
);

export const populatePair = (name: string): fc.Arbitrary<Pair> =>
  fc.oneof(
    fc
      .array(populateName(name), { minLength: 1, maxLength: 3 })
      .chain((names) =>
        fc.constantFrom<Pair>(['populate', names.join(',')], ['populate[0]', names[0]], ['populate', names.join('.')])
      ),
    fc
      .tuple(populateName(name), populateTail, fc.oneof(fc.constantFrom('*', 'true', 'false', 'name'), queryValue))
      .map(([target, tail, value]): Pair => [bracketKey('populate', [target, ...tail]), value])
  );

export const fieldsPair = (name: string): fc.Arbitrary<Pair> =>
  fc
    .tuple(
      fc.constantFrom('fields', 'fields[0]', 'fields[]', 'fields[1][0]'),
      fc.array(attributePath(name), { minLength: 1, maxLength: 3 }),
      fc.boolean()
    )
    .map(([key, paths, star]) => [key, star ? '*' : paths.map((path) => path.join('.')).join(',')]);

const statusLocalePair: fc.Arbitrary<Pair> = fc.tuple(
  fc.constantFrom('status', 'locale', 'status[0]', 'locale[$eq]', '_q', 'publicationState', 'plugins[i18n][locale]'),
  fc.oneof(fc.constantFrom('draft', 'published', 'preview', 'live', 'en', 'fr', '*', 'all', 'xx-YY', ''), nastyString)
);

/** Any parameter of Strapi's REST vocabulary, for the content type `name`. */
export const restPair = (name: string): fc.Arbitrary<Pair> =>
  fc.oneof(
    { weight: 5, arbitrary: filterPair(name) },
    { weight: 2, arbitrary: paginationPair },
    { weight: 2, arbitrary: sortPair(name) },
    { weight: 2, arbitrary: populatePair(name) },
    { weight: 1, arbitrary: fieldsPair(name) },
    { weight: 1, arbitrary: statusLocalePair }
  );

/** The comments plugin's own query parameters, plus a stray REST one now and then (refused as unknown). */
export const commentsPair: fc.Arbitrary<Pair> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom('page', 'pageSize', 'page[0]', 'pageSize[$gt]'), numberishString) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('sort', 'sort[]'), fc.constantFrom('oldest', 'newest', 'top', '')) },
  { weight: 1, arbitrary: restPair('article') }
);

// ---------------------------------------------------------------------------------------------
// Raw query strings and path params
// ---------------------------------------------------------------------------------------------

const deepKey = fc
  .tuple(fc.constantFrom('a', 'filters', 'populate', 'sort', 'filters[title]'), fc.integer({ min: 1, max: 40 }))
  .map(([root, depth]) => root + '[b]'.repeat(depth));

const rawFragment = fc.oneof(
  fc
    .tuple(
      fc.oneof(fc.constantFrom(...RAW_KEYS), deepKey),
      fc.array(fc.constantFrom(...ODD_ENCODINGS, '1', 'x', '*'), { maxLength: 3 })
    )
    .map(([key, value]) => `${key}=${value.join('')}`),
  fc
    .tuple(
      fc.constantFrom('sort', 'filters[title][$eq]', 'pagination[page]', 'populate'),
      fc.constantFrom('title', '1')
    )
    .map(([key, value]) => `${key}=${value}&${key}=${value}`),
  fc.constantFrom('&&', '=', '==', 'a==b', 'a', '?', '#', '&=&', 'a[]=1&a[]=2&a[5]=3', 'a[]=&a[]=')
);

/** A raw query string: odd percent-encodings, repeated keys, `a[]=`, keys nested far past qs's depth. */
export const rawQuery = fc.array(rawFragment, { minLength: 1, maxLength: 5 }).map((fragments) => fragments.join('&'));

/** A path param of the wrong shape; real documentIds stay frequent so handlers are reached too. */
export const pathId = (realIds: string[]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...realIds) },
    { weight: 2, arbitrary: fc.constantFrom(...ODD_PATH_IDS) },
    { weight: 1, arbitrary: fc.integer({ min: 200, max: 3000 }).map((length) => 'x'.repeat(length)) },
    {
      weight: 1,
      arbitrary: fc
        .string({ unit: 'binary', minLength: 1, maxLength: 20 })
        .map((text) => percentEncode(text, /[A-Za-z0-9]/)),
    }
  );

const fixtureIds = (fixtures: FuzzFixtures) =>
  pathId([fixtures.articleId, fixtures.readerCommentId, fixtures.otherCommentId]);

// ---------------------------------------------------------------------------------------------
// GET routes and their queries
// ---------------------------------------------------------------------------------------------

interface GetRoute {
  path: (id: string) => string;
  pair: fc.Arbitrary<Pair>;
}

const contentRoutes: GetRoute[] = Object.entries(COLLECTIONS).flatMap(([name, plural]) => [
  { path: () => `/api/${plural}`, pair: restPair(name) },
  { path: (id: string) => `/api/${plural}/${id}`, pair: restPair(name) },
]);

const commentsGetRoutes: GetRoute[] = [
  '/api/comments/policy',
  '/api/comments/me',
  '/api/comments/me/comments',
  '/api/comments/me/reports',
  '/api/comments/me/export',
  '/api/comments/threads/:id',
  '/api/comments/:id/replies',
].map((template) => ({ path: (id: string) => template.replace(':id', id), pair: commentsPair }));

const usersMeRoute: GetRoute = {
  path: () => '/api/users/me',
  pair: fc.oneof(
    populatePair('article'),
    fieldsPair('article'),
    fc.constantFrom<Pair>(['populate', 'role'], ['fields', 'password'])
  ),
};

const GET_ROUTES = [...contentRoutes, ...commentsGetRoutes, usersMeRoute];

/** GETs of every public route: a structured REST query (3 in 4) or a raw query string, path params of odd shapes. */
export const queryRequest = (fixtures: FuzzFixtures): fc.Arbitrary<FuzzRequest> =>
  fc
    .record({ route: fc.constantFrom(...GET_ROUTES), id: fixtureIds(fixtures), asReader: fc.boolean(), raw: fc.nat(3) })
    .chain(({ route, id, asReader, raw }) =>
      (raw === 0 ? rawQuery : fc.array(route.pair, { minLength: 1, maxLength: 6 }).map(encodeQuery)).map((query) =>
        request('GET', `${route.path(id)}?${query}`, asReader)
      )
    );

// ---------------------------------------------------------------------------------------------
// JSON bodies: a valid body for the route, then one mutation
// ---------------------------------------------------------------------------------------------

/** A string within the 256 kB body limit (ASCII, so the byte count is the length). */
const hugeString = fc.integer({ min: 100_000, max: 250_000 }).map((length) => 'h'.repeat(length));

/** 30 to 45 levels of arrays and objects around a leaf: around and past the 32-level limit. */
export const deepValue = fc
  .tuple(
    fc.integer({ min: 30, max: 45 }),
    fc.array(fc.boolean(), { minLength: 45, maxLength: 45 }),
    fc.jsonValue({ maxDepth: 0 })
  )
  .map(([depth, kinds, leaf]) =>
    kinds.slice(0, depth).reduce<unknown>((inner, asArray) => (asArray ? [inner] : { d: inner }), leaf)
  );

const anyJson = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 2, arbitrary: nastyString },
  { weight: 1, arbitrary: deepValue },
  { weight: 1, arbitrary: hugeString }
);

/** What a decoder leaves for bad UTF-8 (U+FFFD), lone surrogates of both halves, NUL. */
const TAINTS = ['\uD800', '\uDBFF', '\uDFFF', '\uFFFD', '\u0000'];

/** `text` with one bad character spliced in anywhere (also first or last). */
const tainted = (text: string) =>
  fc
    .tuple(fc.nat({ max: text.length }), fc.constantFrom(...TAINTS))
    .map(([at, bad]) => text.slice(0, at) + bad + text.slice(at));

const DROP = Symbol('drop the field');

/** One field's mutation: a bad character in it, a value of any other type (deep, huge, null…), or no field at all. */
const fieldMutation = (value: unknown): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 3, arbitrary: typeof value === 'string' ? tainted(value) : fc.constantFrom(...TAINTS) },
    { weight: 2, arbitrary: anyJson },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constant(DROP) }
  );

const mutateOneField = (fields: Record<string, unknown>) =>
  fc.constantFrom(...Object.keys(fields)).chain((key) =>
    fieldMutation(fields[key]).map((value) => {
      const { [key]: _dropped, ...rest } = fields;
      return value === DROP ? rest : { ...rest, [key]: value };
    })
  );

const extraKeys = fc.dictionary(fc.oneof(fc.constantFrom('__proto__', 'id', 'role', 'data'), fc.string()), anyJson, {
  minKeys: 1,
  maxKeys: 2,
});

/** The route's valid fields with one mutation (mostly), unchanged, or with extra keys. */
const mutatedFields = (fields: fc.Arbitrary<Record<string, unknown>>) =>
  fields.chain((valid) =>
    fc.oneof(
      { weight: 6, arbitrary: mutateOneField(valid) },
      { weight: 1, arbitrary: fc.constant(valid) },
      { weight: 1, arbitrary: extraKeys.map((extra) => ({ ...valid, ...extra })) }
    )
  );

/** A body for a route: its fields mutated, in the `data` envelope if it takes one; now and then any JSON or no envelope. */
const mutatedBody = (fields: fc.Arbitrary<Record<string, unknown>>, enveloped: boolean) => {
  const mutated = mutatedFields(fields);
  return fc.oneof(
    { weight: 8, arbitrary: mutated.map((data) => (enveloped ? { data } : data)) },
    { weight: 1, arbitrary: mutated },
    { weight: 1, arbitrary: anyJson }
  );
};

const password = fc.oneof(fc.constant('Reader-Password-1'), fc.stringMatching(/^[A-Za-z0-9!-]{8,24}$/));
const username = fc.stringMatching(/^fz_[a-z0-9]{4,12}$/);
const freshEmail = username.map((name) => `${name}@example.test`);
const prose = fc.lorem({ maxCount: 12 });

interface BodyRoute {
  method: string;
  path: (id: string) => string;
  /** The documentId that makes the path real: the story for thread posts, a comment for the rest. */
  realId: string;
  enveloped: boolean;
  /** A valid body's fields (inside `data` when enveloped). */
  fields: fc.Arbitrary<Record<string, unknown>>;
}

const bodyRoutes = ({ articleId, readerCommentId, otherCommentId, readerEmail }: FuzzFixtures): BodyRoute[] => {
  const knownEmail = fc.oneof(fc.constant(readerEmail), freshEmail);
  const fixed = (method: string, path: string, enveloped: boolean, fields: BodyRoute['fields']): BodyRoute => ({
    method,
    path: () => path,
    realId: '',
    enveloped,
    fields,
  });
  const onComment = (method: string, suffix: string, realId: string, fields: BodyRoute['fields']): BodyRoute => ({
    method,
    path: (id) => `/api/comments/${id}${suffix}`,
    realId,
    enveloped: true,
    fields,
  });
  return [
    fixed('POST', '/api/auth/local', false, fc.record({ identifier: knownEmail, password })),
    fixed('POST', '/api/auth/local/register', false, fc.record({ username, email: freshEmail, password })),
    fixed(
      'POST',
      '/api/auth/refresh',
      false,
      fc.record({ refreshToken: fc.string({ minLength: 10, maxLength: 200 }) })
    ),
    fixed('POST', '/api/auth/forgot-password', false, fc.record({ email: knownEmail })),
    fixed(
      'PATCH',
      '/api/comments/me',
      true,
      fc.record({ displayName: fc.stringMatching(/^[A-Za-z][A-Za-z ]{2,30}$/) })
    ),
    fixed('POST', '/api/comments/me/terms', true, fc.record({ version: fc.constant(TERMS_VERSION) })),
    fixed(
      'POST',
      '/api/comments/subscriptions',
      true,
      fc.record({ email: knownEmail, status: fc.constantFrom('active', 'cancelled'), expiresAt: fc.constant(null) })
    ),
    {
      method: 'POST',
      path: (id) => `/api/comments/threads/${id}`,
      realId: articleId,
      enveloped: true,
      fields: fc.record(
        { body: prose, parent: fc.constantFrom(readerCommentId, otherCommentId) },
        { requiredKeys: ['body'] }
      ),
    },
    onComment('PATCH', '', readerCommentId, fc.record({ body: prose })),
    onComment(
      'POST',
      '/reports',
      otherCommentId,
      fc.record({ reason: fc.constantFrom(...REPORT_REASONS), note: prose }, { requiredKeys: ['reason'] })
    ),
  ];
};

/** Path params: the route's real documentId half the time, another shape otherwise. */
const routeId = (route: BodyRoute, fixtures: FuzzFixtures) => fc.oneof(fc.constant(route.realId), fixtureIds(fixtures));

/** POST/PATCH of every public body route, as application/json: a valid body with one mutation, or any JSON. */
export const jsonBodyRequest = (fixtures: FuzzFixtures): fc.Arbitrary<FuzzRequest> =>
  fc.tuple(fc.constantFrom(...bodyRoutes(fixtures)), fc.boolean()).chain(([route, asReader]) =>
    fc.tuple(routeId(route, fixtures), mutatedBody(route.fields, route.enveloped)).map(([id, body]) =>
      request(route.method, route.path(id), asReader, {
        headers: { 'Content-Type': 'application/json' },
        body: Buffer.from(JSON.stringify(body) ?? 'null', 'utf8'),
      })
    )
  );

// ---------------------------------------------------------------------------------------------
// Raw bodies and headers
// ---------------------------------------------------------------------------------------------

const rawBytes = fc.oneof(
  fc.constantFrom(...INVALID_JSON).map((text) => Buffer.from(text, 'utf8')),
  fc.integer({ min: 100, max: 5000 }).map((depth) => Buffer.from('['.repeat(depth))),
  fc.integer({ min: 33, max: 2000 }).map((depth) => Buffer.from('['.repeat(depth) + ']'.repeat(depth))),
  fc.string({ maxLength: 60 }).map((text) => Buffer.from(text, 'utf8')),
  fc.constantFrom(
    Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]),
    Buffer.from('{"data":{"body":"\xff\xfe"}}', 'latin1')
  ),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
  fc.jsonValue({ maxDepth: 2 }).map((value) => Buffer.from(JSON.stringify({ data: value }) ?? 'null', 'utf8'))
);

/** Public routes asked with a method they do not have. */
const wrongMethodTargets = (fixtures: FuzzFixtures) => [
  ...bodyRoutes(fixtures).map((route) => ({ method: 'PUT', path: route.path(fixtures.otherCommentId) })),
  { method: 'DELETE', path: `/api/comments/${fixtures.otherCommentId}` },
  { method: 'POST', path: '/api/articles' },
  { method: 'PUT', path: `/api/articles/${fixtures.articleId}` },
  { method: 'DELETE', path: `/api/tags/${fixtures.articleId}` },
  { method: 'PATCH', path: '/api/users/me' },
  { method: 'DELETE', path: '/api/auth/local' },
  { method: 'GET', path: '/api/auth/local' },
];

const rawTarget = (fixtures: FuzzFixtures) =>
  fc.oneof(
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        ...bodyRoutes(fixtures).map((route) => ({ ...route, path: route.path(route.realId) }))
      ),
    },
    { weight: 1, arbitrary: fc.constantFrom(...wrongMethodTargets(fixtures)) }
  );

/** Bodies that are not what they claim (invalid JSON, JSON as another type, a false Content-Encoding, a bogus charset), or none. */
export const rawBodyRequest = (fixtures: FuzzFixtures): fc.Arbitrary<FuzzRequest> =>
  fc
    .record({
      target: rawTarget(fixtures),
      body: fc.option(rawBytes, { freq: 6, nil: undefined }),
      type: fc.constantFrom(...CONTENT_TYPES),
      encoding: fc.option(fc.constantFrom(...CONTENT_ENCODINGS), { nil: undefined }),
      auth: fc.option(fc.constantFrom(...AUTHORIZATIONS), { nil: undefined }),
      asReader: fc.boolean(),
    })
    .map(({ target, body, type, encoding, auth, asReader }) => {
      const headers: Record<string, string> = {};
      if (type) headers['Content-Type'] = type;
      if (encoding) headers['Content-Encoding'] = encoding;
      if (auth && !asReader) headers.Authorization = auth;
      return request(target.method, target.path, asReader, { headers, body });
    });
