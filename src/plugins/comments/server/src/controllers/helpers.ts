import type { Context } from 'koa';
import type { Reader } from '../utils/reader';
import type { PageRequest } from '../utils/pagination';

/** Koa context as the content-API routes see it. */
export type ApiContext = Context & {
  params: Record<string, string>;
  query: Record<string, unknown>;
  request: Context['request'] & { body?: unknown };
  state: { user?: Reader; auth?: unknown };
};

/** The authenticated reader; the reader strategy (strategies/reader.ts) has already refused anonymous callers. */
export const readerOf = (ctx: ApiContext): Reader => ctx.state.user as Reader;

/** Strapi's `pagination[…]` and `sort=createdAt:…` query, as the services take it. */
export const pageOf = (
  query: { pagination?: { page?: number; pageSize?: number; withCount?: 'true' | 'false' }; sort?: string },
  defaultPageSize: number
): PageRequest => ({
  page: query.pagination?.page ?? 1,
  pageSize: query.pagination?.pageSize ?? defaultPageSize,
  withCount: query.pagination?.withCount !== 'false',
  ...(query.sort ? { direction: query.sort === 'createdAt:desc' ? 'desc' : 'asc' } : {}),
});
