import Redis from 'ioredis';

type Log = { warn(message: string): void };

/**
 * A Redis client that never queues commands while disconnected (callers fall back at once) and
 * reconnects by itself. One warning per outage, not one per reconnection attempt.
 */
export const connectRedis = (url: string, log: Log, label: string): Redis => {
  const client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  let warned = false;
  client.on('error', (error) => {
    if (!warned) log.warn(`[${label}] Redis unavailable (${error.message}): falling back to per-instance memory.`);
    warned = true;
  });
  client.on('ready', () => {
    warned = false;
  });
  return client;
};

/** Whether Redis answers a PING within `timeoutMs`. */
export const redisAnswers = async (client: Redis, timeoutMs = 1000): Promise<boolean> => {
  if (client.status !== 'ready') return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([client.ping().then((answer) => answer === 'PONG'), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
};
