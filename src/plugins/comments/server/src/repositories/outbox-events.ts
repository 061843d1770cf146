import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { UID } from '../constants';

/**
 * The outbox's hand-off to its consumers (the webhook relay, the notifications): which events one has not taken yet,
 * under a row lock that other instances skip (PostgreSQL's SKIP LOCKED), so two relays never take
 * the same event. Raw knex for the lock; names from Strapi's metadata.
 */
export const outboxEventsRepository = (strapi: Core.Strapi) => {
  const metadata = strapi.db.metadata.get(UID.outboxEvent);
  const column = (attribute: string): string =>
    (metadata.attributes[attribute] as { columnName?: string } | undefined)?.columnName ?? attribute;
  const table = (trx: Knex.Transaction) => strapi.db.connection(metadata.tableName).transacting(trx);
  const postgres = strapi.db.dialect.client === 'postgres';

  /** Ids of up to `limit` events whose `attribute` is unset, oldest first, locked until the transaction ends. */
  const claimWhereUnset = async (trx: Knex.Transaction, attribute: string, limit: number): Promise<number[]> => {
    const query = table(trx).select('id').whereNull(column(attribute)).orderBy('id').limit(limit);
    const rows: Array<{ id: number }> = await (postgres ? query.forUpdate().skipLocked() : query);
    return rows.map((row) => row.id);
  };

  const mark = async (trx: Knex.Transaction, attribute: string, ids: number[], at: Date): Promise<void> => {
    if (ids.length === 0) return;
    await table(trx)
      .whereIn('id', ids)
      .update({ [column(attribute)]: at });
  };

  return {
    /** Events no relay has fanned out to the webhooks yet. */
    claimUndispatched: (trx: Knex.Transaction, limit: number) => claimWhereUnset(trx, 'dispatchedAt', limit),
    markDispatched: (trx: Knex.Transaction, ids: number[], at: Date) => mark(trx, 'dispatchedAt', ids, at),
    /** Events the notifications have not looked at yet: a second consumer of the outbox, with its own mark. */
    claimUnnotified: (trx: Knex.Transaction, limit: number) => claimWhereUnset(trx, 'notifiedAt', limit),
    markNotified: (trx: Knex.Transaction, ids: number[], at: Date) => mark(trx, 'notifiedAt', ids, at),
  };
};
