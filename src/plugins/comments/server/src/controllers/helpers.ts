import type { Context } from 'koa';
import type { Reader } from '../utils/reader';

/** Koa context as the content-API routes see it. */
export type ApiContext = Context & {
  params: Record<string, string>;
  query: Record<string, unknown>;
  request: Context['request'] & { body?: unknown };
  state: { user?: Reader; auth?: unknown };
};

/** The authenticated reader; the `is-authenticated` policy has already refused anonymous callers. */
export const readerOf = (ctx: ApiContext): Reader => ctx.state.user as Reader;

export const pageOf = (query: { page?: string; pageSize?: string }, defaultPageSize: number) => ({
  page: query.page ? Number(query.page) : 1,
  pageSize: query.pageSize ? Number(query.pageSize) : defaultPageSize,
});
