import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { EDITORIAL_REASON, UID } from '../constants';
import { getService } from '../utils/get-service';
import { paginationMeta } from '../utils/pagination';

interface Consistency {
  status: string;
  total: number | null;
  breakdownTotal: number | null;
  difference: number | null;
  breakdownKind: string | null;
  message: string;
}

/**
 * What readers say about a story, for its editors: factual-error complaints (routed here, never to
 * the moderators' queue) and a per-story summary. Figure consistency comes from the app's
 * `consistency` field, which it adds to figures wherever the Document Service returns them.
 */
const editorial = ({ strapi }: { strapi: Core.Strapi }) => {
  const titles = async (type: string, documentIds: string[]) => {
    if (documentIds.length === 0) return new Map<string, string | null>();
    const documents = await strapi
      .documents(type as never)
      .findMany({ filters: { documentId: { $in: [...new Set(documentIds)] } }, fields: ['title'] } as never);
    return new Map(
      (documents as Array<{ documentId: string; title?: string }>).map((document) => [
        document.documentId,
        document.title ?? null,
      ])
    );
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
    const comments = await strapi.db.query(UID.comment).findMany({
      where: { id: { $in: rows.map((row: { commentId: number }) => row.commentId) } },
      select: ['id', 'body', 'status', 'documentId'],
    });
    const bodies = new Map(comments.map((comment: { id: number }) => [comment.id, comment]));
    const storyTitles = await titles(
      getService('settings').defaults().commentableTypes[0],
      rows.map((row: { threadId: string }) => row.threadId)
    );
    return {
      data: rows.map((row: Record<string, any>) => {
        const comment = bodies.get(row.commentId) as { body: string; status: string; documentId: string } | undefined;
        return {
          documentId: row.documentId,
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
          createdAt: new Date(row.createdAt).toISOString(),
        };
      }),
      meta: {
        ...paginationMeta(page, total),
      },
    };
  };

  return {
    complaints(filter: { article?: string }, page: { page: number; pageSize: number }) {
      return complaintRows({ reason: EDITORIAL_REASON, ...(filter.article ? { threadId: filter.article } : {}) }, page);
    },

    async articleSummary(documentId: string) {
      const type = getService('settings').defaults().commentableTypes[0];
      const hasFigures = Boolean((strapi.contentTypes as Record<string, any>)[type]?.attributes?.figures);
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
        .map((figure) => ({
          documentId: figure.documentId,
          label: figure.label,
          display: figure.display,
          value: Number(figure.value),
          breakdownKind: figure.breakdownKind,
          breakdown: (figure.breakdown ?? []).map((item: { label: string; value: string | number }) => ({
            label: item.label,
            value: Number(item.value),
          })),
          consistency: figure.consistency,
        }));
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
