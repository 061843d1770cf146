import type { Core } from '@strapi/strapi';
import { EDITORIAL_REASON, UID } from '../constants';
import { getService } from '../utils/get-service';
import type { Cover } from './cover';

const DAY = 24 * 60 * 60 * 1000;

const percentile = (sorted: number[], fraction: number): number | null => {
  if (sorted.length === 0) return null;
  const rank = Math.ceil(fraction * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
};

const summarise = (minutes: number[]) => {
  const sorted = [...minutes].sort((a, b) => a - b);
  return { items: sorted.length, medianMinutes: percentile(sorted, 0.5), p90Minutes: percentile(sorted, 0.9) };
};

/** Ids per query, well under SQLite's limit on bound parameters. */
const CHUNK = 500;

/**
 * The cover stored on each comment's first report (editorial complaints aside: they are not
 * moderation reports), by comment id; null for reports made before the cover was stored.
 */
const storedCovers = async (strapi: Core.Strapi, commentIds: number[]): Promise<Map<number, Cover | null>> => {
  const { tableName, attributes } = strapi.db.metadata.get(UID.report) as unknown as {
    tableName: string;
    attributes: Record<string, { columnName?: string }>;
  };
  const column = (attribute: string) => attributes[attribute]?.columnName ?? attribute;
  const db = strapi.db.connection;
  const covers = new Map<number, Cover | null>();
  for (let start = 0; start < commentIds.length; start += CHUNK) {
    const firstReports = db(tableName)
      .whereIn(column('commentId'), commentIds.slice(start, start + CHUNK))
      .whereNot(column('reason'), EDITORIAL_REASON)
      .groupBy(column('commentId'))
      .min('id');
    const rows = await db(tableName)
      .whereIn('id', firstReports)
      .select({ commentId: column('commentId'), cover: column('coverAtReport') });
    for (const row of rows) covers.set(Number(row.commentId), row.cover ?? null);
  }
  return covers;
};

/**
 * Figures for the moderation desk: open items per queue, the oldest open item, and how long
 * reported comments waited from their first report to a moderator's first action, split by the
 * staffing cover in force when they were first reported: the cover stored on that report, so a
 * later change of the schedule or the holidays does not rewrite the figures.
 */
const stats = ({ strapi }: { strapi: Core.Strapi }) => ({
  async overview() {
    const now = getService('clock').now();
    const config = await getService('settings').get();
    const [counts, oldest] = await Promise.all([
      getService('queue').counts(),
      strapi.db.query(UID.comment).findOne({
        where: { needsReview: true },
        orderBy: [{ createdAt: 'asc' }],
        select: ['documentId', 'createdAt', 'firstReportedAt'],
      }),
    ]);
    const oldestSince = oldest ? new Date(oldest.firstReportedAt ?? oldest.createdAt) : null;

    const responseTimes = async (days: number) => {
      const since = new Date(now.getTime() - days * DAY);
      const rows = await strapi.db.query(UID.comment).findMany({
        where: { firstReportedAt: { $gte: since }, moderatedAt: { $notNull: true } },
        select: ['id', 'firstReportedAt', 'moderatedAt'],
      });
      const ids = rows.map((row: { id: number }) => row.id);
      const covers = await storedCovers(strapi, ids);
      const byCover: Record<Cover, number[]> = { 'full-time': [], 'part-time': [] };
      for (const row of rows) {
        const reported = new Date(row.firstReportedAt);
        const minutes = (new Date(row.moderatedAt).getTime() - reported.getTime()) / 60000;
        const cover = covers.get(row.id) ?? getService('cover').at(reported, config.schedule);
        if (minutes >= 0) byCover[cover].push(minutes);
      }
      return {
        days,
        all: summarise([...byCover['full-time'], ...byCover['part-time']]),
        fullTime: summarise(byCover['full-time']),
        partTime: summarise(byCover['part-time']),
      };
    };

    const [week, month] = await Promise.all([responseTimes(7), responseTimes(30)]);
    return {
      data: {
        open: counts,
        oldestOpen: oldestSince
          ? {
              documentId: oldest.documentId,
              since: oldestSince.toISOString(),
              ageMinutes: Math.round((now.getTime() - oldestSince.getTime()) / 60000),
            }
          : null,
        cover: getService('cover').describe(now, config.schedule),
        responseTimes: { last7Days: week, last30Days: month },
      },
    };
  },
});

export type StatsService = ReturnType<typeof stats>;
export default stats;
