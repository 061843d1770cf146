import type { Core } from '@strapi/strapi';
import { EDITORIAL_REASON, UID } from '../constants';
import { getService } from '../utils/get-service';
import type { Cover } from './cover';
import { statsRepository, type ResponseTimeRow } from '../repositories/stats';
import { dashboardWindow } from '../rules/stats-window';
import { REPORT_REASONS } from '../../../shared/contracts/vocabulary';
import type { Dashboard } from '../../../shared/contracts/admin';

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

/** The busiest stories the dashboard lists. */
const BUSIEST_STORIES = 8;

const responseTimesOf = (rows: ResponseTimeRow[], cover: ResponseTimeRow['cover']) => {
  const row = rows.find((candidate) => candidate.cover === cover);
  return { items: row?.items ?? 0, medianMinutes: row?.medianMinutes ?? null, p90Minutes: row?.p90Minutes ?? null };
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

  /**
   * The dashboard over the last `days` days (docs/moderation.md): open items per queue at the end of
   * each day, response times by cover, reports by reason and the busiest stories, all aggregated
   * in SQL (repositories/stats.ts).
   */
  async dashboard(days: number): Promise<Dashboard> {
    const { from, to, points } = dashboardWindow(getService('clock').now(), days);
    const figures = statsRepository(strapi);
    const [reported, posted, times, reasons, busiest] = await Promise.all([
      figures.reportedOpenAt(points, from, to),
      figures.postedOpenAt(points, from, to),
      figures.responseTimes(from, to),
      figures.reasonsSince(from),
      figures.busiestThreads(from, BUSIEST_STORIES),
    ]);
    const titles = await getService('threads').titlesOf(busiest);
    const counted = new Map(reasons.map((row) => [row.reason, row.count]));
    return {
      data: {
        window: { days, from: from.toISOString(), to: to.toISOString() },
        openOverTime: points.map((point, index) => ({
          day: point.day,
          at: point.at.toISOString(),
          reported: reported[index].reported ?? 0,
          'auto-hidden': reported[index]['auto-hidden'] ?? 0,
          flagged: posted[index].flagged ?? 0,
          held: posted[index].held ?? 0,
        })),
        responseTimes: {
          all: responseTimesOf(times, 'all'),
          fullTime: responseTimesOf(times, 'full-time'),
          partTime: responseTimesOf(times, 'part-time'),
        },
        reasons: REPORT_REASONS.map((reason) => ({ reason, count: counted.get(reason) ?? 0 })).sort(
          (a, b) => b.count - a.count
        ),
        busiestStories: busiest.map((thread) => ({
          story: { type: thread.type, documentId: thread.documentId, title: titles.get(thread.documentId) ?? null },
          comments: thread.comments,
          reports: thread.reports,
        })),
      },
    };
  },
});

export type StatsService = ReturnType<typeof stats>;
export default stats;
