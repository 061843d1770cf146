import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { REFUSAL } from '../constants';
import type { RateLimit } from '../config';

export type RateLimitKind = 'post' | 'report' | 'notification';

/**
 * Per-user limits on posting and reporting, and per-recipient limits on notification emails. With `redisUrl` the counters live in Redis and are
 * shared by every instance behind the load balancer; without it, in this process's memory.
 */
const rateLimit = ({ strapi }: { strapi: Core.Strapi }) => {
  let redis: Redis | null = null;
  const limiters = new Map<string, RateLimiterAbstract>();

  const redisClient = (url: string): Redis => {
    if (!redis) {
      redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
      redis.on('error', (error) => strapi.log.warn(`[comments] Redis: ${error.message}`));
    }
    return redis;
  };

  const limiterFor = (kind: RateLimitKind, limit: RateLimit, redisUrl: string | null): RateLimiterAbstract => {
    const key = `${kind}:${limit.points}:${limit.durationSeconds}`;
    let limiter = limiters.get(key);
    if (!limiter) {
      const options = { keyPrefix: `comments:rl:${key}`, points: limit.points, duration: limit.durationSeconds };
      limiter = redisUrl
        ? new RateLimiterRedis({
            ...options,
            storeClient: redisClient(redisUrl),
            // While Redis is unreachable each instance keeps limiting on its own rather than not at all.
            insuranceLimiter: new RateLimiterMemory(options),
          })
        : new RateLimiterMemory(options);
      limiters.set(key, limiter);
    }
    return limiter;
  };

  return {
    /** Connects to Redis at start-up, so the first requests do not fall back to memory while it connects. */
    async connect(redisUrl: string | null): Promise<void> {
      if (!redisUrl) return;
      const client = redisClient(redisUrl);
      if (client.status === 'ready') return;
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          strapi.log.warn('[comments] Redis is not reachable yet: rate limits are per instance until it is.');
          done();
        }, 5000);
        client.once('ready', done);
      });
    },

    /**
     * Takes one point for the user (keyed by documentId, unique across databases sharing a Redis);
     * refuses with 429 and Retry-After once the limit is spent.
     */
    async consume(
      kind: RateLimitKind,
      userDocumentId: string,
      limit: RateLimit,
      redisUrl: string | null
    ): Promise<void> {
      try {
        await limiterFor(kind, limit, redisUrl).consume(userDocumentId);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        strapi.requestContext.get()?.set('Retry-After', String(retryAfter));
        throw new errors.RateLimitError(
          `Too many ${kind === 'post' ? 'comments' : 'reports'}: try again in ${retryAfter} s.`,
          {
            code: REFUSAL.RATE_LIMITED,
            retryAfter,
          }
        );
      }
    },

    /** Takes one point for `key` if one is left: true when the action may go ahead, false once the limit is spent. */
    async allow(kind: RateLimitKind, key: string, limit: RateLimit, redisUrl: string | null): Promise<boolean> {
      try {
        await limiterFor(kind, limit, redisUrl).consume(key);
        return true;
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return false;
        throw rejection;
      }
    },

    async close(): Promise<void> {
      limiters.clear();
      if (redis) {
        redis.disconnect();
        redis = null;
      }
    },
  };
};

export type RateLimitService = ReturnType<typeof rateLimit>;
export default rateLimit;
