import type { Core } from '@strapi/strapi';
import { generate } from '@strapi/openapi';

type Json = Record<string, any>;

/**
 * The core routes a frontend calls besides the plugin's, taken from Strapi's own generator (which
 * reads the content types and users-permissions' route schemas): operation id and summary are ours.
 */
/** Answers the app adds to these core routes: its login limiter (429), its body limit (413). */
const LIMITED = [429, 413];
/** The app's answer on any route while the database is unreachable. */
const OUTAGE = 503;

const CORE_OPERATIONS: Array<{ path: string; method: string; operationId: string; summary: string }> = [
  { path: '/articles', method: 'get', operationId: 'listArticles', summary: 'List published stories' },
  { path: '/articles/{id}', method: 'get', operationId: 'getArticle', summary: 'One published story by documentId' },
  { path: '/auth/local', method: 'post', operationId: 'login', summary: 'Log in: an access token and a refresh token' },
  {
    path: '/auth/local/register',
    method: 'post',
    operationId: 'register',
    summary: 'Create a reader account (a confirmation email follows)',
  },
  {
    path: '/auth/send-email-confirmation',
    method: 'post',
    operationId: 'resendConfirmation',
    summary: 'Send the confirmation email again',
  },
  { path: '/users/me', method: 'get', operationId: 'getCurrentUser', summary: 'The logged-in reader’s account' },
];

/** Every `#/components/schemas/X` a value refers to, transitively. */
const referencedSchemas = (value: unknown, schemas: Json, found = new Set<string>()): Set<string> => {
  if (Array.isArray(value)) value.forEach((item) => referencedSchemas(item, schemas, found));
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const name = key === '$ref' && typeof child === 'string' ? child.split('/').pop() : undefined;
      if (name && !found.has(name)) {
        found.add(name);
        referencedSchemas(schemas[name], schemas, found);
      } else referencedSchemas(child, schemas, found);
    }
  }
  return found;
};

/** Strapi's generator stamps the time of generation as `publishedAt`'s default: left out, so the description is stable. */
const withoutGenerationTime = (value: unknown): void => {
  if (Array.isArray(value)) value.forEach(withoutGenerationTime);
  else if (value && typeof value === 'object') {
    const publishedAt = (value as Json).publishedAt;
    if (publishedAt && typeof publishedAt === 'object' && 'default' in publishedAt) delete publishedAt.default;
    Object.values(value).forEach(withoutGenerationTime);
  }
};

const NULL = { type: 'null' };

/**
 * What Strapi 5.54's generator gets wrong about the answers, corrected wherever a schema describes
 * an entry: a documentId is not a UUID; a field that is not required answers null when unset; a
 * list answer carries `meta.pagination`; figures carry the `display` and `consistency` this app adds.
 */
const correctEntrySchemas = (value: unknown, additions: Record<string, Json>): void => {
  if (Array.isArray(value)) return value.forEach((item) => correctEntrySchemas(item, additions));
  if (!value || typeof value !== 'object') return;
  const schema = value as Json;
  if (schema.properties && typeof schema.properties === 'object') {
    // A draft (read with an API token and status=draft) answers publishedAt: null.
    const required = new Set<string>((schema.required ?? []).filter((name: string) => name !== 'publishedAt'));
    for (const [name, property] of Object.entries(schema.properties as Json)) {
      if (name === 'documentId') schema.properties[name] = { type: 'string', description: 'The documentId' };
      else if (!required.has(name) && !property.anyOf?.some((option: Json) => option.type === 'null')) {
        const { description, ...rest } = property;
        schema.properties[name] = { ...(description ? { description } : {}), anyOf: [rest, NULL] };
      }
    }
    if (schema.properties.data && !schema.properties.meta) {
      schema.properties.meta =
        schema.properties.data.type === 'array'
          ? { type: 'object', properties: { pagination: { $ref: '#/components/schemas/PaginationMeta' } } }
          : { type: 'object' };
    }
    if (schema.properties.breakdownKind && schema.properties.attribution) Object.assign(schema.properties, additions);
  }
  Object.values(schema).forEach((child) => correctEntrySchemas(child, additions));
};

/** The chosen core operations under `/api`, their error answers in Strapi's envelope, and the schemas they use. */
export const corePaths = (
  strapi: Core.Strapi,
  errorResponse: (status: number) => Json,
  figureAdditions: Record<string, Json>
) => {
  const generated = generate(strapi, { type: 'content-api' }).document as Json;
  const paths: Json = {};
  for (const { path, method, operationId, summary } of CORE_OPERATIONS) {
    const operation = generated.paths?.[path]?.[method];
    if (!operation) throw new Error(`Strapi's OpenAPI generator no longer describes ${method} ${path}`);
    const responses = Object.fromEntries([
      ...Object.entries(operation.responses as Json).map(([status, response]) =>
        status === '500'
          ? [status, response]
          : [status, Number(status) >= 400 ? errorResponse(Number(status)) : response]
      ),
      ...(method === 'post' ? LIMITED.map((status) => [String(status), errorResponse(status)]) : []),
      [String(OUTAGE), errorResponse(OUTAGE)],
    ]);
    paths[`/api${path}`] = {
      ...paths[`/api${path}`],
      [method]: {
        ...operation,
        operationId,
        summary,
        tags: [path.startsWith('/articles') ? 'Stories' : 'Accounts'],
        security: path === '/users/me' ? [{ readerJwt: [] }] : [],
        responses,
      },
    };
  }
  const allSchemas = (generated.components?.schemas ?? {}) as Json;
  const schemas = Object.fromEntries(
    [...referencedSchemas(paths, allSchemas)].filter((name) => allSchemas[name]).map((name) => [name, allSchemas[name]])
  );
  // A component's entries answer with their own numeric id, which the generator leaves out.
  for (const [name, schema] of Object.entries(schemas)) {
    if (name.endsWith('Entry') && schema.properties && !schema.properties.id)
      schema.properties.id = { type: 'integer' };
  }
  withoutGenerationTime(paths);
  withoutGenerationTime(schemas);
  correctEntrySchemas(paths, figureAdditions);
  correctEntrySchemas(schemas, figureAdditions);
  return { paths, schemas };
};
