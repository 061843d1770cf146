import type { Core } from '@strapi/strapi';
import { EDITORIAL_REASON } from '../constants';
import { commentsRepository, type QueueFilters, type QueueRecord } from '../repositories/comments';
import { reportsRepository } from '../repositories/reports';
import { getService } from '../utils/get-service';
import { paginationMeta } from '../utils/pagination';

import { COUNTED_QUEUES, type Queue, type QueueSort } from '../../../shared/contracts/vocabulary';

export interface QueueQuery extends QueueFilters {
  sort: QueueSort;
  page: number;
  pageSize: number;
}

const iso = (value: unknown) =>
  value === null || value === undefined ? null : new Date(value as string).toISOString();

const stateOf = (row: QueueRecord): Queue => {
  if (row.status === 'held') return 'held';
  if (row.needsReview && row.status === 'withdrawn-under-review') return 'reported';
  if (row.needsReview && row.status === 'hidden' && row.autoHidden) return 'auto-hidden';
  if (row.needsReview && Number(row.reportCount) > 0) return 'reported';
  if (row.needsReview && row.flagged) return 'flagged';
  return 'resolved';
};

/**
 * The moderators' queue: what readers reported and the system flagged, in priority order
 * (auto-hidden first, then the severity of the reasons, distinct reporters and age), narrowed by
 * the filters and the body search (SQL in repositories/comments.ts).
 */
const queue = ({ strapi }: { strapi: Core.Strapi }) => {
  const comments = commentsRepository(strapi);

  return {
    /** The size of each queue, in one statement (repositories/comments.ts). */
    counts() {
      return comments.queueCounts(COUNTED_QUEUES);
    },

    async list(query: QueueQuery) {
      const { sort, page, pageSize, ...filters } = query;
      // Unfiltered, a queue's total is one of the counts the page shows anyway.
      const unfiltered =
        filters.queue !== 'all' && Object.entries(filters).every(([key, value]) => key === 'queue' || !value);
      const [rows, counts, total] = await Promise.all([
        comments.queuePage(filters, sort, { limit: pageSize, offset: (page - 1) * pageSize }),
        this.counts(),
        unfiltered ? null : comments.queueTotal(filters),
      ]);
      const [reasons, titles] = await Promise.all([
        reportsRepository(strapi).reasonsOf(
          rows.map((row) => row.id),
          EDITORIAL_REASON
        ),
        getService('threads').titlesOf(rows.map((row) => ({ type: row.threadType, documentId: row.threadId }))),
      ]);
      return {
        data: rows.map((row) => ({
          documentId: row.documentId,
          body: row.body,
          status: row.status,
          state: stateOf(row),
          version: Number(row.version),
          author: { displayName: row.authorName },
          createdAt: iso(row.createdAt),
          editedAt: iso(row.editedAt),
          flagged: Boolean(row.flagged),
          flagReasons: typeof row.flagReasons === 'string' ? JSON.parse(row.flagReasons) : (row.flagReasons ?? []),
          autoHidden: Boolean(row.autoHidden),
          amendedByModerator: Boolean(row.amendedByModerator),
          thread: { type: row.threadType, documentId: row.threadId, title: titles.get(row.threadId) ?? null },
          reporters: Number(row.reportCount),
          // Of those, the reports that count towards auto-hide (rules/reporting.ts).
          trustedReporters: Number(row.trustedReportCount ?? 0),
          reliabilityScore: Number(row.reliabilityScore ?? 0),
          reasons: reasons.get(row.id) ?? [],
          firstReportedAt: iso(row.firstReportedAt),
          lastReportedAt: iso(row.lastReportedAt),
        })),
        meta: {
          ...paginationMeta({ page, pageSize }, total ?? counts[filters.queue as Exclude<Queue, 'all'>]),
          counts,
        },
      };
    },
  };
};

export type QueueService = ReturnType<typeof queue>;
export default queue;
