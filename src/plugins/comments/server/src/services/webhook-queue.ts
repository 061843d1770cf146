import PgBoss from 'pg-boss';
import { types as pgTypes } from 'pg';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { getService } from '../utils/get-service';
import { webhookDeliveriesRepository } from '../repositories/webhook-deliveries';

type PgConnection = { query(text: string, values: unknown[]): Promise<{ rows: unknown[] }> };

export interface DeliveryJob {
  deliveryId: number;
  attempt: number;
}

const QUEUE = 'comments-webhook-delivery';
const DEAD_LETTER = 'comments-webhook-dead';
// Jobs one pg-boss worker fetches at once; a worker waits `pollingSeconds` between fetches.
const BATCH_SIZE = 10;
// How often a job may fail outright (a worker crashed or was shut down, the delivery was busy)
// before pg-boss dead-letters it; a receiver's failures are retried by the delivery's own schedule.
const JOB_RETRY_LIMIT = 10;

/**
 * Strapi makes the `pg` driver hand JSONB back as text, for every pool in the process; pg-boss
 * reads its jobs' data as JSONB, so its own pool parses JSON again.
 */
const JSON_OIDS = new Set([pgTypes.builtins.JSON, pgTypes.builtins.JSONB]);
const bossTypes = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    JSON_OIDS.has(oid) && format !== 'binary'
      ? (value: string) => JSON.parse(value)
      : pgTypes.getTypeParser(oid, format as 'text'),
};

/** Thrown when another worker holds the delivery: the job is retried after the lease. */
export class DeliveryBusyError extends Error {}

/**
 * Who runs webhook delivery attempts, and when. On PostgreSQL, pg-boss: one job per attempt,
 * inserted in the transaction that makes it due (pg-boss runs its statements on that transaction's
 * connection), fetched with SKIP LOCKED by any instance, expired and retried when a worker dies.
 * On SQLite (the demo, one process) the delivery rows are the schedule and an in-process drainer
 * runs what is due. Either way the attempt itself is webhook-delivery's `attempt`.
 */
const webhookQueue = ({ strapi }: { strapi: Core.Strapi }) => {
  let boss: PgBoss | null = null;
  let workers: string[] = [];
  let drainer: NodeJS.Timeout | null = null;
  const inFlight = new Map<number, Promise<void>>();
  const config = () => getService('settings').defaults().webhooks;

  /** pg-boss's statements on the connection of a knex transaction (knex hands a transaction's own connection out). */
  const onTransaction = (trx: Knex.Transaction): PgBoss.Db => ({
    async executeSql(text, values) {
      const client = (trx as unknown as { client: { acquireConnection(): Promise<PgConnection> } }).client;
      return (await client.acquireConnection()).query(text, values);
    },
  });

  const runJobs = async (jobs: Array<PgBoss.Job<DeliveryJob>>) => {
    const results = await Promise.allSettled(
      jobs.map((job) => getService('webhook-delivery').attempt(job.data.deliveryId, job.data.attempt))
    );
    // pg-boss settles a batch as a whole; attempts already recorded are no-ops when retried.
    const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failure) throw failure.reason;
  };

  const startBoss = async () => {
    const { queue, leaseSeconds, concurrency } = config();
    const { connection } = strapi.config.get('database.connection') as { connection: Record<string, unknown> };
    const { connectionString, host, port, database, user, password, ssl } = connection as PgBoss.DatabaseOptions;
    boss = new PgBoss({
      ...(connectionString ? { connectionString } : { host, port, database, user, password }),
      ssl,
      schema: queue.schema,
      max: concurrency + 2,
      application_name: 'comments-webhooks',
      schedule: false,
      maintenanceIntervalSeconds: queue.maintenanceSeconds,
      // Handed on to pg's Pool, which pg-boss builds from this config.
      ...({ types: bossTypes } as object),
    });
    boss.on('error', (error) => strapi.log.error(`[comments] webhook queue: ${error.message}`));
    await boss.start();
    const policy = {
      retryLimit: JOB_RETRY_LIMIT,
      retryDelay: leaseSeconds,
      expireInSeconds: leaseSeconds,
      deadLetter: DEAD_LETTER,
    };
    await boss.createQueue(DEAD_LETTER);
    await boss.createQueue(QUEUE, { name: QUEUE, ...policy });
    await boss.updateQueue(QUEUE, { name: QUEUE, ...policy });
    const options = { batchSize: BATCH_SIZE, pollingIntervalSeconds: queue.pollingSeconds };
    workers = await Promise.all(
      Array.from({ length: concurrency }, () => boss!.work<DeliveryJob>(QUEUE, options, runJobs))
    );
    await boss.work<DeliveryJob>(DEAD_LETTER, options, async (jobs) => {
      for (const job of jobs) await getService('webhook-delivery').markDead(job.data.deliveryId);
    });
  };

  const drain = async () => {
    const free = config().concurrency - inFlight.size;
    if (free <= 0) return;
    const due = await webhookDeliveriesRepository(strapi).due(new Date(), free + inFlight.size);
    for (const job of due.filter((item) => !inFlight.has(item.id)).slice(0, free)) {
      const run = getService('webhook-delivery')
        .attempt(job.id, job.attempt)
        .catch((error) => {
          if (!(error instanceof DeliveryBusyError)) strapi.log.error(`[comments] webhook delivery: ${error.message}`);
        })
        .finally(() => inFlight.delete(job.id));
      inFlight.set(job.id, run);
    }
  };

  // A wake-up queued just before stop() must not run against a destroyed instance.
  const drainSafely = () =>
    drainer === null
      ? Promise.resolve()
      : drain().catch((error) => {
          strapi.log.error(`[comments] webhook drainer: ${(error as Error).message}`);
        });

  return {
    async start() {
      if (strapi.db.dialect.client === 'postgres') return startBoss();
      drainer = setInterval(drainSafely, Math.min(config().relayIntervalMs, 500));
    },

    /** Lets attempts under way finish (each is bounded by the time-out), then stops. */
    async stop() {
      if (drainer) clearInterval(drainer);
      drainer = null;
      await Promise.allSettled(inFlight.values());
      if (boss) await boss.stop({ graceful: true, timeout: config().timeoutMs + 1000 });
      boss = null;
      workers = [];
    },

    /** Makes `jobs` due at their times, in the transaction `trx` that created or updated their deliveries. */
    async schedule(trx: Knex.Transaction, jobs: Array<DeliveryJob & { at: Date }>) {
      if (!boss) return;
      for (const job of jobs) {
        await boss.send(
          QUEUE,
          { deliveryId: job.deliveryId, attempt: job.attempt },
          { startAfter: job.at, db: onTransaction(trx) }
        );
      }
    },

    /** Work was just committed: look for it now rather than at the next poll. */
    wake() {
      if (boss) for (const id of workers) boss.notifyWorker(id);
      else if (drainer) setImmediate(drainSafely);
    },
  };
};

export type WebhookQueueService = ReturnType<typeof webhookQueue>;
export default webhookQueue;
