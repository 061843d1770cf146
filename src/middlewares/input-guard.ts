import type { Context, Next } from 'koa';
import { errorEnvelope } from '../platform/envelope';
import { MAX_JSON_DEPTH, bodyProblem, paginationProblem } from '../platform/input-limits';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const READABLE_TYPES = ['json', 'urlencoded', 'multipart', 'text'];

const refuse = (ctx: Context, status: number, message: string, details: Record<string, unknown>) => {
  ctx.status = status;
  ctx.body = errorEnvelope(status, message, details);
};

/**
 * Runs right after the body parser, before any route: refuses bodies nested too deep for the
 * validators (which recurse, and overflow the stack printing such a value), strings that are not
 * text, bodies of a type nobody reads, and pagination values that would overflow the database's
 * offset. A body-less POST gets an empty body, which route validators refuse properly.
 */
export default () => async (ctx: Context, next: Next) => {
  const request = ctx.request as Context['request'] & { body?: unknown };
  if (BODY_METHODS.has(ctx.method) && request.body === undefined) {
    if (ctx.request.length && !ctx.is(READABLE_TYPES)) {
      return refuse(ctx, 415, 'Send the body as application/json.', { code: 'UNSUPPORTED_MEDIA_TYPE' });
    }
    request.body = {};
  }
  const problem = request.body === undefined ? null : bodyProblem(request.body);
  if (problem === 'too-deep') {
    return refuse(ctx, 400, `The request body nests deeper than ${MAX_JSON_DEPTH} levels.`, {
      code: 'BODY_TOO_DEEP',
      maxDepth: MAX_JSON_DEPTH,
    });
  }
  if (problem === 'not-text') {
    return refuse(ctx, 400, 'The request body holds a string that is not valid Unicode text.', {
      code: 'INVALID_TEXT',
    });
  }
  const pagination = paginationProblem((ctx.query as Record<string, unknown>).pagination);
  if (pagination) return refuse(ctx, 400, pagination, { code: 'INVALID_QUERY', param: 'pagination' });
  await next();
};
