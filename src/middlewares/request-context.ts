import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { REQUEST_ID_HEADER, requestIdFrom } from '../platform/request-id';

/**
 * Outermost middleware: gives every request an id (in the response headers and in every log line
 * about it) and writes the access log line. Replaces `strapi::logger`, which knows no request id.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) => {
    const started = process.hrtime.bigint();
    const requestId = requestIdFrom(ctx.get(REQUEST_ID_HEADER) || undefined);
    ctx.state.requestId = requestId;
    ctx.set(REQUEST_ID_HEADER, requestId);
    try {
      await next();
    } finally {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      strapi.log.http(`${ctx.method} ${ctx.url} ${ctx.status} ${durationMs.toFixed(1)} ms`, { requestId });
    }
  };
