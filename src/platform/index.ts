import type { Core } from '@strapi/strapi';
import type Redis from 'ioredis';
import { connectRedis } from './redis';
import { createAuthRateLimiter, type AuthLimits, type AuthRateLimiter } from './auth-rate-limit';
import { endSessionsWithAccount } from './sessions';
import { readinessHandler } from './readiness';
import { answerParserErrorsInEnvelope } from './http-server';
import { rememberDatabaseFaults, surfaceFailedCommits } from './transactions';
import { classifyFault } from './faults';

export interface Platform {
  redis: Redis | null;
  authRateLimiter: AuthRateLimiter;
  close(): Promise<void>;
}

interface PlatformConfig {
  redisUrl: string | null;
  authRateLimit: AuthLimits;
}

const CONTAINER_KEY = 'platform';

/**
 * The app-wide hardening that is not a middleware (those are in src/middlewares): the shared
 * Redis, the auth limiter, sessions that end with the account, readiness, and parser errors.
 */
export const registerPlatform = (strapi: Core.Strapi): void => {
  const config = strapi.config.get('platform') as PlatformConfig;
  const redis = config.redisUrl ? connectRedis(config.redisUrl, strapi.log, 'auth limits') : null;
  const platform: Platform = {
    redis,
    authRateLimiter: createAuthRateLimiter(config.authRateLimit, redis),
    async close() {
      redis?.disconnect();
    },
  };
  strapi.add(CONTAINER_KEY, () => platform);
  endSessionsWithAccount(strapi);
  strapi.server.router.get(
    '/_ready',
    readinessHandler(strapi, () => platform.redis)
  );
  answerParserErrorsInEnvelope(strapi.server.httpServer);
  surfaceFailedCommits(strapi);
  rememberDatabaseFaults(strapi, (error) => classifyFault(error).kind === 'unavailable');
};

export const platformOf = (strapi: Core.Strapi): Platform => strapi.get(CONTAINER_KEY) as Platform;
