import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { classifyFault } from '../platform/faults';
import { errorEnvelope } from '../platform/envelope';
import { databaseAnswers } from '../platform/database-health';

/** Seconds a client should wait after a 503: long enough for a restart or a failover. */
export const RETRY_AFTER_SECONDS = 5;

const EMPTY_ERROR_CODES: Record<number, string> = {
  405: 'METHOD_NOT_ALLOWED',
  501: 'NOT_IMPLEMENTED',
};

const unavailable = (ctx: Context, message: string) => {
  ctx.status = 503;
  ctx.set('Retry-After', String(RETRY_AFTER_SECONDS));
  ctx.body = errorEnvelope(
    503,
    message,
    { code: 'SERVICE_UNAVAILABLE', retryAfter: RETRY_AFTER_SECONDS },
    'ServiceUnavailableError'
  );
};

/**
 * The app's error boundary, just inside `strapi::errors`: Strapi's own errors pass through to it
 * unchanged; client faults that Strapi or the database would turn into a 500 become 400s with a
 * `details.code`; an unreachable or overloaded database is a 503 with Retry-After; anything else
 * is a 500 logged once, with its stack and the request id.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) => {
    try {
      await next();
    } catch (error) {
      const fault = classifyFault(error, { reading: ctx.method === 'GET' || ctx.method === 'HEAD' });
      if (fault.kind === 'strapi') throw error;
      if (fault.kind === 'http') {
        ctx.status = fault.status;
        ctx.body = errorEnvelope(fault.status, fault.message, { code: 'BAD_REQUEST' });
        return;
      }
      if (fault.kind === 'client') {
        // Info, not warn: bad input is routine; the line is there to spot a caller (or a bug) that keeps at it.
        strapi.log.info(`${ctx.method} ${ctx.path}: ${fault.code}`, { requestId: ctx.state.requestId });
        ctx.status = fault.status;
        ctx.body = errorEnvelope(fault.status, fault.message, { code: fault.code });
        return;
      }
      if (fault.kind === 'unavailable' || !(await databaseAnswers(strapi))) {
        strapi.log.warn(`${ctx.method} ${ctx.path}: database unavailable`, {
          requestId: ctx.state.requestId,
          error: { name: (error as Error)?.name, message: (error as Error)?.message },
        });
        unavailable(ctx, fault.kind === 'unavailable' ? fault.message : 'The database cannot be reached.');
        return;
      }
      const { name, message, stack } = error instanceof Error ? error : new Error(String(error));
      strapi.log.error(`${ctx.method} ${ctx.path}: ${message}`, {
        requestId: ctx.state.requestId,
        error: { name, message, stack },
      });
      ctx.status = 500;
      ctx.body = errorEnvelope(500, 'Internal Server Error', { requestId: ctx.state.requestId });
      return;
    }
    // Koa's router answers 405/501 without a body, and authentication swallows database faults into a 401.
    // (An unanswered request's implicit 404 is left to strapi::errors.)
    const explicitStatus = (ctx.response as { _explicitStatus?: boolean })._explicitStatus;
    if (explicitStatus && ctx.status >= 400 && ctx.body == null) {
      const status = ctx.status;
      ctx.body = errorEnvelope(status, ctx.message, { code: EMPTY_ERROR_CODES[status] ?? 'HTTP_ERROR' });
      ctx.status = status;
    } else if (
      ctx.status === 401 &&
      !(ctx.body as { error?: { details?: { code?: unknown } } })?.error?.details?.code
    ) {
      if (ctx.state.databaseUnavailable || !(await databaseAnswers(strapi))) {
        unavailable(ctx, 'The database is not answering in time.');
      }
    }
  };
