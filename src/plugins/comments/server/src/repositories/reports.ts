import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import type { ReportHistory } from '../rules/reliability';

/** The reports table's aggregate reads, in raw knex (the Query Engine has no GROUP BY); names from Strapi's metadata. */
export const reportsRepository = (strapi: Core.Strapi) => {
  const metadata = strapi.db.metadata.get(UID.report);
  const column = (attribute: string): string =>
    (metadata.attributes[attribute] as { columnName?: string }).columnName ?? attribute;

  return {
    /** Each comment's report reasons with their counts, most frequent first, in one grouped query; `exclude` left out. */
    async reasonsOf(
      commentIds: number[],
      exclude: string
    ): Promise<Map<number, Array<{ reason: string; count: number }>>> {
      const byComment = new Map<number, Array<{ reason: string; count: number }>>();
      if (commentIds.length === 0) return byComment;
      const [commentId, reason] = [column('commentId'), column('reason')];
      const rows: Array<{ commentId: number; reason: string; count: string | number }> = await strapi.db
        .connection(metadata.tableName)
        .whereIn(commentId, commentIds)
        .whereNot(reason, exclude)
        .groupBy(commentId, reason)
        .select({ commentId, reason })
        .count({ count: '*' });
      for (const row of rows) {
        const list = byComment.get(row.commentId) ?? [];
        list.push({ reason: row.reason, count: Number(row.count) });
        byComment.set(row.commentId, list);
      }
      for (const list of byComment.values()) list.sort((a, b) => b.count - a.count);
      return byComment;
    },

    /**
     * Each reporter's reports that moderators judged, upheld and not, in one grouped query; reports with
     * the reasons or decisions in `exclude` (editors' complaints, erasures) were not a moderator's judgement.
     */
    async judgedByEach(
      reporterIds: number[],
      exclude: { reason: string; decision: string }
    ): Promise<Map<number, ReportHistory>> {
      const histories = new Map<number, ReportHistory>(reporterIds.map((id) => [id, { upheld: 0, notUpheld: 0 }]));
      if (reporterIds.length === 0) return histories;
      const [state, reporter] = [column('state'), column('reporterId')];
      const rows: Array<{ reporter: number; state: string; total: string | number }> = await strapi.db
        .connection(metadata.tableName)
        .whereIn(reporter, [...new Set(reporterIds)])
        .whereIn(state, ['upheld', 'not-upheld'])
        .whereNot(column('reason'), exclude.reason)
        .where((either) => either.whereNull(column('decision')).orWhereNot(column('decision'), exclude.decision))
        .groupBy(reporter, state)
        .select({ reporter, state })
        .count({ total: '*' });
      for (const row of rows) {
        const history = histories.get(Number(row.reporter));
        if (!history) continue;
        if (row.state === 'upheld') history.upheld = Number(row.total);
        else history.notUpheld = Number(row.total);
      }
      return histories;
    },

    async judgedBy(reporterId: number, exclude: { reason: string; decision: string }): Promise<ReportHistory> {
      return (await this.judgedByEach([reporterId], exclude)).get(reporterId) ?? { upheld: 0, notUpheld: 0 };
    },
  };
};
