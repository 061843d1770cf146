import type { Core } from '@strapi/strapi';
import Redis from 'ioredis';
import { Lru } from '../utils/lru';
import { redisNamespaceOf } from '../utils/redis-namespace';

// This process's share: 16 Mi characters of pages (about 32 MB of strings), the most recently read.
const LOCAL_CHARACTERS = 16 * 1024 * 1024;
// Shared pages expire by themselves: Redis holds the recent revisions of the threads being read.
const SHARED_TTL_SECONDS = 600;
// A page larger than this (a 100-comment page of long comments) is not worth Redis's memory.
const SHARED_MAX_CHARACTERS = 512 * 1024;
// A slow Redis must cost a reader less than rendering the page would.
const REDIS_COMMAND_TIMEOUT_MS = 100;

/**
 * Rendered thread pages by ETag, for every instance: this process's LRU first, then Redis (when
 * configured), else render once and keep it in both. Keys are content-addressed (the ETag carries
 * the thread's revision), so no page needs invalidating; Redis keys also carry a namespace stored
 * in this database, so databases sharing one Redis (tests, benchmarks) never see each other's
 * pages (utils/redis-namespace.ts). Redis failing means rendering, never an error.
 */
const renderedPages = ({ strapi }: { strapi: Core.Strapi }) => {
  const local = new Lru<string>(LOCAL_CHARACTERS, (page) => page.length);
  // Concurrent misses of one page render it once.
  const rendering = new Map<string, Promise<string>>();
  let redis: Redis | null = null;
  let namespace: string | null = null;

  const sharedKey = (etag: string) => `comments:page:${namespace}:${etag}`;
  const sharedClient = (): Redis | null => (redis?.status === 'ready' && namespace ? redis : null);

  const readShared = async (etag: string): Promise<string | null> => {
    const client = sharedClient();
    if (!client) return null;
    try {
      return await client.get(sharedKey(etag));
    } catch {
      return null;
    }
  };

  const keepShared = (etag: string, page: string): void => {
    const client = sharedClient();
    if (!client || page.length > SHARED_MAX_CHARACTERS) return;
    client.set(sharedKey(etag), page, 'EX', SHARED_TTL_SECONDS).catch(() => undefined);
  };

  const fetchOrRender = async (etag: string, render: () => Promise<string>): Promise<string> => {
    const shared = await readShared(etag);
    if (shared !== null) return shared;
    const page = await render();
    keepShared(etag, page);
    return page;
  };

  return {
    /** Connects to Redis and reads the namespace at start-up (bootstrap), not on a reader's request. */
    async connect(redisUrl: string | null): Promise<void> {
      if (!redisUrl) return;
      namespace = await redisNamespaceOf(strapi);
      redis = new Redis(redisUrl, {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
      });
      // Rate limits already warn about an unreachable Redis; pages just fall back to rendering.
      redis.on('error', () => undefined);
    },

    async get(etag: string, render: () => Promise<string>): Promise<string> {
      const cached = local.get(etag);
      if (cached !== undefined) return cached;
      let pending = rendering.get(etag);
      if (!pending) {
        pending = fetchOrRender(etag, render).finally(() => rendering.delete(etag));
        rendering.set(etag, pending);
      }
      const page = await pending;
      local.set(etag, page);
      return page;
    },

    async close(): Promise<void> {
      redis?.disconnect();
      redis = null;
    },
  };
};

export type RenderedPagesService = ReturnType<typeof renderedPages>;
export default renderedPages;
