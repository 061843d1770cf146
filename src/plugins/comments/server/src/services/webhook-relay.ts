import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import { getService } from '../utils/get-service';
import { outboxEventsRepository } from '../repositories/outbox-events';

// Events one relay transaction fans out.
const BATCH_SIZE = 100;
// Nudges this close together share one run: under a burst of posts one batch takes many events
// instead of each commit paying a relay run of its own.
const COALESCE_MS = 50;

interface Subscriber {
  id: number;
  events: string[];
}

/**
 * The outbox relay: turns committed events into one delivery per subscribed, enabled endpoint and
 * schedules their first attempt, in the same transaction that marks the events dispatched, so an
 * event is fanned out exactly once even with several instances relaying (they skip each other's
 * locked rows). Nudged after each commit that wrote an event; a timer catches the rest (an event
 * whose writer crashed before nudging, or another instance's).
 */
const webhookRelay = ({ strapi }: { strapi: Core.Strapi }) => {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;

  /** One batch; the number of events it dispatched. */
  const relayBatch = async (): Promise<number> =>
    await strapi.db.transaction(async ({ trx }) => {
      const ids = await outboxEventsRepository(strapi).claimUndispatched(trx, BATCH_SIZE);
      if (ids.length === 0) return 0;
      // One after the other: both run on the transaction's one connection.
      const events = await strapi.db
        .query(UID.outboxEvent)
        .findMany({ where: { id: { $in: ids } }, select: ['id', 'eventId', 'type'] });
      const subscribers = await strapi.db
        .query(UID.webhook)
        .findMany({ where: { enabled: true }, select: ['id', 'events'] });
      const now = new Date();
      const jobs: Array<{ deliveryId: number; attempt: number; at: Date }> = [];
      for (const event of events as Array<{ id: number; eventId: string; type: string }>) {
        for (const webhook of (subscribers as Subscriber[]).filter((hook) => hook.events.includes(event.type))) {
          const delivery = await strapi.db.query(UID.webhookDelivery).create({
            data: {
              webhookId: webhook.id,
              outboxEventId: event.id,
              eventId: event.eventId,
              eventType: event.type,
              state: 'pending',
              attempts: 0,
              nextAttemptAt: now,
            },
          });
          jobs.push({ deliveryId: delivery.id, attempt: 1, at: now });
        }
      }
      await outboxEventsRepository(strapi).markDispatched(trx, ids, now);
      await getService('webhook-queue').schedule(trx, jobs);
      return ids.length;
    });

  const relayAll = async () => {
    do {
      again = false;
      while ((await relayBatch()) === BATCH_SIZE);
      getService('webhook-queue').wake();
      // The notifications consume the same events, on the same nudges and timer, under their own mark.
      await getService('notifications')
        .drain()
        .catch((error) => strapi.log.error(`[comments] notifications: ${(error as Error).message}`));
    } while (again);
  };

  return {
    /** Relays soon, off the caller's path; a nudge during a run makes the run go round once more. */
    nudge() {
      if (running) {
        again = true;
        return;
      }
      // After the caller's own work (the nudge comes from a commit hook on a reader's request), and
      // after the nudges that follow it closely.
      running = new Promise<void>((resolve) => setTimeout(resolve, COALESCE_MS))
        .then(relayAll)
        .catch((error) => {
          strapi.log.error(`[comments] outbox relay: ${(error as Error).message}`);
        })
        .finally(() => {
          running = null;
        });
    },

    start() {
      timer = setInterval(() => this.nudge(), getService('settings').defaults().webhooks.relayIntervalMs);
      this.nudge();
    },

    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
};

export type WebhookRelayService = ReturnType<typeof webhookRelay>;
export default webhookRelay;
