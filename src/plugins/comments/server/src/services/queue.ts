import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { errors } from '@strapi/utils';
import { EDITORIAL_REASON, UID } from '../constants';
import { getService } from '../utils/get-service';
import { paginationMeta } from '../utils/pagination';
import type { CommentRow } from '../utils/serialize';

import { MODERATION_ACTIONS, QUEUES, type Queue, type QueueSort } from '../../../shared/contracts/vocabulary';
import { nextStatus } from '../rules/transitions';

export interface QueueQuery {
  queue: Queue;
  reason?: string;
  article?: string;
  from?: string;
  to?: string;
  sort: QueueSort;
  page: number;
  pageSize: number;
}

const TABLE = 'comments';
const REPORTS = 'comment_reports';

/** Which rows of the comments table make up each queue (see docs/moderation.md). */
const inQueue = (query: Knex.QueryBuilder, queue: Queue): Knex.QueryBuilder => {
  switch (queue) {
    case 'auto-hidden':
      return query.where({ status: 'hidden', auto_hidden: true, needs_review: true });
    case 'held':
      return query.where({ status: 'held' });
    case 'reported':
      // A comment its author withdrew while under review stays here until a moderator decides.
      return query
        .where({ needs_review: true })
        .where((either) =>
          either
            .where((visible) => visible.where({ status: 'visible' }).where('report_count', '>', 0))
            .orWhere({ status: 'withdrawn-under-review' })
        );
    case 'flagged':
      return query.where({ status: 'visible', needs_review: true, flagged: true, report_count: 0 });
    case 'resolved':
      return query.where({ needs_review: false }).whereNotNull('reviewed_at');
    default:
      return query.where((either) => either.where({ needs_review: true }).orWhereNotNull('reviewed_at'));
  }
};

const iso = (value: unknown) =>
  value === null || value === undefined ? null : new Date(value as string).toISOString();

/**
 * The moderators' queue: what readers reported and the system flagged, in priority order
 * (auto-hidden first, then the severity of the reasons, distinct reporters and age). Built on
 * knex with the queue index, since it sorts and filters across all open items.
 */
const queue = ({ strapi }: { strapi: Core.Strapi }) => {
  const db = () => strapi.db.connection;

  const filtered = (query: QueueQuery) => {
    let builder = inQueue(db()(TABLE), query.queue);
    if (query.article) builder = builder.where('thread_id', query.article);
    if (query.reason) {
      builder = builder.whereExists(
        db()(REPORTS)
          .select(db().raw('1'))
          .whereRaw(`${REPORTS}.comment_id = ${TABLE}.id`)
          .andWhere(`${REPORTS}.reason`, query.reason)
      );
    }
    if (query.from) builder = builder.where('created_at', '>=', new Date(query.from));
    if (query.to) builder = builder.where('created_at', '<=', new Date(query.to));
    return builder;
  };

  const ordered = (builder: Knex.QueryBuilder, sort: QueueQuery['sort']) => {
    if (sort === 'oldest')
      return builder.orderBy([
        { column: 'created_at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ]);
    if (sort === 'newest')
      return builder.orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ]);
    return builder.orderBy([
      { column: 'auto_hidden', order: 'desc' },
      { column: 'severity', order: 'desc' },
      // Reports from reporters whose past reports were upheld weigh more than many from unknowns.
      { column: 'reliability_score', order: 'desc' },
      { column: 'report_count', order: 'desc' },
      { column: 'first_reported_at', order: 'asc' },
      { column: 'id', order: 'asc' },
    ]);
  };

  /** Open reasons with counts for each comment on the page, in one grouped query. */
  const reasonsFor = async (ids: number[]) => {
    const byComment = new Map<number, Array<{ reason: string; count: number }>>();
    if (ids.length === 0) return byComment;
    const rows = await db()(REPORTS)
      .whereIn('comment_id', ids)
      .whereNot('reason', EDITORIAL_REASON)
      .groupBy('comment_id', 'reason')
      .select('comment_id', 'reason')
      .count({ count: '*' });
    for (const row of rows as Array<{ comment_id: number; reason: string; count: string | number }>) {
      const list = byComment.get(row.comment_id) ?? [];
      list.push({ reason: row.reason, count: Number(row.count) });
      byComment.set(row.comment_id, list);
    }
    for (const list of byComment.values()) list.sort((a, b) => b.count - a.count);
    return byComment;
  };

  const stateOf = (row: Record<string, any>): Queue => {
    if (row.status === 'held') return 'held';
    if (row.needs_review && row.status === 'withdrawn-under-review') return 'reported';
    if (row.needs_review && row.status === 'hidden' && row.auto_hidden) return 'auto-hidden';
    if (row.needs_review && Number(row.report_count) > 0) return 'reported';
    if (row.needs_review && row.flagged) return 'flagged';
    return 'resolved';
  };

  return {
    /**
     * The size of each queue, in one statement of one count per queue, each answered from its
     * index (no rows to gather and group).
     */
    async counts() {
      const names = QUEUES.filter((name): name is Exclude<Queue, 'all'> => name !== 'all');
      const row: Record<string, string | number> = await db()
        .select(Object.fromEntries(names.map((name) => [name, inQueue(db()(TABLE), name).count('*')])))
        .first();
      return Object.fromEntries(names.map((name) => [name, Number(row?.[name] ?? 0)])) as Record<
        Exclude<Queue, 'all'>,
        number
      >;
    },

    async list(query: QueueQuery) {
      // Unfiltered, a queue's total is one of the counts the page shows anyway.
      const unfiltered = query.queue !== 'all' && !query.article && !query.reason && !query.from && !query.to;
      const [rows, counts, total] = await Promise.all([
        ordered(filtered(query).select('*'), query.sort)
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize),
        this.counts(),
        unfiltered
          ? null
          : filtered(query)
              .count({ total: '*' })
              .then(([row]) => Number(row?.total ?? 0)),
      ]);
      const [reasons, titles] = await Promise.all([
        reasonsFor(rows.map((row: { id: number }) => row.id)),
        getService('threads').titlesOf(
          rows.map((row: Record<string, string>) => ({ type: row.thread_type, documentId: row.thread_id }))
        ),
      ]);
      return {
        data: rows.map((row: Record<string, any>) => ({
          documentId: row.document_id,
          body: row.body,
          status: row.status,
          state: stateOf(row),
          version: Number(row.version),
          author: { displayName: row.author_name },
          createdAt: iso(row.created_at),
          editedAt: iso(row.edited_at),
          flagged: Boolean(row.flagged),
          flagReasons: typeof row.flag_reasons === 'string' ? JSON.parse(row.flag_reasons) : (row.flag_reasons ?? []),
          autoHidden: Boolean(row.auto_hidden),
          amendedByModerator: Boolean(row.amended_by_moderator),
          thread: { type: row.thread_type, documentId: row.thread_id, title: titles.get(row.thread_id) ?? null },
          reporters: Number(row.report_count),
          // Of those, the reports that count towards auto-hide (rules/reporting.ts).
          trustedReporters: Number(row.trusted_report_count ?? 0),
          reliabilityScore: Number(row.reliability_score ?? 0),
          reasons: reasons.get(row.id) ?? [],
          firstReportedAt: iso(row.first_reported_at),
          lastReportedAt: iso(row.last_reported_at),
        })),
        meta: {
          ...paginationMeta(query, total ?? counts[query.queue as Exclude<Queue, 'all'>]),
          counts,
        },
      };
    },

    /** One comment in context: thread, parent, neighbours, author's record, reports and history. */
    async detail(documentId: string) {
      const comment: CommentRow | null = await strapi.db.query(UID.comment).findOne({ where: { documentId } });
      if (!comment) throw new errors.NotFoundError('No such comment.');
      const siblingsWhere = {
        threadType: comment.threadType,
        threadId: comment.threadId,
        parentId: comment.parentId ?? null,
      };
      const [parent, before, after, reports, history, record, titles] = await Promise.all([
        comment.parentId ? strapi.db.query(UID.comment).findOne({ where: { documentId: comment.parentId } }) : null,
        strapi.db
          .query(UID.comment)
          .findMany({ where: { ...siblingsWhere, id: { $lt: comment.id } }, orderBy: { id: 'desc' }, limit: 3 }),
        strapi.db
          .query(UID.comment)
          .findMany({ where: { ...siblingsWhere, id: { $gt: comment.id } }, orderBy: { id: 'asc' }, limit: 3 }),
        strapi.db.query(UID.report).findMany({ where: { commentId: comment.id }, orderBy: { createdAt: 'asc' } }),
        getService('audit').historyOf(comment.id),
        getService('sanctions').recordOf(comment.authorId),
        getService('threads').titlesOf([{ type: comment.threadType, documentId: comment.threadId }]),
      ]);
      const brief = (row: CommentRow) => ({
        documentId: row.documentId,
        body: row.body,
        status: row.status,
        author: { displayName: row.authorName },
        createdAt: iso(row.createdAt),
      });
      return {
        data: {
          comment: {
            documentId: comment.documentId,
            body: comment.body,
            status: comment.status,
            version: comment.version,
            parent: comment.parentId,
            author: { displayName: comment.authorName, documentId: await this.userDocumentId(comment.authorId) },
            flagged: Boolean(comment.flagged),
            flagReasons: comment.flagReasons ?? [],
            autoHidden: Boolean(comment.autoHidden),
            needsReview: Boolean(comment.needsReview),
            reporters: comment.reportCount ?? 0,
            trustedReporters: comment.trustedReportCount ?? 0,
            amendedByModerator: Boolean(comment.amendedByModerator),
            publicReason: comment.publicReason ?? null,
            createdAt: iso(comment.createdAt),
            editedAt: iso(comment.editedAt),
            amendedAt: iso(comment.amendedAt),
            firstReportedAt: iso(comment.firstReportedAt),
            moderatedAt: iso(comment.moderatedAt),
            reviewedAt: iso(comment.reviewedAt),
            // What the admin may offer: the moderation actions this status takes (rules/transitions.ts).
            actions: MODERATION_ACTIONS.filter((action) => nextStatus(action, comment.status) !== null),
          },
          thread: {
            type: comment.threadType,
            documentId: comment.threadId,
            title: titles.get(comment.threadId) ?? null,
          },
          parent: parent ? brief(parent) : null,
          neighbours: { before: before.reverse().map(brief), after: after.map(brief) },
          author: record,
          reports: reports.map((report: Record<string, unknown>) => ({
            documentId: report.documentId,
            reason: report.reason,
            note: report.note,
            state: report.state,
            reporter: {
              displayName: report.reporterName,
              standing: report.reporterStanding ?? null,
              reliability: report.reporterReliability ?? null,
            },
            trusted: Boolean(report.trusted),
            createdAt: report.createdAt,
            decision: report.decision,
            resolvedAt: report.resolvedAt,
            resolvedBy: report.resolvedByName,
          })),
          history: history.map((event: Record<string, unknown>) => ({
            action: event.action,
            actor: { type: event.actorType, name: event.actorName },
            reason: event.reason,
            before: event.before,
            after: event.after,
            at: event.createdAt,
          })),
        },
      };
    },

    async userDocumentId(userId: number | null): Promise<string | null> {
      if (userId === null) return null;
      const user = await strapi.db
        .query('plugin::users-permissions.user')
        .findOne({ where: { id: userId }, select: ['documentId'] });
      return user?.documentId ?? null;
    },
  };
};

export type QueueService = ReturnType<typeof queue>;
export default queue;
