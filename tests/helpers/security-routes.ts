import type { Response } from 'supertest';
import type { TestApp } from './strapi';

export interface GetRoute {
  /** The router's path, e.g. `/api/articles/:id` or `/admin/users/:id`. */
  path: string;
  kind: 'content-api' | 'admin';
}

// Not API routes: liveness, the admin panel's static files, uploads.
const NOT_API = ['/_health', '/', '/uploads/(.*)', '/((?!uploads/).+)'];

/** Every GET route the running instance serves, read from its router, so a new route is covered without a list to keep. */
export const getRoutes = (app: TestApp): GetRoute[] => {
  const stack = (app.strapi.server.router as unknown as { stack: Array<{ path: string; methods: string[] }> }).stack;
  const paths = stack
    .filter((layer) => layer.methods.includes('GET') && !NOT_API.includes(layer.path))
    .map((layer) => layer.path);
  return [...new Set(paths)].map((path) => ({ path, kind: path.startsWith('/api/') ? 'content-api' : 'admin' }));
};

/** The parameter names of a router path (`:id`, and `(.*)` as `wildcard`). */
export const paramsOf = (path: string): string[] => [
  ...[...path.matchAll(/:(\w+)/g)].map((match) => match[1]),
  ...(path.includes('(.*)') ? ['wildcard'] : []),
];

/**
 * Every concrete URL for a router path: each parameter takes each of its candidate values
 * (`fallback` for parameters without candidates), in one pass so a value is never re-substituted.
 */
export const expandPath = (path: string, candidates: Record<string, string[]>, fallback = ['1']): string[] => {
  let urls = [path];
  for (const name of paramsOf(path)) {
    const values = candidates[name] ?? fallback;
    const token = name === 'wildcard' ? '(.*)' : `:${name}`;
    urls = urls.flatMap((url) => values.map((value) => url.replace(token, encodeURIComponent(value))));
  }
  return urls;
};

/** Everything a client can read in an answer: status line aside, the headers and the body as text. */
export const answerText = (res: Response): string =>
  `${JSON.stringify(res.headers)}\n${res.text ?? (res.body ? JSON.stringify(res.body) : '')}`;
