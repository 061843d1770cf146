import type { Core } from '@strapi/strapi';
import Redis from 'ioredis';
import { Lru } from '../utils/lru';
import { redisNamespaceOf } from '../utils/redis-namespace';

// A value is used without asking the database for at most this long. Changes are
// pushed to every instance within milliseconds; the bound covers a change whose message was lost
// (its instance died between commit and publish), well inside a thread's Cache-Control window.
const MAX_AGE_MS = 1000;
// Values kept per process: the threads of the stories being read right now, the settings.
const CAPACITY = 5000;
const PUBLISH_TIMEOUT_MS = 100;

/**
 * Values every request reads and few change (a resolved thread with its revision, the moderation
 * settings), kept in each process and used without a query while this process is subscribed to
 * the deployment's change channel on Redis: whatever changes one publishes its key after the
 * commit (threads.bump, a story's edit, the settings route), and every instance forgets it at once.
 * Without Redis, or while the subscription is down, every read asks the database: no rule relies
 * on one process's memory.
 */
const readCache = ({ strapi }: { strapi: Core.Strapi }) => {
  const entries = new Lru<{ value: unknown; at: number }>(CAPACITY);
  // Raised by every change seen: a read that began before one does not keep what it read.
  let changes = 0;
  let publisher: Redis | null = null;
  let subscriber: Redis | null = null;
  let channel: string | null = null;
  let subscribed = false;

  const forget = (keys: string[]) => {
    changes += 1;
    for (const key of keys) entries.delete(key);
  };

  const unsubscribed = () => {
    subscribed = false;
    changes += 1;
    entries.clear();
  };

  return {
    async connect(redisUrl: string | null): Promise<void> {
      if (!redisUrl) return;
      channel = `comments:changes:${await redisNamespaceOf(strapi)}`;
      publisher = new Redis(redisUrl, {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        commandTimeout: PUBLISH_TIMEOUT_MS,
      });
      publisher.on('error', () => undefined);
      subscriber = new Redis(redisUrl, { maxRetriesPerRequest: null });
      subscriber.on('error', () => undefined);
      subscriber.on('close', unsubscribed);
      subscriber.on('message', (_channel: string, message: string) => {
        try {
          forget(JSON.parse(message) as string[]);
        } catch {
          unsubscribed();
        }
      });
      // Not awaited: an unreachable Redis must not hold the start-up; nothing is cached until it answers.
      let confirmed = false;
      subscriber.subscribe(channel).then(
        () => {
          confirmed = true;
          subscribed = true;
        },
        () => undefined
      );
      // After a reconnect ioredis subscribes again; what changed meanwhile was missed, so start empty.
      subscriber.on('ready', () => {
        entries.clear();
        changes += 1;
        subscribed = confirmed;
      });
    },

    /** The value from this process's memory when it is known to be current, else from `load`. */
    async get<Value>(key: string, load: () => Promise<Value>): Promise<Value> {
      if (!subscribed) return load();
      const cached = entries.get(key);
      if (cached && Date.now() - cached.at < MAX_AGE_MS) return cached.value as Value;
      const seen = changes;
      const at = Date.now();
      const value = await load();
      if (subscribed && changes === seen) entries.set(key, { value, at });
      return value;
    },

    /** After a commit that changed these keys: forgotten here at once, and on every instance. */
    changed(keys: string[]): void {
      forget(keys);
      if (publisher && channel) publisher.publish(channel, JSON.stringify(keys)).catch(() => undefined);
    },

    async close(): Promise<void> {
      subscribed = false;
      subscriber?.disconnect();
      publisher?.disconnect();
      subscriber = publisher = null;
    },
  };
};

export type ReadCacheService = ReturnType<typeof readCache>;
export default readCache;
