import { Readable } from 'stream';
import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import { csvLine } from '../utils/csv';

const BATCH = 500;
const HEADER = [
  'reported_at',
  'report_id',
  'comment_id',
  'story_id',
  'reason',
  'note',
  'decision',
  'outcome',
  'moderator',
  'decided_at',
];

const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null);

/**
 * The complaints register: one CSV row per report over a date range, streamed in keyset-paginated
 * batches so the whole table is never loaded at once.
 */
const complaintsRegister = ({ strapi }: { strapi: Core.Strapi }) => ({
  stream(range: { from?: string; to?: string }): Readable {
    const where: Record<string, unknown> = {};
    if (range.from) where.createdAt = { ...(where.createdAt as object), $gte: new Date(range.from) };
    if (range.to) where.createdAt = { ...(where.createdAt as object), $lte: new Date(range.to) };

    async function* rows() {
      yield csvLine(HEADER);
      let afterId = 0;
      for (;;) {
        const batch = await strapi.db
          .query(UID.report)
          .findMany({ where: { ...where, id: { $gt: afterId } }, orderBy: { id: 'asc' }, limit: BATCH });
        if (batch.length === 0) return;
        for (const report of batch) {
          yield csvLine([
            iso(report.createdAt),
            report.documentId,
            report.commentDocumentId,
            report.threadId,
            report.reason,
            report.note,
            report.decision,
            report.state,
            report.resolvedByName,
            iso(report.resolvedAt),
          ]);
        }
        afterId = batch[batch.length - 1].id;
      }
    }
    return Readable.from(rows());
  },
});

export type ComplaintsRegisterService = ReturnType<typeof complaintsRegister>;
export default complaintsRegister;
