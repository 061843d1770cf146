import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { UID } from '../constants';

export type ClaimOutcome = 'claimed' | 'busy' | 'stale';

/**
 * A delivery's attempts as compare-and-sets, so at most one worker of any instance holds a delivery
 * at a time: an attempt claims the delivery (its attempt number must be the next one, and no live
 * lease may be held on it) and finishes it only while still holding that claim. A lease that ran
 * out (a crashed worker) may be taken over. Raw knex for the conditional updates; names from metadata.
 */
export const webhookDeliveriesRepository = (strapi: Core.Strapi) => {
  const metadata = strapi.db.metadata.get(UID.webhookDelivery);
  const column = (attribute: string): string =>
    (metadata.attributes[attribute] as { columnName?: string } | undefined)?.columnName ?? attribute;
  const table = (trx?: Knex.Transaction) => {
    const query = strapi.db.connection(metadata.tableName);
    return trx ? query.transacting(trx) : query;
  };
  const columns = (data: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(data).map(([attribute, value]) => [column(attribute), value]));

  return {
    /** Takes delivery `id` for attempt `attempt` until `leaseUntil`. */
    async claim(id: number, attempt: number, now: Date, leaseUntil: Date): Promise<ClaimOutcome> {
      const state = column('state');
      const lease = column('leaseUntil');
      const claimed = await table()
        .where({ id, [column('attempts')]: attempt - 1 })
        .where((where) =>
          where.where(state, 'pending').orWhere((leased) => leased.where(state, 'delivering').where(lease, '<', now))
        )
        .update(columns({ state: 'delivering', leaseUntil, updatedAt: now }));
      if (claimed === 1) return 'claimed';
      const row = await table().where({ id }).first(state, column('attempts'));
      // Held by a live lease for this very attempt: someone is delivering it now; ask again later.
      return row && row[state] === 'delivering' && Number(row[column('attempts')]) === attempt - 1 ? 'busy' : 'stale';
    },

    /** Records attempt `attempt`'s outcome (and counts it, unless `data` says otherwise), only while its claim still holds; false when it was lost. */
    async finish(trx: Knex.Transaction, id: number, attempt: number, data: Record<string, unknown>): Promise<boolean> {
      const finished = await table(trx)
        .where({ id, [column('attempts')]: attempt - 1, [column('state')]: 'delivering' })
        .update(columns({ attempts: attempt, leaseUntil: null, ...data }));
      return finished === 1;
    },

    /** Deliveries whose next attempt is due, or whose lease ran out: the embedded engine's to-do list. */
    async due(now: Date, limit: number): Promise<Array<{ id: number; attempt: number }>> {
      const state = column('state');
      const rows: Array<Record<string, unknown>> = await table()
        .select('id', column('attempts'))
        .where((where) =>
          where
            .where((pending) => pending.where(state, 'pending').where(column('nextAttemptAt'), '<=', now))
            .orWhere((leased) => leased.where(state, 'delivering').where(column('leaseUntil'), '<', now))
        )
        .orderBy(column('nextAttemptAt'))
        .limit(limit);
      return rows.map((row) => ({ id: Number(row.id), attempt: Number(row[column('attempts')]) + 1 }));
    },
  };
};
