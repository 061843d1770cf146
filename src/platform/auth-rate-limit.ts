import path from 'path';
import type Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

/** The routes that take a password, an email or a code: login, registration, resets, confirmations. */
export const AUTH_ROUTES = new Set([
  '/api/auth/local',
  '/api/auth/local/register',
  '/api/auth/forgot-password',
  '/api/auth/reset-password',
  '/api/auth/change-password',
  '/api/auth/send-email-confirmation',
  '/admin/login',
  '/admin/register',
  '/admin/register-admin',
  '/admin/forgot-password',
  '/admin/reset-password',
]);

const decoded = (value: string): string => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

/** `/API/Auth//local/` and `/api/auth/local` are one route to the router, so they are one bucket. */
export const normalizeRoutePath = (requestPath: string): string =>
  path.posix.normalize(decoded(requestPath)).toLowerCase().replace(/\/+$/, '') || '/';

/** The limited route a request is for, or null. */
export const limitedAuthRoute = (method: string, requestPath: string): string | null => {
  const route = normalizeRoutePath(requestPath);
  return method === 'POST' && AUTH_ROUTES.has(route) ? route : null;
};

export interface AuthLimits {
  points: number;
  durationSeconds: number;
}

/**
 * Attempts per client address and route. With Redis the counters are shared by every instance;
 * while Redis is down each instance keeps counting in memory rather than not at all.
 */
export const createAuthRateLimiter = (limits: AuthLimits, redis: Redis | null) => {
  const options = { keyPrefix: 'auth:rl', points: limits.points, duration: limits.durationSeconds };
  const limiter: RateLimiterAbstract = redis
    ? new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter: new RateLimiterMemory(options) })
    : new RateLimiterMemory(options);

  return {
    /** Takes one attempt; resolves to null, or to the seconds to wait when the limit is spent. */
    async attempt(route: string, clientAddress: string): Promise<number | null> {
      try {
        await limiter.consume(`${route}:${clientAddress}`);
        return null;
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      }
    },
  };
};

export type AuthRateLimiter = ReturnType<typeof createAuthRateLimiter>;
