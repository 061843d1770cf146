import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { UID } from '../constants';

export interface ThreadKey {
  type: string;
  documentId: string;
}

/**
 * Each thread's revision: raised in the transaction of every write that changes what the public
 * thread shows, so the thread's ETag and cached pages need one unique-key lookup instead of an
 * aggregate over its comments. No row yet (a thread nobody wrote to since) is revision 0.
 * Raw knex for the atomic upsert; table and column names from Strapi's metadata.
 */
export const threadStatesRepository = (strapi: Core.Strapi) => {
  const metadata = strapi.db.metadata.get(UID.threadState);
  const column = (attribute: string): string =>
    (metadata.attributes[attribute] as { columnName?: string } | undefined)?.columnName ?? attribute;
  const { tableName } = metadata;

  return {
    /** Raises the revision of each thread by one (creating its row at 1), under the row lock until commit. */
    async bump(trx: Knex.Transaction, threads: ThreadKey[]): Promise<void> {
      // One row per thread, in a fixed order: concurrent bumps of several threads cannot deadlock.
      const unique = [
        ...new Map(threads.map((thread) => [`${thread.type}|${thread.documentId}`, thread])).values(),
      ].sort((a, b) => (a.type === b.type ? a.documentId.localeCompare(b.documentId) : a.type.localeCompare(b.type)));
      if (unique.length === 0) return;
      const now = new Date();
      const revision = column('revision');
      await strapi.db
        .connection(tableName)
        .transacting(trx)
        .insert(
          unique.map((thread) => ({
            [column('documentId')]: crypto.randomBytes(12).toString('hex'),
            [column('threadType')]: thread.type,
            [column('threadId')]: thread.documentId,
            [revision]: 1,
            [column('createdAt')]: now,
            [column('updatedAt')]: now,
            // Strapi stamps every row of a type without drafts as published.
            ...('publishedAt' in metadata.attributes ? { [column('publishedAt')]: now } : {}),
          }))
        )
        .onConflict([column('threadType'), column('threadId')])
        .merge({
          [revision]: strapi.db.connection.raw('??.?? + 1', [tableName, revision]),
          [column('updatedAt')]: now,
        });
    },

    /**
     * Adds the thread's revision to a query of the commented document, as `alias` (null when the
     * thread has no row yet): a join on the unique key, not a second query.
     */
    joinRevision(
      builder: Knex.QueryBuilder,
      thread: { type: string; documentIdColumn: string },
      alias: string
    ): Knex.QueryBuilder {
      return builder
        .leftJoin({ thread_state: tableName }, (on) =>
          on
            .on(`thread_state.${column('threadId')}`, '=', thread.documentIdColumn)
            .andOn(`thread_state.${column('threadType')}`, '=', strapi.db.connection.raw('?', [thread.type]))
        )
        .select({ [alias]: `thread_state.${column('revision')}` });
    },
  };
};
