import { z } from 'zod';
import { DateTime, DocumentId, paginated, positiveInt, single } from './common';
import { EVENT_TYPES, SUBSCRIBABLE_EVENT_TYPES } from './events';

/*
 * The admin's webhook endpoints (`/comments/webhooks`): request bodies, responses, and the
 * `webhooks` part of the plugin config. Pure zod.
 */

const int = (min: number, max: number) => z.number().int().min(min).max(max);

/** The `webhooks` part of the plugin config (config/plugins.ts fills it from the environment). */
export const WebhooksConfigSchema = z.strictObject({
  timeoutMs: int(100, 60_000),
  retry: z.strictObject({
    baseDelayMs: int(10, 86_400_000),
    maxDelayMs: int(10, 86_400_000),
    windowHours: z
      .number()
      .min(0)
      .max(24 * 14),
  }),
  allowedHosts: z.array(z.string().trim().min(1)),
  concurrency: int(1, 64),
  relayIntervalMs: int(50, 600_000),
  leaseSeconds: int(1, 3600),
  queue: z.strictObject({
    schema: z.string().regex(/^[a-z_][a-z0-9_]*$/, 'queue.schema must be a plain PostgreSQL identifier'),
    pollingSeconds: z.number().min(0.5).max(60),
    maintenanceSeconds: int(1, 3600),
  }),
});

/** `error.details.code` of the webhook routes' refusals. */
export const WEBHOOK_REFUSAL = {
  URL_INVALID: 'WEBHOOK_URL_INVALID',
  URL_REFUSED: 'WEBHOOK_URL_REFUSED',
  NOT_FOUND: 'WEBHOOK_NOT_FOUND',
  DELIVERY_NOT_FOUND: 'WEBHOOK_DELIVERY_NOT_FOUND',
} as const;

export const DELIVERY_STATES = ['pending', 'delivering', 'succeeded', 'dead', 'cancelled'] as const;

const Url = z
  .string()
  .trim()
  .min(1)
  .max(2000)
  .meta({ description: 'An http(s) URL on a public address (or one the WEBHOOK_ALLOWED_HOSTS allow-list names)' });
const EventTypes = z
  .array(z.enum(SUBSCRIBABLE_EVENT_TYPES as unknown as [string, ...string[]]))
  .min(1)
  .max(SUBSCRIBABLE_EVENT_TYPES.length)
  .refine((types) => new Set(types).size === types.length, 'events must not repeat')
  .meta({ description: 'The event types this endpoint receives' });
const Name = z.string().trim().min(1).max(100);

export const WebhookCreateBody = z
  .strictObject({ name: Name, url: Url, events: EventTypes, enabled: z.boolean().optional() })
  .meta({ id: 'WebhookCreateBody' });
export type WebhookCreateBody = z.infer<typeof WebhookCreateBody>;

export const WebhookUpdateBody = z
  .strictObject({ name: Name, url: Url, events: EventTypes, enabled: z.boolean() })
  .partial()
  .refine((body) => Object.keys(body).length > 0, 'nothing to change')
  .meta({ id: 'WebhookUpdateBody' });
export type WebhookUpdateBody = z.infer<typeof WebhookUpdateBody>;

export const WebhookParams = z.object({ id: DocumentId });
export const DeliveriesQuery = z
  .strictObject({ page: positiveInt(100000).optional(), pageSize: positiveInt(100).optional() })
  .meta({ description: 'Newest first' });

export const Webhook = z
  .strictObject({
    documentId: DocumentId,
    name: z.string(),
    url: z.string(),
    events: z.array(z.enum(EVENT_TYPES)),
    enabled: z.boolean(),
    createdAt: DateTime,
    updatedAt: DateTime,
  })
  .meta({ id: 'Webhook' });
export type Webhook = z.infer<typeof Webhook>;

/** Only the answer to the creation carries the secret: it is never shown again. */
export const WebhookCreated = single(
  Webhook.extend({
    secret: z.string().meta({
      description: 'The Standard Webhooks signing secret (whsec_…): shown once, store it with the receiver',
    }),
  })
).meta({ id: 'WebhookCreatedResponse' });
export type WebhookCreated = z.infer<typeof WebhookCreated>;

export const WebhookResponse = single(Webhook).meta({ id: 'WebhookResponse' });
export const WebhookListResponse = z.strictObject({ data: z.array(Webhook) }).meta({ id: 'WebhookListResponse' });
export type WebhookListResponse = z.infer<typeof WebhookListResponse>;

export const WebhookDelivery = z
  .strictObject({
    documentId: DocumentId,
    eventId: z.string().meta({ description: 'The event id, sent as `webhook-id`' }),
    eventType: z.enum(EVENT_TYPES),
    state: z.enum(DELIVERY_STATES),
    attempts: z.number().int(),
    responseStatus: z.number().int().nullable(),
    durationMs: z.number().int().nullable(),
    error: z.string().nullable(),
    lastAttemptAt: DateTime.nullable(),
    nextAttemptAt: DateTime.nullable(),
    deliveredAt: DateTime.nullable(),
    redelivery: z.boolean(),
    createdAt: DateTime,
  })
  .meta({ id: 'WebhookDelivery' });
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

export const WebhookDeliveryResponse = single(WebhookDelivery).meta({ id: 'WebhookDeliveryResponse' });
export const WebhookDeliveriesResponse = paginated(WebhookDelivery).meta({ id: 'WebhookDeliveriesResponse' });
export type WebhookDeliveriesResponse = z.infer<typeof WebhookDeliveriesResponse>;
