import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import { getService } from '../utils/get-service';
import { insertRow } from '../utils/insert-row';
import { EVENT_PAYLOADS, type EventPayload, type EventType } from '../../../shared/contracts/events';

type OnCommit = (callback: () => void | Promise<void>) => void;

export interface OutboxEvent<Type extends EventType = EventType> {
  id: number;
  eventId: string;
  type: Type;
  occurredAt: Date | string;
  payload: EventPayload<Type>;
}

/**
 * Domain events. `record` writes the event to the outbox in the caller's transaction (so it exists
 * exactly when the change it describes does), after checking the payload against its contract
 * schema; once the transaction commits it is announced on Strapi's event hub and the relay is
 * nudged to fan it out to the webhooks. Payloads carry ids and public fields only.
 */
const events = ({ strapi }: { strapi: Core.Strapi }) => ({
  async record<Type extends EventType>(onCommit: OnCommit, type: Type, payload: EventPayload<Type>) {
    const data = EVENT_PAYLOADS[type].parse(payload);
    const row = await insertRow<OutboxEvent<Type>>(strapi, UID.outboxEvent, {
      eventId: crypto.randomUUID(),
      type,
      occurredAt: getService('clock').now(),
      payload: data,
    });
    onCommit(() => {
      strapi.eventHub.emit(type, { ...data, id: row.eventId, at: new Date(row.occurredAt).toISOString() });
      getService('webhook-relay').nudge();
    });
    return row;
  },
});

export type EventsService = ReturnType<typeof events>;
export default events;
