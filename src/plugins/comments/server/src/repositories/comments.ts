import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { UID } from '../constants';

/**
 * The comments table's atomic writes, in raw knex because the Query Engine's `update` reads then
 * writes: a compare-and-set on the version, and counter increments that never lose a concurrent one.
 * Table and column names come from Strapi's metadata.
 */
export const commentsRepository = (strapi: Core.Strapi) => {
  const metadata = strapi.db.metadata.get(UID.comment);
  const column = (attribute: string): string =>
    (metadata.attributes[attribute] as { columnName?: string }).columnName ?? attribute;
  const table = (trx: Knex.Transaction) => strapi.db.connection(metadata.tableName).transacting(trx);
  const raw = (sql: string, bindings: Knex.RawBinding[] = []) => strapi.db.connection.raw(sql, bindings);

  return {
    /** Claims the next version when the row still has `version`; false when someone else got there first. */
    async claimVersion(trx: Knex.Transaction, id: number, version: number): Promise<boolean> {
      const claimed = await table(trx)
        .where({ id, [column('version')]: version })
        .update({ [column('version')]: version + 1 });
      return claimed === 1;
    },

    /**
     * One more report (trusted or not, with its reporter's reliability), the highest severity so
     * far, the report times and the comment put up for review, without reading first; false when
     * the comment is no longer visible.
     */
    async countReport(
      trx: Knex.Transaction,
      id: number,
      report: { trusted: boolean; severity: number; reliability: number },
      at: Date
    ): Promise<boolean> {
      const reports = column('reportCount');
      const trustedReports = column('trustedReportCount');
      const reliability = column('reliabilityScore');
      const severity = column('severity');
      // Only while visible: a moderator may have hidden it since the reporter's request read it.
      const counted = await table(trx)
        .where({ id, [column('status')]: 'visible' })
        .update({
          [reports]: raw('?? + 1', [reports]),
          [trustedReports]: raw(report.trusted ? '?? + 1' : '??', [trustedReports]),
          [reliability]: raw('COALESCE(??, 0) + ?', [reliability, report.reliability]),
          [severity]: raw('CASE WHEN ?? < ? THEN ? ELSE ?? END', [
            severity,
            report.severity,
            report.severity,
            severity,
          ]),
          [column('lastReportedAt')]: at,
          [column('firstReportedAt')]: raw('COALESCE(??, ?)', [column('firstReportedAt'), at]),
          [column('needsReview')]: true,
          [column('updatedAt')]: at,
        });
      return counted === 1;
    },

    /** The threads an author has comments in, once each: the threads a change of all their comments touches. */
    async threadsOf(trx: Knex.Transaction, authorId: number): Promise<Array<{ type: string; documentId: string }>> {
      const rows: Array<{ type: string; documentId: string }> = await table(trx)
        .distinct({ type: column('threadType'), documentId: column('threadId') })
        .where(column('authorId'), authorId);
      return rows;
    },

    /**
     * The index the moderation queue pages through in its priority order (services/queue.ts):
     * directions per column and only rows under review, which the content-type schema cannot
     * declare. Strapi's schema sync leaves indexes it did not create alone. Idempotent, at start-up.
     */
    async ensureQueuePriorityIndex(): Promise<void> {
      const columns = [
        ['autoHidden', 'DESC'],
        ['severity', 'DESC'],
        ['reliabilityScore', 'DESC'],
        ['reportCount', 'DESC'],
        ['firstReportedAt', 'ASC'],
        ['id', 'ASC'],
      ];
      try {
        await raw(
          `CREATE INDEX IF NOT EXISTS ?? ON ?? (${columns.map(([, direction]) => `?? ${direction}`).join(', ')}) WHERE ?? = TRUE`,
          [
            'comments_queue_priority_idx',
            metadata.tableName,
            ...columns.map(([attribute]) => column(attribute)),
            column('needsReview'),
          ]
        );
      } catch (error) {
        // Another instance starting at the same moment created it first.
        if (!/already exists/i.test((error as Error).message)) throw error;
      }
    },

    /** Locks the row for the rest of the transaction, so what is read next cannot change under it. */
    async lock(trx: Knex.Transaction, id: number): Promise<void> {
      await table(trx)
        .where({ id })
        .update({ [column('version')]: raw('??', [column('version')]) });
    },
  };
};
