import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { EDITORIAL_REASON, UID } from '../constants';
import { getService } from '../utils/get-service';
import type { CommentRow } from '../utils/serialize';
import { reportsRepository } from '../repositories/reports';
import { commentUrl } from '../rules/frontend-link';
import { suspectWordsOf } from '../rules/highlights';
import { reporterReliability } from '../rules/reliability';
import { nextStatus } from '../rules/transitions';
import { ERASED_DECISION } from './reports';
import { MODERATION_ACTIONS } from '../../../shared/contracts/vocabulary';

/** Siblings shown on each side of the comment. */
const NEIGHBOURS = 3;
/** The author's latest comments shown besides this one. */
const RECENT_COMMENTS = 10;
/** A brigaded comment may have thousands of reports: the panel shows the newest. */
const REPORTS_SHOWN = 100;

const BRIEF_FIELDS = ['documentId', 'body', 'status', 'authorName', 'createdAt'];
const RECENT_FIELDS = ['documentId', 'body', 'status', 'createdAt', 'threadType', 'threadId'];

const iso = (value: unknown) =>
  value === null || value === undefined ? null : new Date(value as string).toISOString();

const brief = (row: CommentRow) => ({
  documentId: row.documentId,
  body: row.body,
  status: row.status,
  author: { displayName: row.authorName },
  createdAt: iso(row.createdAt),
});

const toReport = (report: Record<string, any>, record: { upheld: number; notUpheld: number }) => ({
  documentId: report.documentId,
  reason: report.reason,
  note: report.note,
  state: report.state,
  reporter: {
    displayName: report.reporterName,
    // What the report weighed when it was made (rules/reporting.ts), and the reporter's record now.
    standing: report.reporterStanding ?? null,
    reliability: report.reporterReliability ?? null,
    record: { ...record, reliability: reporterReliability(record) },
  },
  trusted: Boolean(report.trusted),
  createdAt: iso(report.createdAt),
  decision: report.decision,
  resolvedAt: iso(report.resolvedAt),
  resolvedBy: report.resolvedByName,
});

const toHistoryEntry = (event: Record<string, any>) => ({
  action: event.action,
  actor: { type: event.actorType, name: event.actorName },
  reason: event.reason,
  before: event.before,
  after: event.after,
  at: iso(event.createdAt),
});

/**
 * One comment in context for the moderator: its story and link on the site, parent and siblings in
 * thread order, the suspect words that flagged it, the reports with what each weighed, the author's
 * record and latest comments, and its history. Every read is bounded and indexed, whatever the
 * size of the thread: neighbours are a keyset step each way on (story, parent, created at, id).
 */
const commentContext = ({ strapi }: { strapi: Core.Strapi }) => {
  const comments = () => strapi.db.query(UID.comment);

  const neighbours = async (comment: CommentRow) => {
    const siblings = { threadType: comment.threadType, threadId: comment.threadId, parentId: comment.parentId ?? null };
    const at = comment.createdAt;
    // created_at bounds the index range; the id breaks ties between comments of the same instant.
    const side = (op: '$lt' | '$gt', order: 'asc' | 'desc') =>
      comments().findMany({
        where: {
          ...siblings,
          createdAt: { [op === '$lt' ? '$lte' : '$gte']: at },
          $or: [{ createdAt: { [op]: at } }, { id: { [op]: comment.id } }],
        },
        orderBy: [{ createdAt: order }, { id: order }],
        limit: NEIGHBOURS,
        select: BRIEF_FIELDS,
      });
    const [before, after] = await Promise.all([side('$lt', 'desc'), side('$gt', 'asc')]);
    return { before: before.reverse().map(brief), after: after.map(brief) };
  };

  /** The story's title and slug (when its type has one), from its published version. */
  const storyOf = async (type: string, documentId: string): Promise<{ title: string | null; slug: string | null }> => {
    const model = strapi.getModel(type as never) as { attributes?: Record<string, unknown> } | undefined;
    const hasSlug = Boolean(model?.attributes?.slug);
    const story = await strapi.db.query(type as never).findOne({
      where: { documentId, publishedAt: { $notNull: true } },
      select: ['title', ...(hasSlug ? ['slug'] : [])],
    });
    return { title: story?.title ?? null, slug: story?.slug ?? null };
  };

  const recentOf = async (comment: CommentRow) => {
    if (comment.authorId === null) return [];
    const rows: CommentRow[] = await comments().findMany({
      where: { authorId: comment.authorId, id: { $ne: comment.id } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      limit: RECENT_COMMENTS,
      select: RECENT_FIELDS,
    });
    const titles = await getService('threads').titlesOf(
      rows.map((row) => ({ type: row.threadType, documentId: row.threadId }))
    );
    return rows.map((row) => ({
      documentId: row.documentId,
      body: row.body,
      status: row.status,
      createdAt: iso(row.createdAt),
      thread: { documentId: row.threadId, title: titles.get(row.threadId) ?? null },
    }));
  };

  const authorOf = async (comment: CommentRow) => {
    const [record, recent] = await Promise.all([getService('sanctions').recordOf(comment.authorId), recentOf(comment)]);
    return record ? { ...record, recent } : null;
  };

  const reportsOf = async (comment: CommentRow) => {
    const [newest, total] = await Promise.all([
      strapi.db.query(UID.report).findMany({
        where: { commentId: comment.id },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        limit: REPORTS_SHOWN,
      }),
      strapi.db.query(UID.report).count({ where: { commentId: comment.id } }),
    ]);
    // Reliability is about moderators' decisions (as when reporting: services/reports.ts).
    const records = await reportsRepository(strapi).judgedByEach(
      newest.map((report: { reporterId: number }) => report.reporterId),
      { reason: EDITORIAL_REASON, decision: ERASED_DECISION }
    );
    const reports = newest
      .reverse()
      .map((report: Record<string, any>) =>
        toReport(report, records.get(report.reporterId) ?? { upheld: 0, notUpheld: 0 })
      );
    return { reports, reportsTotal: Number(total) };
  };

  /** The suspect words of its flag, where they stand in the body now. */
  const matchesOf = (comment: CommentRow) => {
    const { words, profanity } = suspectWordsOf(comment.flagReasons ?? []);
    return comment.body ? getService('words').matches(comment.body, words, profanity) : [];
  };

  const toComment = (comment: CommentRow, authorDocumentId: string | null) => ({
    documentId: comment.documentId,
    body: comment.body,
    status: comment.status,
    version: comment.version,
    parent: comment.parentId,
    author: { displayName: comment.authorName, documentId: authorDocumentId },
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
    matches: matchesOf(comment),
  });

  const userDocumentId = async (userId: number | null): Promise<string | null> => {
    if (userId === null) return null;
    const user = await strapi.db
      .query('plugin::users-permissions.user')
      .findOne({ where: { id: userId }, select: ['documentId'] });
    return user?.documentId ?? null;
  };

  return {
    async detail(documentId: string) {
      const comment: CommentRow | null = await comments().findOne({ where: { documentId } });
      if (!comment) throw new errors.NotFoundError('No such comment.');
      const [parent, around, reports, history, author, story, settings, authorDocumentId] = await Promise.all([
        comment.parentId ? comments().findOne({ where: { documentId: comment.parentId } }) : null,
        neighbours(comment),
        reportsOf(comment),
        getService('audit').historyOf(comment.id),
        authorOf(comment),
        storyOf(comment.threadType, comment.threadId),
        getService('settings').get(),
        userDocumentId(comment.authorId),
      ]);
      const url = commentUrl(settings.frontendCommentUrl, {
        articleSlug: story.slug,
        articleDocumentId: comment.threadId,
        documentId: comment.documentId,
      });
      return {
        data: {
          comment: toComment(comment, authorDocumentId),
          thread: { type: comment.threadType, documentId: comment.threadId, title: story.title, url },
          parent: parent ? brief(parent) : null,
          neighbours: around,
          author,
          ...reports,
          history: history.map(toHistoryEntry),
        },
      };
    },
  };
};

export type CommentContextService = ReturnType<typeof commentContext>;
export default commentContext;
