import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type Redis from 'ioredis';
import { databaseAnswers } from './database-health';
import { redisAnswers } from './redis';
import { errorEnvelope } from './envelope';

type CheckState = 'up' | 'down' | 'not-configured';

/**
 * `GET /_ready` for load balancers: 200 when PostgreSQL (or SQLite) and, when configured, Redis
 * answer; 503 with the failing check otherwise. `/_health` stays Strapi's liveness check.
 */
export const readinessHandler = (strapi: Core.Strapi, redis: () => Redis | null) => async (ctx: Context) => {
  const client = redis();
  const [database, cache] = await Promise.all([
    databaseAnswers(strapi),
    client ? redisAnswers(client) : Promise.resolve(null),
  ]);
  const checks: Record<string, CheckState> = {
    database: database ? 'up' : 'down',
    redis: cache === null ? 'not-configured' : cache ? 'up' : 'down',
  };
  ctx.set('Cache-Control', 'no-store');
  if (Object.values(checks).includes('down')) {
    ctx.status = 503;
    ctx.set('Retry-After', '5');
    ctx.body = errorEnvelope(503, 'Not ready', { code: 'NOT_READY', checks }, 'ServiceUnavailableError');
    return;
  }
  ctx.body = { data: { status: 'ready', checks } };
};
