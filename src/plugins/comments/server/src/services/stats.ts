import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
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

/**
 * Figures for the moderation desk: open items per queue, the oldest open item, and how long
 * reported comments waited from their first report to a moderator's first action, split by the
 * staffing cover in force when they were first reported.
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
        select: ['firstReportedAt', 'moderatedAt'],
      });
      const byCover: Record<Cover, number[]> = { 'full-time': [], 'part-time': [] };
      for (const row of rows) {
        const reported = new Date(row.firstReportedAt);
        const minutes = (new Date(row.moderatedAt).getTime() - reported.getTime()) / 60000;
        if (minutes >= 0) byCover[getService('cover').at(reported, config.schedule)].push(minutes);
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
