import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { errors } from '@strapi/utils';
import { EDITORIAL_REASON, EVENTS, REASON_SEVERITY, REFUSAL, UID, type ReportReason } from '../constants';
import type { Reader } from '../utils/reader';
import { getService } from '../utils/get-service';
import { newestFirstPage, type PageRequest } from '../utils/pagination';
import { refusal } from '../utils/errors';
import type { CommentRow } from '../utils/serialize';
import { SYSTEM_ACTOR } from './audit';
import { snapshot } from './comments';

export interface ReportInput {
  reason: ReportReason;
  note?: string | null;
}

interface ReportRow {
  id: number;
  documentId: string;
  commentId: number;
  commentDocumentId: string;
  reason: ReportReason;
  note: string | null;
  state: 'open' | 'upheld' | 'not-upheld';
  decision: string | null;
  resolvedAt: string | null;
  createdAt: string;
}

const toReaderReport = (row: ReportRow) => ({
  documentId: row.documentId,
  comment: row.commentDocumentId,
  reason: row.reason,
  note: row.note,
  state: row.state,
  outcome: row.state,
  createdAt: new Date(row.createdAt).toISOString(),
  resolvedAt: row.resolvedAt ? new Date(row.resolvedAt).toISOString() : null,
});

const isUniqueViolation = (error: unknown): boolean => {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || /unique/i.test(message ?? '');
};

/**
 * "Report this comment": one report per reader per comment, exact counts under concurrency
 * (a unique index and an atomic increment, never read-modify-write), and automatic hiding once
 * enough distinct readers have reported it for the staffing cover in force.
 */
const reports = ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => strapi.db.query(UID.report);

  const existingReport = (commentId: number, reporterId: number): Promise<ReportRow | null> =>
    query().findOne({ where: { commentId, reporterId } });

  /** Counts the report and hides the comment at the threshold, inside the report's transaction. */
  const countTowardsModeration = async (
    comment: CommentRow,
    severity: number,
    trx: Knex.Transaction,
    onCommit: (fn: () => void) => void
  ) => {
    const now = getService('clock').now();
    const config = await getService('settings').get();
    await strapi.db
      .connection('comments')
      .transacting(trx)
      .where({ id: comment.id })
      .update({
        report_count: strapi.db.connection.raw('report_count + 1'),
        severity: strapi.db.connection.raw('CASE WHEN severity < ? THEN ? ELSE severity END', [severity, severity]),
      });
    const counted: CommentRow = await strapi.db.query(UID.comment).update({
      where: { id: comment.id },
      data: { lastReportedAt: now, firstReportedAt: comment.firstReportedAt ?? now, needsReview: true },
    });
    const threshold =
      getService('cover').at(now, config.schedule) === 'full-time'
        ? config.autoHide.fullTime
        : config.autoHide.partTime;
    if (counted.status !== 'visible' || (counted.reportCount ?? 0) < threshold) return;

    const hidden: CommentRow = await strapi.db.query(UID.comment).update({
      where: { id: comment.id },
      data: { status: 'hidden', autoHidden: true, version: counted.version + 1 },
    });
    await getService('audit').record({
      action: 'auto-hidden',
      actor: SYSTEM_ACTOR,
      comment,
      subjectUserId: comment.authorId,
      reason: `${counted.reportCount} readers reported it (threshold ${threshold})`,
      before: snapshot(counted),
      after: snapshot(hidden),
    });
    getService('events').afterCommit(onCommit, EVENTS.commentHidden, { comment: comment.documentId, by: 'system' });
  };

  return {
    async report(reader: Reader, commentDocumentId: string, input: ReportInput) {
      const comment: CommentRow | null = await strapi.db
        .query(UID.comment)
        .findOne({ where: { documentId: commentDocumentId } });
      if (!comment || comment.status !== 'visible') throw new errors.NotFoundError('No such comment.');
      if (comment.authorId === reader.id) {
        throw refusal('You cannot report your own comment.', REFUSAL.CANNOT_REPORT_OWN_COMMENT);
      }
      // A repeat is answered like the first and changes nothing.
      const repeat = await existingReport(comment.id, reader.id);
      if (repeat) return toReaderReport(repeat);

      const config = await getService('settings').get();
      const note = input.note?.trim()
        ? getService('text').normalize(input.note, { minLength: 1, maxLength: config.reportNoteMaxLength }, 'note')
        : null;
      if (input.reason === 'other' && !note) {
        throw new errors.ValidationError('Say what is wrong in a note when the reason is "other".', {
          code: 'NOTE_REQUIRED',
          field: 'note',
        });
      }
      await getService('rate-limit').consume('report', reader.documentId, config.rateLimits.report, config.redisUrl);
      const profile = await getService('commenters').profileOf(reader);
      const now = getService('clock').now();

      try {
        const created: ReportRow = await strapi.db.transaction(async ({ trx, onCommit }) => {
          const row: ReportRow = await query().create({
            data: {
              commentId: comment.id,
              commentDocumentId: comment.documentId,
              threadType: comment.threadType,
              threadId: comment.threadId,
              reporterId: reader.id,
              reporterName: profile.displayName,
              reason: input.reason,
              note,
              state: 'open',
              coverAtReport: getService('cover').at(now, config.schedule),
            },
          });
          if (input.reason !== EDITORIAL_REASON)
            await countTowardsModeration(comment, REASON_SEVERITY[input.reason], trx, onCommit);
          getService('events').afterCommit(onCommit, EVENTS.commentReported, {
            comment: comment.documentId,
            report: row.documentId,
            reason: input.reason,
          });
          return row;
        });
        return toReaderReport(created);
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        // A concurrent request by the same reader won the unique index: answer with its report.
        const winner = await existingReport(comment.id, reader.id);
        if (!winner) throw error;
        return toReaderReport(winner);
      }
    },

    listMine(reader: Reader, page: PageRequest) {
      return newestFirstPage(query(), { reporterId: reader.id }, page, toReaderReport);
    },
  };
};

export type ReportsService = ReturnType<typeof reports>;
export default reports;
