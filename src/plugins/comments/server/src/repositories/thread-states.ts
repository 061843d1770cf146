import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { UID } from '../constants';

export interface ThreadKey {
  type: string;
  documentId: string;
}

// Rows per thread. A write raises one of them and holds its lock until it commits (the WAL flush
// included): with one row per thread, every post on a hot story would wait for the one before it.
const SLOTS = 16;
// One slot per transaction, whatever it bumps: two bumps of one thread in one transaction never
// take two slots, so two transactions cannot lock each other's slots in opposite orders.
const slotOfTransaction = new WeakMap<Knex.Transaction, number>();
const slotOf = (trx: Knex.Transaction): number => {
  let slot = slotOfTransaction.get(trx);
  if (slot === undefined) {
    slot = crypto.randomInt(SLOTS);
    slotOfTransaction.set(trx, slot);
  }
  return slot;
};

/**
 * Each thread's revision, the sum of its slots: raised in the transaction of every write that
 * changes what the public thread shows, so the thread's ETag and cached pages need a read of at
 * most 16 rows by their unique key instead of an aggregate over its comments. Each committed write
 * adds one, so equal sums mean the same writes. No row yet (a thread nobody wrote to since) is
 * revision 0. Raw knex for the atomic upsert; table and column names from Strapi's metadata.
 */
export const threadStatesRepository = (strapi: Core.Strapi) => {
  const metadata = strapi.db.metadata.get(UID.threadState);
  const column = (attribute: string): string =>
    (metadata.attributes[attribute] as { columnName?: string } | undefined)?.columnName ?? attribute;
  const { tableName } = metadata;

  return {
    /** Raises the revision of each thread by one (a slot's row, created at 1), under that row's lock until commit. */
    async bump(trx: Knex.Transaction, threads: ThreadKey[]): Promise<void> {
      // One row per thread, in a fixed order: concurrent bumps of several threads cannot deadlock.
      const unique = [
        ...new Map(threads.map((thread) => [`${thread.type}|${thread.documentId}`, thread])).values(),
      ].sort((a, b) => (a.type === b.type ? a.documentId.localeCompare(b.documentId) : a.type.localeCompare(b.type)));
      if (unique.length === 0) return;
      const now = new Date();
      const revision = column('revision');
      const slot = slotOf(trx);
      await strapi.db
        .connection(tableName)
        .transacting(trx)
        .insert(
          unique.map((thread) => ({
            [column('documentId')]: crypto.randomBytes(12).toString('hex'),
            [column('threadType')]: thread.type,
            [column('threadId')]: thread.documentId,
            [column('slot')]: slot,
            [revision]: 1,
            [column('createdAt')]: now,
            [column('updatedAt')]: now,
            // Strapi stamps every row of a type without drafts as published.
            ...('publishedAt' in metadata.attributes ? { [column('publishedAt')]: now } : {}),
          }))
        )
        .onConflict([column('threadType'), column('threadId'), column('slot')])
        .merge({
          [revision]: strapi.db.connection.raw('??.?? + 1', [tableName, revision]),
          [column('updatedAt')]: now,
        });
    },

    /**
     * Adds the thread's revision to a query of the commented document, as `alias` (null when the
     * thread has no row yet): a sum over its slots by the unique key, in the same statement.
     */
    joinRevision(
      builder: Knex.QueryBuilder,
      thread: { type: string; documentIdColumn: string },
      alias: string
    ): Knex.QueryBuilder {
      const slots = strapi.db
        .connection({ thread_state: tableName })
        .sum(`thread_state.${column('revision')}`)
        .where(`thread_state.${column('threadType')}`, thread.type)
        .whereRaw('?? = ??', [`thread_state.${column('threadId')}`, thread.documentIdColumn]);
      return builder.select({ [alias]: slots });
    },
  };
};
