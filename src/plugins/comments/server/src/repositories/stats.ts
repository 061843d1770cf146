import type { Core, UID as StrapiUID } from '@strapi/strapi';
import type { Knex } from 'knex';
import { EDITORIAL_REASON, UID } from '../constants';
import { TRANSITIONS } from '../rules/transitions';
import type { SamplePoint } from '../rules/stats-window';
import type { CountedQueue, Cover } from '../../../shared/contracts/vocabulary';

export type OpenQueue = Exclude<CountedQueue, 'resolved'>;
export type OpenCounts = Record<OpenQueue, number>;

export interface ResponseTimeRow {
  cover: Cover | 'all';
  items: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
}

export interface ThreadActivity {
  type: string;
  documentId: string;
  comments: number;
  reports: number;
}

type Row = Record<string, unknown>;
interface Sql {
  sql: string;
  bindings: Knex.RawBinding[];
}

/** The audit action of a comment's posting (services/comments.ts); its reason is set only when the comment was flagged or held. */
const POSTED = 'posted';
const AUTO_HIDDEN = TRANSITIONS['auto-hide'].audit;

/**
 * The dashboard's aggregates (services/stats.ts). They read the comments, the reports and the
 * audit log together, so they live in one repository of their own; every statement is bounded
 * by the window through an index and aggregates in SQL. Names come from Strapi's metadata.
 */
export const statsRepository = (strapi: Core.Strapi) => {
  const db = strapi.db.connection;
  const postgres = strapi.db.dialect.client === 'postgres';
  const columnOf = (uid: StrapiUID.Schema, attribute: string) =>
    (strapi.db.metadata.get(uid).attributes[attribute] as { columnName?: string } | undefined)?.columnName ?? attribute;
  /** `alias.column` of an attribute. */
  const columnsOf = (uid: StrapiUID.Schema, alias: string) => (attribute: string) =>
    `${alias}.${columnOf(uid, attribute)}`;
  const table = (uid: StrapiUID.Schema) => strapi.db.metadata.get(uid).tableName;
  const c = columnsOf(UID.comment, 'c');
  const r = columnsOf(UID.report, 'r');
  const m = columnsOf(UID.moderationEvent, 'm');

  const rowsOf = async ({ sql, bindings }: Sql): Promise<Row[]> => {
    const result = await db.raw(sql, bindings);
    // PostgreSQL answers `{ rows }`, SQLite the rows themselves.
    return Array.isArray(result) ? result : (result as { rows: Row[] }).rows;
  };

  /** The sample points as a derived table (i, at): SQLite keeps datetimes as epoch milliseconds, PostgreSQL as timestamps. */
  const pointsTable = (points: SamplePoint[]): Sql => ({
    sql: points
      .map(() => (postgres ? 'SELECT ? AS i, CAST(? AS timestamp) AS at' : 'SELECT ? AS i, ? AS at'))
      .join(' UNION ALL '),
    bindings: points.flatMap((point, index) => [index, point.at]),
  });

  const minutesBetween = (later: string, earlier: string) =>
    postgres ? `EXTRACT(EPOCH FROM (${later} - ${earlier})) / 60.0` : `(${later} - ${earlier}) / 60000.0`;

  const jsonText = (column: string, key: string) =>
    postgres ? `(${column} ->> '${key}')` : `json_extract(${column}, '$.${key}')`;

  /**
   * How many intervals `[opened, closed)` of each queue hold each point: `ctes` defines
   * `episodes(queue, opened, closed)`, a null `closed` being still open.
   */
  const openAt = async (points: SamplePoint[], ctes: Sql, queues: OpenQueue[]): Promise<Array<Partial<OpenCounts>>> => {
    const samples = pointsTable(points);
    const rows = await rowsOf({
      sql: `WITH points AS (${samples.sql}), ${ctes.sql}
        SELECT p.i AS i, ${queues.map((_, index) => `SUM(CASE WHEN e.queue = ? THEN 1 ELSE 0 END) AS q${index}`).join(', ')}
        FROM points p JOIN episodes e ON e.opened <= p.at AND (e.closed IS NULL OR e.closed > p.at)
        GROUP BY p.i`,
      bindings: [...samples.bindings, ...ctes.bindings, ...queues],
    });
    const byPoint = new Map(rows.map((row) => [Number(row.i), row]));
    return points.map((_, index) =>
      Object.fromEntries(queues.map((queue, q) => [queue, Number(byPoint.get(index)?.[`q${q}`] ?? 0)]))
    );
  };

  return {
    /**
     * Reported and auto-hidden comments open at each point, from the reports: a decision settles
     * all of a comment's open reports at once (resolved_at), so the reports settled together are one
     * stay in the queue, from the first of them; an automatic hide within a stay moves the rest of
     * it to auto-hidden. Editors' factual-error complaints are not the moderators' queue.
     */
    reportedOpenAt(points: SamplePoint[], from: Date, to: Date) {
      const hide = `SELECT MIN(${m('createdAt')}) FROM ${table(UID.moderationEvent)} m
        WHERE ${m('commentId')} = s.comment_id AND ${m('action')} = ? AND ${m('createdAt')} >= s.opened
          AND (s.closed IS NULL OR ${m('createdAt')} < s.closed)`;
      return openAt(
        points,
        {
          sql: `stays AS (
              SELECT ${r('commentId')} AS comment_id, MIN(${r('createdAt')}) AS opened, ${r('resolvedAt')} AS closed
              FROM ${table(UID.report)} r
              WHERE ${r('reason')} <> ? AND ${r('createdAt')} <= ? AND (${r('state')} = 'open' OR ${r('resolvedAt')} > ?)
              GROUP BY ${r('commentId')}, ${r('resolvedAt')}
            ),
            hides AS (SELECT s.opened AS opened, s.closed AS closed, (${hide}) AS hidden FROM stays s),
            episodes AS (
              SELECT 'reported' AS queue, h.opened AS opened, COALESCE(h.hidden, h.closed) AS closed FROM hides h
              UNION ALL
              SELECT 'auto-hidden' AS queue, h.hidden AS opened, h.closed AS closed FROM hides h WHERE h.hidden IS NOT NULL
            )`,
          bindings: [EDITORIAL_REASON, to, from, AUTO_HIDDEN],
        },
        ['reported', 'auto-hidden']
      );
    },

    /**
     * Held and flagged comments open at each point: from their posting (the audit log's `posted`
     * row says held in its snapshot, flagged by its reason) to the first decision on them; a flagged
     * comment moves to the reported queue at its first report. Only comments open now or decided in
     * the window can count, which two indexes find.
     */
    postedOpenAt(points: SamplePoint[], from: Date, to: Date) {
      const comments = table(UID.comment);
      const plain = (attribute: string) => columnOf(UID.comment, attribute);
      return openAt(
        points,
        {
          sql: `candidates AS (
              SELECT ${c('id')} AS id, ${c('createdAt')} AS opened, ${c('moderatedAt')} AS decided, ${c('firstReportedAt')} AS reported
              FROM ${comments} c
              WHERE ${c('id')} IN (
                  SELECT ${plain('id')} FROM ${comments} WHERE ${plain('needsReview')} = ?
                  UNION SELECT ${plain('id')} FROM ${comments} WHERE ${plain('reviewedAt')} > ?
                )
                AND ${c('createdAt')} <= ? AND (${c('moderatedAt')} IS NULL OR ${c('moderatedAt')} > ?)
            ),
            posted AS (
              SELECT k.opened AS opened, k.decided AS decided, k.reported AS reported,
                ${m('reason')} AS reason, ${jsonText(m('after'), 'status')} AS status
              FROM candidates k JOIN ${table(UID.moderationEvent)} m ON ${m('commentId')} = k.id AND ${m('action')} = ?
            ),
            episodes AS (
              SELECT 'held' AS queue, p.opened AS opened, p.decided AS closed FROM posted p WHERE p.status = 'held'
              UNION ALL
              SELECT 'flagged' AS queue, p.opened AS opened,
                CASE WHEN p.reported IS NOT NULL AND (p.decided IS NULL OR p.reported < p.decided) THEN p.reported ELSE p.decided END AS closed
              FROM posted p WHERE p.status <> 'held' AND p.reason IS NOT NULL
            )`,
          bindings: [true, from, to, from, POSTED],
        },
        ['flagged', 'held']
      );
    },

    /**
     * Median and 90th percentile (nearest rank) of the minutes from a comment's first report to the
     * first decision, for comments first reported in [from, to], by the cover stored on the first
     * moderation report, and all together; covers without items are absent.
     */
    async responseTimes(from: Date, to: Date): Promise<ResponseTimeRow[]> {
      const firstCover = `SELECT ${r('coverAtReport')} FROM ${table(UID.report)} r
        WHERE ${r('commentId')} = ${c('id')} AND ${r('reason')} <> ? ORDER BY ${r('id')} LIMIT 1`;
      const rows = await rowsOf({
        sql: `WITH timed AS (
            SELECT (${firstCover}) AS cover, ${minutesBetween(c('moderatedAt'), c('firstReportedAt'))} AS minutes
            FROM ${table(UID.comment)} c
            WHERE ${c('firstReportedAt')} >= ? AND ${c('firstReportedAt')} <= ? AND ${c('moderatedAt')} >= ${c('firstReportedAt')}
          ),
          tagged AS (
            SELECT t.cover AS cover, t.minutes AS minutes FROM timed t WHERE t.cover IS NOT NULL
            UNION ALL SELECT 'all' AS cover, t.minutes AS minutes FROM timed t
          ),
          ranked AS (
            SELECT g.cover AS cover, g.minutes AS minutes,
              ROW_NUMBER() OVER (PARTITION BY g.cover ORDER BY g.minutes) AS nth,
              COUNT(*) OVER (PARTITION BY g.cover) AS items
            FROM tagged g
          )
          SELECT k.cover AS cover, MAX(k.items) AS items,
            MIN(CASE WHEN k.nth >= k.items * 0.5 THEN k.minutes END) AS median,
            MIN(CASE WHEN k.nth >= k.items * 0.9 THEN k.minutes END) AS p90
          FROM ranked k GROUP BY k.cover`,
        bindings: [EDITORIAL_REASON, from, to],
      });
      return rows.map((row) => ({
        cover: row.cover as ResponseTimeRow['cover'],
        items: Number(row.items),
        medianMinutes: row.median === null ? null : Number(row.median),
        p90Minutes: row.p90 === null ? null : Number(row.p90),
      }));
    },

    /** Reports made since `from`, by reason. */
    async reasonsSince(from: Date): Promise<Array<{ reason: string; count: number }>> {
      const rows = await rowsOf({
        sql: `SELECT ${r('reason')} AS reason, COUNT(*) AS total FROM ${table(UID.report)} r
          WHERE ${r('createdAt')} >= ? GROUP BY ${r('reason')}`,
        bindings: [from],
      });
      return rows.map((row) => ({ reason: String(row.reason), count: Number(row.total) }));
    },

    /** The threads with the most comments and reports made since `from`, busiest first. */
    async busiestThreads(from: Date, limit: number): Promise<ThreadActivity[]> {
      const rows = await rowsOf({
        sql: `SELECT a.thread_type AS type, a.thread_id AS document_id, SUM(a.comments) AS comments, SUM(a.reports) AS reports
          FROM (
            SELECT ${c('threadType')} AS thread_type, ${c('threadId')} AS thread_id, 1 AS comments, 0 AS reports
            FROM ${table(UID.comment)} c WHERE ${c('createdAt')} >= ?
            UNION ALL
            SELECT ${r('threadType')} AS thread_type, ${r('threadId')} AS thread_id, 0 AS comments, 1 AS reports
            FROM ${table(UID.report)} r WHERE ${r('createdAt')} >= ?
          ) a
          GROUP BY a.thread_type, a.thread_id
          ORDER BY SUM(a.comments) + SUM(a.reports) DESC, a.thread_id
          LIMIT ?`,
        bindings: [from, from, limit],
      });
      return rows.map((row) => ({
        type: String(row.type),
        documentId: String(row.document_id),
        comments: Number(row.comments),
        reports: Number(row.reports),
      }));
    },
  };
};
