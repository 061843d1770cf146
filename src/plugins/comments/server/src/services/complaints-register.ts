import { Readable } from 'stream';
import type { Core } from '@strapi/strapi';
import { UID } from '../constants';

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

// Spreadsheet programs execute cells that start like a formula; a leading quote keeps them text.
const cell = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

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
      yield `${HEADER.join(',')}\r\n`;
      let afterId = 0;
      for (;;) {
        const batch = await strapi.db
          .query(UID.report)
          .findMany({ where: { ...where, id: { $gt: afterId } }, orderBy: { id: 'asc' }, limit: BATCH });
        if (batch.length === 0) return;
        for (const report of batch) {
          yield `${[
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
          ]
            .map(cell)
            .join(',')}\r\n`;
        }
        afterId = batch[batch.length - 1].id;
      }
    }
    return Readable.from(rows());
  },
});

export type ComplaintsRegisterService = ReturnType<typeof complaintsRegister>;
export default complaintsRegister;
