import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { errors } from '@strapi/utils';
import { EDITORIAL_REASON, EVENTS, REASON_SEVERITY, REFUSAL, UID, type ReportReason } from '../constants';
import type { Reader } from '../utils/reader';
import type { CommentsConfig } from '../config';
import { getService } from '../utils/get-service';
import { newestFirstPage, type PageRequest } from '../utils/pagination';
import { refusal } from '../utils/errors';
import { insertRow } from '../utils/insert-row';
import type { CommentRow } from '../utils/serialize';
import { SYSTEM_ACTOR } from './audit';
import { commentsRepository } from '../repositories/comments';
import { reportsRepository } from '../repositories/reports';
import { reporterReliability } from '../rules/reliability';
import { autoHideThreshold, shouldAutoHide } from '../rules/auto-hide';
import { SUSPECTED_BRIGADING, isSuspectedBrigading, type BrigadingRule } from '../rules/brigading';
import {
  REPORT_REFUSAL_MESSAGES,
  isTrustedStanding,
  reportRefusal,
  reporterStanding,
  type ReporterFacts,
  type ReporterStanding,
} from '../rules/reporting';

/** The decision on a report whose comment went with its author's erasure: nobody judged it. */
export const ERASED_DECISION = 'erased';

/** A suspected brigade goes to the top of the queue, with illegal content. */
const BRIGADING_SEVERITY = REASON_SEVERITY.illegal;

export interface ReportInput {
  reason: ReportReason;
  note?: string | null;
}

interface ReportRow {
  id: number;
  documentId: string;
  target: 'comment' | 'story';
  /** Null for a complaint about the story itself. */
  commentId: number | null;
  commentDocumentId: string | null;
  threadType: string;
  threadId: string;
  reason: ReportReason;
  note: string | null;
  state: 'open' | 'upheld' | 'not-upheld';
  decision: string | null;
  resolvedAt: string | null;
  correctionNote: string | null;
  createdAt: string;
}

const toReaderReport = (row: ReportRow) => ({
  documentId: row.documentId,
  target: row.target,
  comment: row.commentDocumentId,
  story: row.threadId,
  reason: row.reason,
  note: row.note,
  state: row.state,
  outcome: row.state,
  // What the editors changed in the story, when they upheld a factual-error complaint.
  correctionNote: row.correctionNote,
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

  /**
   * Lets the reader report, or refuses them (rules/reporting.ts), and spends one point of their
   * report limit; answers what the report records about them.
   */
  const admitReporter = async (reader: Reader, config: CommentsConfig, now: Date) => {
    const { facts, displayName, reliability } = await reporterFacts(reader, now);
    const refused = reportRefusal(facts);
    if (refused) throw refusal(REPORT_REFUSAL_MESSAGES[refused], refused);
    await getService('rate-limit').consume('report', reader.documentId, config.rateLimits.report, config.redisUrl);
    return {
      reporterId: reader.id,
      reporterName: displayName,
      reporterReliability: reliability,
      reporterStanding: reporterStanding(facts, now, config.reportTrust),
      coverAtReport: getService('cover').at(now, config.schedule),
    };
  };

  /** One per reader: when a concurrent request of theirs won the unique index, its report is the answer. */
  const createOnce = async (create: () => Promise<ReportRow>, existing: () => Promise<ReportRow | null>) => {
    try {
      return toReaderReport(await create());
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const winner = await existing();
      if (!winner) throw error;
      return toReaderReport(winner);
    }
  };

  /** The report's note, normalised; "other" needs one to say what is wrong. */
  const reportNote = (input: ReportInput, maxLength: number): string | null => {
    const note = input.note?.trim()
      ? getService('text').normalize(input.note, { minLength: 1, maxLength }, 'note')
      : null;
    if (input.reason === 'other' && !note) {
      throw new errors.ValidationError('Say what is wrong in a note when the reason is "other".', {
        code: 'NOTE_REQUIRED',
        field: 'note',
      });
    }
    return note;
  };

  /** The reader's standing as the reporting rules see it (and the name the report shows), read once. */
  const reporterFacts = async (
    reader: Reader,
    now: Date
  ): Promise<{ facts: ReporterFacts; displayName: string | null; reliability: number }> => {
    const [profile, subscription, history] = await Promise.all([
      getService('commenters').profileOf(reader),
      getService('subscriptions').statusOf(reader),
      // Reliability is about moderators' decisions: editors' complaint outcomes and reports closed
      // by the author's erasure do not count.
      reportsRepository(strapi).judgedBy(reader.id, { reason: EDITORIAL_REASON, decision: ERASED_DECISION }),
    ]);
    const facts: ReporterFacts = {
      blocked: reader.blocked === true,
      confirmed: reader.confirmed === true,
      sanction: getService('commenters').sanctionAt(profile, now),
      activeSubscriber: subscription.active,
      // Without a creation time the account is treated as new: it can report, its report does not count.
      accountCreatedAt: reader.createdAt ? new Date(reader.createdAt) : now,
    };
    return { facts, displayName: profile.displayName, reliability: reporterReliability(history) };
  };

  /** The standings of the comment's reports within the brigading window, this one included. */
  const recentStandings = async (comment: CommentRow, now: Date, rule: BrigadingRule): Promise<ReporterStanding[]> => {
    const since = new Date(now.getTime() - rule.windowMinutes * 60_000);
    const rows: Array<{ reporterStanding: ReporterStanding | null }> = await query().findMany({
      where: { commentId: comment.id, createdAt: { $gte: since }, reason: { $ne: EDITORIAL_REASON } },
      select: ['reporterStanding'],
    });
    return rows.map((row) => row.reporterStanding ?? 'new-account');
  };

  /**
   * Counts the report, flags a burst as suspected brigading, and auto-hides the comment when the
   * rules say so, inside the report's transaction.
   */
  const countTowardsModeration = async (
    comment: CommentRow,
    report: { severity: number; trusted: boolean; reliability: number },
    context: { config: CommentsConfig; now: Date; trx: Knex.Transaction; onCommit: (fn: () => void) => void }
  ) => {
    const { config, now, trx, onCommit } = context;
    // The counts and flags as the counting update, which holds the row, left them.
    const counts = await commentsRepository(strapi).countReport(trx, comment.id, report, now);
    // Hidden or withdrawn meanwhile: the report goes with the rest of the transaction.
    if (!counts) throw new errors.NotFoundError('No such comment.');
    const current = { ...comment, ...counts } as CommentRow;
    const flags = (current.flagReasons as string[] | null) ?? [];
    const burst =
      !flags.includes(SUSPECTED_BRIGADING) &&
      isSuspectedBrigading(await recentStandings(comment, now, config.brigading), config.brigading);
    const brigading = { flagged: true, flagReasons: [...flags, SUSPECTED_BRIGADING], severity: BRIGADING_SEVERITY };
    // updateMany: one UPDATE (the Query Engine's update reads the row before and after), and only for a burst.
    if (burst) await strapi.db.query(UID.comment).updateMany({ where: { id: comment.id }, data: brigading });
    const counted = (burst ? { ...current, ...brigading } : current) as CommentRow;
    const cover = getService('cover').at(now, config.schedule);
    const facts = {
      visible: counted.status === 'visible',
      trustedReports: counted.trustedReportCount ?? 0,
      cover,
      reviewedByModerator: Boolean(counted.clearedAt),
      suspectedBrigading: ((counted.flagReasons as string[] | null) ?? []).includes(SUSPECTED_BRIGADING),
    };
    if (!shouldAutoHide(facts, config.autoHide)) return;
    const threshold = autoHideThreshold(cover, facts.reviewedByModerator, config.autoHide);
    await getService('transitions').apply({
      comment: counted,
      transition: 'auto-hide',
      actor: SYSTEM_ACTOR,
      reason: `${facts.trustedReports} trusted readers reported it (threshold ${threshold})`,
      expectedVersion: counted.version,
      trx,
      onCommit,
    });
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
      const note = reportNote(input, config.reportNoteMaxLength);
      const now = getService('clock').now();
      const reporter = await admitReporter(reader, config, now);
      const trusted = isTrustedStanding(reporter.reporterStanding) && input.reason !== EDITORIAL_REASON;
      const create = async (): Promise<ReportRow> =>
        strapi.db.transaction(async ({ trx, onCommit }): Promise<ReportRow> => {
          const row = await insertRow<ReportRow>(strapi, UID.report, {
            ...reporter,
            target: 'comment',
            commentId: comment.id,
            commentDocumentId: comment.documentId,
            threadType: comment.threadType,
            threadId: comment.threadId,
            reason: input.reason,
            note,
            state: 'open',
            trusted,
          });
          // Before the count: an auto-hide it may trigger is the report's consequence, and its event comes after.
          await getService('events').record(onCommit, EVENTS.commentReported, {
            comment: comment.documentId,
            thread: { type: comment.threadType, documentId: comment.threadId },
            report: row.documentId,
            reason: input.reason,
          });
          if (input.reason !== EDITORIAL_REASON) {
            const weight = {
              severity: REASON_SEVERITY[input.reason],
              trusted,
              reliability: reporter.reporterReliability,
            };
            await countTowardsModeration(comment, weight, { config, now, trx, onCommit });
          }
          return row;
        });
      return createOnce(create, () => existingReport(comment.id, reader.id));
    },

    /**
     * A factual-error complaint about the story itself, for its editors: the same eligibility and
     * rate limit as a report, one per reader per story (a unique index on `storyComplaintId`, which
     * only story complaints set), never counted towards moderation.
     */
    async complainAboutStory(reader: Reader, storyDocumentId: string, input: { note: string }) {
      const thread = await getService('threads').resolve(storyDocumentId);
      const existingComplaint = () =>
        query().findOne({
          where: { threadType: thread.type, storyComplaintId: thread.documentId, reporterId: reader.id },
        });
      // A repeat is answered like the first and changes nothing.
      const repeat: ReportRow | null = await existingComplaint();
      if (repeat) return toReaderReport(repeat);

      const config = await getService('settings').get();
      const note = getService('text').normalize(
        input.note,
        { minLength: 1, maxLength: config.reportNoteMaxLength },
        'note'
      );
      const reporter = await admitReporter(reader, config, getService('clock').now());
      const create = (): Promise<ReportRow> =>
        query().create({
          data: {
            ...reporter,
            target: 'story',
            threadType: thread.type,
            threadId: thread.documentId,
            storyComplaintId: thread.documentId,
            reason: EDITORIAL_REASON,
            note,
            state: 'open',
            trusted: false,
          },
        });
      return createOnce(create, existingComplaint);
    },

    listMine(reader: Reader, page: PageRequest) {
      return newestFirstPage(query(), { reporterId: reader.id }, page, toReaderReport);
    },
  };
};

export type ReportsService = ReturnType<typeof reports>;
export default reports;
