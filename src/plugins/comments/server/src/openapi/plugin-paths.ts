import type {
  ZodOpenApiOperationObject,
  ZodOpenApiPathsObject,
  ZodOpenApiResponseObject,
  ZodOpenApiResponsesObject,
} from 'zod-openapi';
import { ErrorEnvelope } from '../../../shared/contracts/common';
import type { Audience, ContractRoute } from '../routes/contract';

/** Where Strapi mounts each kind of plugin route. */
export const ROUTE_PREFIX = { 'content-api': '/api/comments', admin: '/comments' } as const;
export type RouterType = keyof typeof ROUTE_PREFIX;

export const SECURITY: Record<Audience, Array<Record<string, string[]>>> = {
  public: [],
  reader: [{ readerJwt: [] }],
  'api-token': [{ apiToken: [] }],
  admin: [{ adminJwt: [] }],
};

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input: `details.errors` lists each invalid field',
  401: 'Not logged in, or the token expired (`details.code` AUTHENTICATION_REQUIRED on reader routes)',
  403: 'Refused: `details.code` says why (see RefusalCode)',
  404: 'No such resource (or not public)',
  409: 'Conflict: `details.code` STALE_VERSION, INVALID_TRANSITION, ALREADY_APPEALED, …',
  413: 'The body is too large',
  429: 'Too many requests: wait `Retry-After` seconds (also in `details.retryAfter`)',
  500: 'Unexpected error: quote `details.requestId` (also the X-Request-Id header) when reporting it',
  503: 'The database or a dependency is unavailable for a moment: retry after `Retry-After` seconds',
};

/** Any route may fail unexpectedly or meet an outage; the answer is still Strapi's envelope. */
const ALWAYS = [500, 503];

/** `/threads/:documentId` → `/threads/{documentId}`. */
export const openApiPath = (prefix: string, path: string) => `${prefix}${path.replace(/:(\w+)/g, '{$1}')}`;

/** `threads.read` → `commentsThreadsRead`: unique, URL-safe. */
const operationId = (type: RouterType, handler: string) =>
  [type === 'admin' ? 'admin' : 'comments', ...handler.split(/[.-]/)]
    .map((part, index) => (index === 0 ? part : part.charAt(0).toUpperCase() + part.slice(1)))
    .join('');

const responsesOf = (route: ContractRoute): ZodOpenApiResponsesObject => {
  const responses: ZodOpenApiResponsesObject = {};
  for (const [status, response] of Object.entries(route.contract.responses)) {
    const headers: ZodOpenApiResponseObject['headers'] = response.headers
      ? Object.fromEntries(
          Object.entries(response.headers).map(([name, description]) => [
            name,
            { description, schema: { type: 'string' as const } },
          ])
        )
      : undefined;
    const content: ZodOpenApiResponseObject['content'] = response.schema
      ? { 'application/json': { schema: response.schema } }
      : response.mediaType
        ? { [response.mediaType]: { schema: { type: 'string' } } }
        : status === '304'
          ? undefined
          : { 'application/json': { schema: { type: 'object' } } };
    responses[status as `${1 | 2 | 3 | 4 | 5}${string}`] = {
      description: response.description,
      ...(headers ? { headers } : {}),
      ...(content ? { content } : {}),
    };
  }
  // The app-wide body limit answers 413 before any route that takes a body.
  const bodyLimit = route.contract.body ? [413] : [];
  for (const status of [...new Set([...route.contract.errors, ...bodyLimit, ...ALWAYS])]) {
    responses[String(status) as `4${string}`] = {
      description: ERROR_DESCRIPTIONS[status] ?? 'Error',
      content: { 'application/json': { schema: ErrorEnvelope } },
    };
  }
  return responses;
};

const operationOf = (type: RouterType, route: ContractRoute): ZodOpenApiOperationObject => {
  const { contract } = route;
  return {
    operationId: operationId(type, route.handler),
    summary: contract.summary,
    ...(contract.description ? { description: contract.description } : {}),
    tags: [type === 'admin' ? 'Moderation (admin)' : 'Comments'],
    security: SECURITY[contract.audience],
    ...(contract.params || contract.query
      ? {
          requestParams: {
            ...(contract.params ? { path: contract.params } : {}),
            ...(contract.query ? { query: contract.query as never } : {}),
          },
        }
      : {}),
    ...(contract.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: contract.body } } } }
      : {}),
    responses: responsesOf(route),
  };
};

/** The plugin's routes as zod-openapi path items. */
export const pluginPaths = (routers: Array<{ type: RouterType; routes: ContractRoute[] }>): ZodOpenApiPathsObject => {
  const paths: ZodOpenApiPathsObject = {};
  for (const router of routers) {
    for (const route of router.routes) {
      const path = openApiPath(ROUTE_PREFIX[router.type], route.path);
      paths[path] = { ...paths[path], [route.method.toLowerCase()]: operationOf(router.type, route) };
    }
  }
  return paths;
};
