import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { UID } from '../constants';

/**
 * The outbox's hand-off to the webhook deliveries: which events no relay has fanned out yet, taken
 * under a row lock that other instances skip (PostgreSQL's SKIP LOCKED), so two relays never take
 * the same event. Raw knex for the lock; names from Strapi's metadata.
 */
export const outboxEventsRepository = (strapi: Core.Strapi) => {
  const metadata = strapi.db.metadata.get(UID.outboxEvent);
  const column = (attribute: string): string =>
    (metadata.attributes[attribute] as { columnName?: string } | undefined)?.columnName ?? attribute;
  const table = (trx: Knex.Transaction) => strapi.db.connection(metadata.tableName).transacting(trx);
  const postgres = strapi.db.dialect.client === 'postgres';

  return {
    /** Ids of up to `limit` undispatched events, oldest first, locked until the transaction ends. */
    async claimUndispatched(trx: Knex.Transaction, limit: number): Promise<number[]> {
      const query = table(trx).select('id').whereNull(column('dispatchedAt')).orderBy('id').limit(limit);
      const rows: Array<{ id: number }> = await (postgres ? query.forUpdate().skipLocked() : query);
      return rows.map((row) => row.id);
    },

    async markDispatched(trx: Knex.Transaction, ids: number[], at: Date): Promise<void> {
      if (ids.length === 0) return;
      await table(trx)
        .whereIn('id', ids)
        .update({ [column('dispatchedAt')]: at });
    },
  };
};
