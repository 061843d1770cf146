import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { EDITORIAL_REASON, EVENTS, REFUSAL, UID } from '../constants';
import { getService } from '../utils/get-service';
import { paginationMeta } from '../utils/pagination';
import { conflict, moderatorActor, type AdminUser } from '../utils/admin';

import { COMPLAINT_OUTCOMES } from '../../../shared/contracts/vocabulary';
export type ComplaintOutcome = (typeof COMPLAINT_OUTCOMES)[number];
export const CORRECTION_NOTE_MAX_LENGTH = 2000;

export interface ComplaintResolution {
  outcome: ComplaintOutcome;
  /** Shown to the reporter; only with `upheld`. */
  correctionNote?: string | null;
  /** Internal: goes to the audit, not to the reader. */
  reason: string;
}

const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null);

interface Consistency {
  status: string;
  total: number | null;
  breakdownTotal: number | null;
  difference: number | null;
  breakdownKind: string | null;
  message: string;
}

/** A figure as editors see it: its display string and whether its parts add up (the app adds both). */
const toFigure = (figure: Record<string, any>) => ({
  documentId: figure.documentId,
  label: figure.label,
  display: figure.display,
  value: Number(figure.value),
  breakdownKind: figure.breakdownKind,
  breakdown: (figure.breakdown ?? []).map((item: { label: string; value: string | number }) => ({
    label: item.label,
    value: Number(item.value),
  })),
  consistency: figure.consistency as Consistency,
});

/**
 * What readers say about a story, for its editors: factual-error complaints (routed here, never to
 * the moderators' queue) and a per-story summary. Figure consistency comes from the app's
 * `consistency` field, which it adds to figures wherever the Document Service returns them.
 */
const editorial = ({ strapi }: { strapi: Core.Strapi }) => {
  /** Complaints as editors see them: the story, the comment when the complaint is about one, the outcome. */
  const toComplaints = async (rows: Array<Record<string, any>>) => {
    const commentIds = rows.map((row) => row.commentId).filter((id): id is number => id !== null);
    const comments =
      commentIds.length === 0
        ? []
        : await strapi.db.query(UID.comment).findMany({
            where: { id: { $in: commentIds } },
            select: ['id', 'body', 'status', 'documentId'],
          });
    const bodies = new Map(comments.map((comment: { id: number }) => [comment.id, comment]));
    const storyTitles = await getService('threads').titlesOf(
      rows.map((row) => ({ type: row.threadType as string, documentId: row.threadId as string }))
    );
    return rows.map((row) => {
      const comment = bodies.get(row.commentId) as { body: string; status: string; documentId: string } | undefined;
      return {
        documentId: row.documentId,
        target: row.target,
        story: { type: row.threadType, documentId: row.threadId, title: storyTitles.get(row.threadId) ?? null },
        comment: comment
          ? {
              documentId: comment.documentId,
              body: comment.status === 'erased' ? null : comment.body,
              status: comment.status,
            }
          : null,
        note: row.note,
        reporter: { displayName: row.reporterName },
        state: row.state,
        correctionNote: row.correctionNote,
        resolvedBy: row.resolvedByName,
        resolvedAt: iso(row.resolvedAt),
        createdAt: iso(row.createdAt),
      };
    });
  };

  const complaintRows = async (where: Record<string, unknown>, page: { page: number; pageSize: number }) => {
    const [rows, total] = await Promise.all([
      strapi.db.query(UID.report).findMany({
        where,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        limit: page.pageSize,
        offset: (page.page - 1) * page.pageSize,
      }),
      strapi.db.query(UID.report).count({ where }),
    ]);
    return { data: await toComplaints(rows), meta: paginationMeta(page, total) };
  };

  /** The target of the commentable type's `figures` relation, if it has one. */
  const figureType = (): string | null => {
    const type = getService('settings').defaults().commentableTypes[0];
    return (strapi.contentTypes as Record<string, any>)[type]?.attributes?.figures?.target ?? null;
  };

  const alreadyResolved = (complaint: { state: string; resolvedAt: unknown }) =>
    conflict('This complaint is already resolved.', {
      code: REFUSAL.COMPLAINT_ALREADY_RESOLVED,
      outcome: complaint.state,
      resolvedAt: iso(complaint.resolvedAt),
    });

  return {
    complaints(filter: { article?: string }, page: { page: number; pageSize: number }) {
      return complaintRows({ reason: EDITORIAL_REASON, ...(filter.article ? { threadId: filter.article } : {}) }, page);
    },

    /**
     * An editor's outcome for a factual-error complaint, once: the state moves from `open` in one
     * conditional UPDATE (a concurrent second resolution finds nothing open and gets 409), with its
     * audit row in the same transaction.
     */
    async resolve(admin: AdminUser, documentId: string, input: ComplaintResolution) {
      const complaint = await strapi.db.query(UID.report).findOne({ where: { documentId, reason: EDITORIAL_REASON } });
      if (!complaint) throw new errors.NotFoundError('No such complaint.');
      if (complaint.state !== 'open') throw alreadyResolved(complaint);
      const correctionNote =
        input.outcome === 'upheld' && input.correctionNote?.trim()
          ? getService('text').normalize(
              input.correctionNote,
              { minLength: 1, maxLength: CORRECTION_NOTE_MAX_LENGTH },
              'correctionNote'
            )
          : null;
      const actor = moderatorActor(admin);
      const resolution = {
        state: input.outcome,
        decision: input.outcome === 'upheld' ? 'story-corrected' : 'story-stands',
        correctionNote,
        resolvedAt: getService('clock').now(),
        resolvedById: actor.id,
        resolvedByName: actor.name,
      };
      await strapi.db.transaction(async ({ onCommit }) => {
        const { count } = await strapi.db
          .query(UID.report)
          .updateMany({ where: { id: complaint.id, state: 'open' }, data: resolution });
        if (count !== 1)
          throw alreadyResolved(await strapi.db.query(UID.report).findOne({ where: { id: complaint.id } }));
        await getService('audit').record({
          action: 'complaint-resolved',
          actor,
          comment: complaint.commentId ? { id: complaint.commentId, documentId: complaint.commentDocumentId } : null,
          subjectUserId: complaint.reporterId,
          reason: input.reason,
          before: {
            complaint: complaint.documentId,
            target: complaint.target,
            story: complaint.threadId,
            state: 'open',
          },
          after: { complaint: complaint.documentId, state: input.outcome, correctionNote },
        });
        await getService('events').record(onCommit, EVENTS.complaintResolved, {
          complaint: complaint.documentId,
          story: { type: complaint.threadType, documentId: complaint.threadId },
          comment: complaint.commentDocumentId ?? null,
          outcome: input.outcome,
          correctionNote,
        });
      });
      const [resolved] = await toComplaints([{ ...complaint, ...resolution }]);
      return resolved;
    },

    /**
     * One figure's draft (what its edit view edits) with its verdict. The figure type is the one the
     * commentable type's `figures` relation points at: the plugin knows no editorial type by name.
     */
    async figureSummary(documentId: string) {
      const uid = figureType();
      const figure = uid
        ? ((await strapi.documents(uid as never).findOne({ documentId, populate: ['breakdown'] } as never)) as Record<
            string,
            any
          > | null)
        : null;
      if (!figure) throw new errors.NotFoundError('No such figure.');
      return { data: toFigure(figure) };
    },

    async articleSummary(documentId: string) {
      const type = getService('settings').defaults().commentableTypes[0];
      const hasFigures = figureType() !== null;
      const story = (await strapi.documents(type as never).findOne({
        documentId,
        fields: ['title'],
        ...(hasFigures ? { populate: { figures: { populate: ['breakdown'] } } } : {}),
      } as never)) as { title?: string; figures?: Array<Record<string, any>> } | null;
      if (!story) throw new errors.NotFoundError('No such story.');

      const [comments, visible, openReports, complaints] = await Promise.all([
        strapi.db
          .query(UID.comment)
          .count({ where: { threadType: type, threadId: documentId, status: { $ne: 'erased' } } }),
        strapi.db.query(UID.comment).count({ where: { threadType: type, threadId: documentId, status: 'visible' } }),
        strapi.db
          .connection('comment_reports')
          .where({ thread_type: type, thread_id: documentId, state: 'open' })
          .whereNot('reason', EDITORIAL_REASON)
          .groupBy('reason')
          .select('reason')
          .count({ count: '*' }),
        complaintRows({ reason: EDITORIAL_REASON, threadId: documentId }, { page: 1, pageSize: 100 }),
      ]);
      const inconsistentFigures = (story.figures ?? [])
        .filter((figure) => (figure.consistency as Consistency | undefined)?.status === 'inconsistent')
        .map(toFigure);
      return {
        data: {
          story: { type, documentId, title: story.title ?? null },
          comments: { total: comments, visible },
          openReports: Object.fromEntries(
            (openReports as Array<{ reason: string; count: string | number }>).map((row) => [
              row.reason,
              Number(row.count),
            ])
          ),
          factualErrorComplaints: complaints.data,
          inconsistentFigures,
        },
      };
    },
  };
};

export type EditorialService = ReturnType<typeof editorial>;
export default editorial;
