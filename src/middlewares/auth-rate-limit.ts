import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { errors } from '@strapi/utils';
import { limitedAuthRoute } from '../platform/auth-rate-limit';
import { platformOf } from '../platform';

/**
 * Login, registration and reset attempts, limited per client address across every instance (see
 * platform/auth-rate-limit). Replaces the per-process limiters of users-permissions and the admin,
 * which config/plugins.ts and config/admin.ts turn off.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) => {
    const route = limitedAuthRoute(ctx.method, ctx.path);
    if (route) {
      const retryAfter = await platformOf(strapi).authRateLimiter.attempt(route, ctx.request.ip);
      if (retryAfter !== null) {
        ctx.set('Retry-After', String(retryAfter));
        throw new errors.RateLimitError(`Too many attempts: try again in ${retryAfter} s.`, {
          code: 'RATE_LIMITED',
          retryAfter,
        });
      }
    }
    await next();
  };
