import type { Core } from '@strapi/strapi';
import { Webhook } from 'standardwebhooks';
import { UID } from '../constants';
import { getService } from '../utils/get-service';
import { nextAttemptAt } from '../rules/backoff';
import { parseAllowList } from '../rules/addresses';
import { parseWebhookUrl, postJson, type OutboundResult } from '../utils/outbound-http';
import { webhookDeliveriesRepository } from '../repositories/webhook-deliveries';
import { DeliveryBusyError } from './webhook-queue';
import type { OutboxEvent } from './events';

interface WebhookRow {
  id: number;
  url: string;
  enabled: boolean;
  secret: string;
}

interface DeliveryRow {
  id: number;
  webhookId: number;
  outboxEventId: number;
  firstAttemptAt: string | Date | null;
}

const iso = (value: string | Date) => new Date(value).toISOString();

/**
 * One delivery attempt of one event to one endpoint, whichever engine runs it: claim the delivery,
 * POST the event signed the Standard Webhooks way (`webhook-id` is the event's id, the same on
 * every retry and redelivery, so receivers can de-duplicate), then, in one transaction, record the
 * outcome and schedule the retry (exponential backoff with jitter, rules/backoff.ts) or dead-letter
 * it once the retry window is over.
 */
const webhookDelivery = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => getService('settings').defaults().webhooks;
  const repository = () => webhookDeliveriesRepository(strapi);

  const post = async (webhook: WebhookRow, event: OutboxEvent): Promise<OutboundResult> => {
    const { timeoutMs, allowedHosts } = config();
    const url = parseWebhookUrl(webhook.url);
    if (!url) return { durationMs: 0, error: 'the endpoint URL is not a valid http(s) URL' };
    const body = JSON.stringify({ type: event.type, timestamp: iso(event.occurredAt), data: event.payload });
    const now = new Date();
    const secret = getService('webhooks').secretOf(webhook);
    if (!secret) return { durationMs: 0, error: 'the signing secret cannot be decrypted (ENCRYPTION_KEY changed?)' };
    const headers = {
      'webhook-id': event.eventId,
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      'webhook-signature': new Webhook(secret).sign(event.eventId, now, body),
      'user-agent': 'newsroom-comments-webhooks/1',
    };
    return postJson(url, body, headers, { timeoutMs, allow: parseAllowList(allowedHosts) });
  };

  const outcome = (delivery: DeliveryRow, attempt: number, startedAt: Date, result: OutboundResult) => {
    const { retry } = config();
    const succeeded = result.status !== undefined && result.status >= 200 && result.status < 300;
    const firstAttemptAt = delivery.firstAttemptAt ? new Date(delivery.firstAttemptAt) : startedAt;
    const policy = {
      baseDelayMs: retry.baseDelayMs,
      maxDelayMs: retry.maxDelayMs,
      windowMs: retry.windowHours * 3600_000,
    };
    const next = succeeded ? null : nextAttemptAt(attempt, firstAttemptAt, new Date(), policy, Math.random());
    return {
      state: succeeded ? 'succeeded' : next ? 'pending' : 'dead',
      firstAttemptAt,
      lastAttemptAt: startedAt,
      nextAttemptAt: next,
      responseStatus: result.status ?? null,
      durationMs: result.durationMs,
      error: succeeded ? null : (result.error ?? `the endpoint answered ${result.status}`).slice(0, 255),
      deliveredAt: succeeded ? new Date() : null,
      updatedAt: new Date(),
    };
  };

  /** Ends a delivery that cannot go anywhere (its endpoint is gone or disabled). */
  const cancel = (delivery: DeliveryRow, attempt: number, reason: string) =>
    strapi.db.transaction(({ trx }) =>
      repository().finish(trx, delivery.id, attempt, {
        state: 'cancelled',
        // Nothing was sent.
        attempts: attempt - 1,
        nextAttemptAt: null,
        error: reason,
        updatedAt: new Date(),
      })
    );

  return {
    async attempt(deliveryId: number, attempt: number): Promise<void> {
      const startedAt = new Date();
      const leaseUntil = new Date(startedAt.getTime() + config().leaseSeconds * 1000);
      const claim = await repository().claim(deliveryId, attempt, startedAt, leaseUntil);
      if (claim === 'busy') throw new DeliveryBusyError(`delivery ${deliveryId} is being attempted elsewhere`);
      if (claim === 'stale') return;
      const delivery: DeliveryRow = await strapi.db.query(UID.webhookDelivery).findOne({ where: { id: deliveryId } });
      const webhook: WebhookRow | null = await strapi.db
        .query(UID.webhook)
        .findOne({ where: { id: delivery.webhookId } });
      if (!webhook || !webhook.enabled) {
        await cancel(delivery, attempt, webhook ? 'the endpoint is disabled' : 'the endpoint was deleted');
        return;
      }
      const event: OutboxEvent = await strapi.db
        .query(UID.outboxEvent)
        .findOne({ where: { id: delivery.outboxEventId } });
      const result = await post(webhook, event);
      const data = outcome(delivery, attempt, startedAt, result);
      await strapi.db.transaction(async ({ trx }) => {
        const held = await repository().finish(trx, deliveryId, attempt, data);
        if (held && data.nextAttemptAt)
          await getService('webhook-queue').schedule(trx, [
            { deliveryId, attempt: attempt + 1, at: data.nextAttemptAt },
          ]);
      });
    },

    /** pg-boss gave up on a delivery's job (its workers kept failing): the delivery is dead-lettered. */
    async markDead(deliveryId: number): Promise<void> {
      await strapi.db.query(UID.webhookDelivery).update({
        where: { id: deliveryId, state: { $in: ['pending', 'delivering'] } },
        data: { state: 'dead', leaseUntil: null, nextAttemptAt: null, error: 'the delivery worker failed repeatedly' },
      });
    },
  };
};

export type WebhookDeliveryService = ReturnType<typeof webhookDelivery>;
export default webhookDelivery;
