import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import type { ReportHistory } from '../rules/reliability';

/** The reports table's aggregate reads, in raw knex (the Query Engine has no GROUP BY); names from Strapi's metadata. */
export const reportsRepository = (strapi: Core.Strapi) => {
  const metadata = strapi.db.metadata.get(UID.report);
  const column = (attribute: string): string =>
    (metadata.attributes[attribute] as { columnName?: string }).columnName ?? attribute;

  return {
    /**
     * A reporter's reports that moderators judged, upheld and not, in one grouped query; reports with
     * the reasons or decisions in `exclude` (editors' complaints, erasures) were not a moderator's judgement.
     */
    async judgedBy(reporterId: number, exclude: { reason: string; decision: string }): Promise<ReportHistory> {
      const state = column('state');
      const rows: Array<{ state: string; total: string | number }> = await strapi.db
        .connection(metadata.tableName)
        .where(column('reporterId'), reporterId)
        .whereIn(state, ['upheld', 'not-upheld'])
        .whereNot(column('reason'), exclude.reason)
        .where((either) => either.whereNull(column('decision')).orWhereNot(column('decision'), exclude.decision))
        .groupBy(state)
        .select({ state })
        .count({ total: '*' });
      const count = (name: string) => Number(rows.find((row) => row.state === name)?.total ?? 0);
      return { upheld: count('upheld'), notUpheld: count('not-upheld') };
    },
  };
};
