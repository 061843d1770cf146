import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { errors } from '@strapi/utils';
import { EVENTS, UID } from '../constants';
import { getService } from '../utils/get-service';
import { newestFirstPage, type PageRequest } from '../utils/pagination';
import { parseAllowList } from '../rules/addresses';
import { assertReachable, parseWebhookUrl, RefusedAddressError } from '../utils/outbound-http';
import { DeliveryBusyError } from './webhook-queue';
import {
  WEBHOOK_REFUSAL,
  type Webhook,
  type WebhookCreateBody,
  type WebhookDelivery,
  type WebhookUpdateBody,
} from '../../../shared/contracts/webhooks';

interface WebhookRow {
  id: number;
  documentId: string;
  name: string;
  url: string;
  events: string[];
  enabled: boolean;
  secret: string;
  createdAt: string | Date;
  updatedAt: string | Date;
}

interface DeliveryRow {
  id: number;
  documentId: string;
  webhookId: number;
  outboxEventId: number;
  eventId: string;
  eventType: string;
  state: WebhookDelivery['state'];
  attempts: number;
  responseStatus: number | null;
  durationMs: number | null;
  error: string | null;
  lastAttemptAt: string | Date | null;
  nextAttemptAt: string | Date | null;
  deliveredAt: string | Date | null;
  redeliveryOf: number | null;
  createdAt: string | Date;
}

const iso = (value: string | Date) => new Date(value).toISOString();
const isoOrNull = (value: string | Date | null) => (value === null ? null : iso(value));

const toWebhook = (row: WebhookRow): Webhook => ({
  documentId: row.documentId,
  name: row.name,
  url: row.url,
  events: row.events as Webhook['events'],
  enabled: Boolean(row.enabled),
  createdAt: iso(row.createdAt),
  updatedAt: iso(row.updatedAt),
});

const toDelivery = (row: DeliveryRow): WebhookDelivery => ({
  documentId: row.documentId,
  eventId: row.eventId,
  eventType: row.eventType as WebhookDelivery['eventType'],
  state: row.state,
  attempts: row.attempts,
  responseStatus: row.responseStatus ?? null,
  durationMs: row.durationMs ?? null,
  error: row.error ?? null,
  lastAttemptAt: isoOrNull(row.lastAttemptAt ?? null),
  nextAttemptAt: isoOrNull(row.nextAttemptAt ?? null),
  deliveredAt: isoOrNull(row.deliveredAt ?? null),
  redelivery: row.redeliveryOf !== null && row.redeliveryOf !== undefined,
  createdAt: iso(row.createdAt),
});

/** A Standard Webhooks signing secret: `whsec_` and 32 random bytes in base64. */
const newSecret = () => `whsec_${crypto.randomBytes(32).toString('base64')}`;

/**
 * The admin's webhook endpoints: the URL is checked against the SSRF rule when it is saved (and
 * again on every delivery), the signing secret is generated here, stored encrypted with the app's
 * ENCRYPTION_KEY and shown once; test events, the delivery log and redelivery.
 */
const webhooks = ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => strapi.db.query(UID.webhook);
  const deliveries = () => strapi.db.query(UID.webhookDelivery);
  const encryption = () =>
    strapi.service('admin::encryption') as {
      encrypt(value: string): string | null;
      decrypt(value: string): string | null;
    };

  const checkedUrl = async (raw: string): Promise<string> => {
    const url = parseWebhookUrl(raw);
    if (!url)
      throw new errors.ValidationError('The URL must be an http(s) URL without credentials.', {
        code: WEBHOOK_REFUSAL.URL_INVALID,
        field: 'url',
      });
    try {
      await assertReachable(url, parseAllowList(getService('settings').defaults().webhooks.allowedHosts));
    } catch (error) {
      const message =
        error instanceof RefusedAddressError
          ? `${error.message}: only public addresses, or those WEBHOOK_ALLOWED_HOSTS names, may receive webhooks.`
          : `The URL's host cannot be resolved: ${(error as Error).message}`;
      throw new errors.ValidationError(message, { code: WEBHOOK_REFUSAL.URL_REFUSED, field: 'url' });
    }
    return url.toString();
  };

  const find = async (documentId: string): Promise<WebhookRow> => {
    const row: WebhookRow | null = await query().findOne({ where: { documentId } });
    if (!row) throw new errors.NotFoundError('No such webhook.', { code: WEBHOOK_REFUSAL.NOT_FOUND });
    return row;
  };

  /** A new delivery of an existing event to one endpoint, due now, in the caller's transaction. */
  const deliverAgain = async (
    trx: Knex.Transaction,
    webhook: { id: number },
    event: { id: number; eventId: string; type: string },
    redeliveryOf: number | null
  ): Promise<DeliveryRow> => {
    const now = new Date();
    const row: DeliveryRow = await deliveries().create({
      data: {
        webhookId: webhook.id,
        outboxEventId: event.id,
        eventId: event.eventId,
        eventType: event.type,
        state: 'pending',
        attempts: 0,
        nextAttemptAt: now,
        redeliveryOf,
      },
    });
    await getService('webhook-queue').schedule(trx, [{ deliveryId: row.id, attempt: 1, at: now }]);
    return row;
  };

  return {
    async list() {
      const rows: WebhookRow[] = await query().findMany({ orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
      return { data: rows.map(toWebhook) };
    },

    async create(input: WebhookCreateBody) {
      const url = await checkedUrl(input.url);
      const secret = newSecret();
      const encrypted = encryption().encrypt(secret);
      if (!encrypted) throw new errors.ApplicationError('ENCRYPTION_KEY is not configured: secrets cannot be stored.');
      const row: WebhookRow = await query().create({
        data: { name: input.name, url, events: input.events, enabled: input.enabled ?? true, secret: encrypted },
      });
      return { data: { ...toWebhook(row), secret } };
    },

    async update(documentId: string, input: WebhookUpdateBody) {
      const row = await find(documentId);
      const url = input.url === undefined ? undefined : await checkedUrl(input.url);
      const updated: WebhookRow = await query().update({
        where: { id: row.id },
        data: { ...input, ...(url === undefined ? {} : { url }) },
      });
      return { data: toWebhook(updated) };
    },

    /** Deletes the endpoint; its deliveries not yet made are cancelled (their log stays). */
    async remove(documentId: string) {
      const row = await find(documentId);
      await strapi.db.transaction(async () => {
        await deliveries().updateMany({
          where: { webhookId: row.id, state: 'pending' },
          data: { state: 'cancelled', nextAttemptAt: null, error: 'the endpoint was deleted' },
        });
        await query().delete({ where: { id: row.id } });
      });
      return { data: toWebhook(row) };
    },

    /** The decrypted signing secret of an endpoint row, or null when it cannot be decrypted. */
    secretOf(row: { secret: string }): string | null {
      try {
        return encryption().decrypt(row.secret);
      } catch {
        return null;
      }
    },

    /** Sends a `webhook.test` event to this endpoint now and answers with the attempt's outcome. */
    async sendTest(documentId: string) {
      const webhook = await find(documentId);
      const delivery = await strapi.db.transaction(async ({ trx, onCommit }) => {
        const event = await getService('events').record(onCommit, EVENTS.webhookTest, {
          webhook: webhook.documentId,
          message: `A test event for "${webhook.name}".`,
        });
        return deliverAgain(trx, webhook, event, null);
      });
      // A pg-boss worker may take the job first; then this attempt is a no-op and the log tells the outcome.
      await getService('webhook-delivery')
        .attempt(delivery.id, 1)
        .catch((error) => {
          if (!(error instanceof DeliveryBusyError)) throw error;
        });
      return { data: toDelivery(await deliveries().findOne({ where: { id: delivery.id } })) };
    },

    async deliveries(documentId: string, page: PageRequest) {
      const webhook = await find(documentId);
      return newestFirstPage(deliveries(), { webhookId: webhook.id }, page, toDelivery);
    },

    /** The same event (the same `webhook-id`) once more to the same endpoint, as a new delivery with its own log. */
    async redeliver(deliveryDocumentId: string) {
      const original: DeliveryRow | null = await deliveries().findOne({ where: { documentId: deliveryDocumentId } });
      if (!original) throw new errors.NotFoundError('No such delivery.', { code: WEBHOOK_REFUSAL.DELIVERY_NOT_FOUND });
      const webhook: WebhookRow | null = await query().findOne({ where: { id: original.webhookId } });
      if (!webhook) throw new errors.NotFoundError('The endpoint was deleted.', { code: WEBHOOK_REFUSAL.NOT_FOUND });
      const event = { id: original.outboxEventId, eventId: original.eventId, type: original.eventType };
      const row = await strapi.db.transaction(({ trx }) => deliverAgain(trx, webhook, event, original.id));
      getService('webhook-queue').wake();
      return { data: toDelivery(row) };
    },
  };
};

export type WebhooksService = ReturnType<typeof webhooks>;
export default webhooks;
