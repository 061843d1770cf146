import type { Context, Next } from 'koa';
import { errorEnvelope } from '../platform/envelope';
import { MAX_JSON_DEPTH, exceedsDepth, paginationProblem } from '../platform/input-limits';

/**
 * Runs right after the body parser, before any route: refuses bodies nested too deep for the
 * validators (which recurse, and overflow the stack printing such a value) and pagination values
 * that would overflow the database's offset.
 */
export default () => async (ctx: Context, next: Next) => {
  const body = (ctx.request as { body?: unknown }).body;
  if (body !== undefined && exceedsDepth(body)) {
    ctx.status = 400;
    ctx.body = errorEnvelope(400, `The request body nests deeper than ${MAX_JSON_DEPTH} levels.`, {
      code: 'BODY_TOO_DEEP',
      maxDepth: MAX_JSON_DEPTH,
    });
    return;
  }
  const problem = paginationProblem((ctx.query as Record<string, unknown>).pagination);
  if (problem) {
    ctx.status = 400;
    ctx.body = errorEnvelope(400, problem, { code: 'INVALID_QUERY', param: 'pagination' });
    return;
  }
  await next();
};
