import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { UID } from '../constants';
import type { CountedQueue, Queue, QueueSort, QueueTrust } from '../../../shared/contracts/vocabulary';

/** What narrows the moderation queue (the contract's QueueQuery without its paging). */
export interface QueueFilters {
  queue: Queue;
  reason?: string;
  q?: string;
  author?: string;
  article?: string;
  trust?: QueueTrust;
  from?: string;
  to?: string;
}

/** The attributes a queue row shows, read under their attribute names. */
const QUEUE_ATTRIBUTES = [
  'id',
  'documentId',
  'body',
  'status',
  'version',
  'authorName',
  'createdAt',
  'editedAt',
  'flagged',
  'flagReasons',
  'autoHidden',
  'amendedByModerator',
  'needsReview',
  'threadType',
  'threadId',
  'reportCount',
  'trustedReportCount',
  'reliabilityScore',
  'firstReportedAt',
  'lastReportedAt',
] as const;
export type QueueRecord = Record<(typeof QUEUE_ATTRIBUTES)[number], any>;

/** A LIKE pattern that finds `text` anywhere, its `%`, `_` and `\` taken literally (with `ESCAPE '\'`). */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;

/** The body search index: an expression index, so the query must repeat this expression exactly. */
/** What a counted report leaves on its comment that the moderation rules read next. */
export interface CountedReport {
  status: string;
  version: number;
  trustedReportCount: number;
  clearedAt: Date | string | number | null;
  flagReasons: string[] | null;
}
const COUNTED_FIELDS = ['status', 'version', 'trustedReportCount', 'clearedAt', 'flagReasons'] as const;

const BODY_SEARCH_INDEX = 'comments_body_search_idx';
const PREFIX_FROM = 3;
const bodyVector = (bodyColumn: string) => `to_tsvector('simple', coalesce("${bodyColumn}", ''))`;

/**
 * The comments table's raw knex: atomic writes, because the Query Engine's `update` reads then
 * writes (a compare-and-set on the version, counter increments that never lose a concurrent one),
 * and the moderation queue's reads, which filter, search and sort across all open items.
 * Table and column names come from Strapi's metadata.
 */
export const commentsRepository = (strapi: Core.Strapi) => {
  const metadata = strapi.db.metadata.get(UID.comment);
  const column = (attribute: string): string =>
    (metadata.attributes[attribute] as { columnName?: string }).columnName ?? attribute;
  const table = (trx: Knex.Transaction) => strapi.db.connection(metadata.tableName).transacting(trx);
  const raw = (sql: string, bindings: Knex.RawBinding[] = []) => strapi.db.connection.raw(sql, bindings);
  const postgres = strapi.db.dialect.client === 'postgres';
  const from = () => strapi.db.connection(metadata.tableName);

  /** Which rows make up each queue (see docs/moderation.md). */
  const inQueue = (query: Knex.QueryBuilder, queue: Queue): Knex.QueryBuilder => {
    const [status, needsReview] = [column('status'), column('needsReview')];
    switch (queue) {
      case 'auto-hidden':
        return query.where({ [status]: 'hidden', [column('autoHidden')]: true, [needsReview]: true });
      case 'held':
        return query.where({ [status]: 'held' });
      case 'reported':
        // A comment its author withdrew while under review stays here until a moderator decides.
        return query
          .where({ [needsReview]: true })
          .where((either) =>
            either
              .where((visible) => visible.where({ [status]: 'visible' }).where(column('reportCount'), '>', 0))
              .orWhere({ [status]: 'withdrawn-under-review' })
          );
      case 'flagged':
        return query.where({
          [status]: 'visible',
          [needsReview]: true,
          [column('flagged')]: true,
          [column('reportCount')]: 0,
        });
      case 'resolved':
        return query.where({ [needsReview]: false }).whereNotNull(column('reviewedAt'));
      default:
        return query.where((either) => either.where({ [needsReview]: true }).orWhereNotNull(column('reviewedAt')));
    }
  };

  /**
   * Every word of `q` in the body. PostgreSQL: the words as PostgreSQL's own parser splits them
   * (so `3.5` or `e-mail` stay whole), against the GIN index, each a word prefix from three
   * characters on (a shorter one must be the whole word: `a` would match half the table); elsewhere
   * each word as a substring, case-insensitive for ASCII only (SQLite's LIKE).
   */
  const withWords = (query: Knex.QueryBuilder, q: string): Knex.QueryBuilder => {
    if (postgres) {
      return query.whereRaw(
        `${bodyVector(column('body'))} @@ to_tsquery('simple', (SELECT string_agg(quote_literal(lexeme) || CASE WHEN length(lexeme) >= ${PREFIX_FROM} THEN ':*' ELSE '' END, ' & ') FROM unnest(to_tsvector('simple', ?))))`,
        [q]
      );
    }
    for (const word of q.split(/\s+/).filter(Boolean)) {
      query.whereRaw(`LOWER(??) LIKE LOWER(?) ESCAPE '\\'`, [column('body'), containing(word)]);
    }
    return query;
  };

  const filtered = (filters: QueueFilters): Knex.QueryBuilder => {
    const query = inQueue(from(), filters.queue);
    if (filters.article) query.where(column('threadId'), filters.article);
    if (filters.reason) {
      const reports = strapi.db.metadata.get(UID.report);
      const reportColumn = (attribute: string) =>
        `${reports.tableName}.${(reports.attributes[attribute] as { columnName?: string }).columnName ?? attribute}`;
      query.whereExists(
        strapi.db
          .connection(reports.tableName)
          .select(raw('1'))
          .whereRaw('?? = ??', [reportColumn('commentId'), `${metadata.tableName}.${column('id')}`])
          .andWhere(reportColumn('reason'), filters.reason)
      );
    }
    if (filters.q) withWords(query, filters.q);
    if (filters.author)
      query.whereRaw(`LOWER(??) LIKE LOWER(?) ESCAPE '\\'`, [column('authorName'), containing(filters.author)]);
    if (filters.trust === 'trusted') query.where(column('trustedReportCount'), '>', 0);
    if (filters.trust === 'untrusted')
      query.where(column('reportCount'), '>', 0).where(column('trustedReportCount'), 0);
    if (filters.from) query.where(column('createdAt'), '>=', new Date(filters.from));
    if (filters.to) query.where(column('createdAt'), '<=', new Date(filters.to));
    return query;
  };

  const ordered = (query: Knex.QueryBuilder, sort: QueueSort): Knex.QueryBuilder => {
    const by = (attribute: string, order: 'asc' | 'desc') => ({ column: column(attribute), order });
    if (sort === 'oldest') return query.orderBy([by('createdAt', 'asc'), by('id', 'asc')]);
    if (sort === 'newest') return query.orderBy([by('createdAt', 'desc'), by('id', 'desc')]);
    return query.orderBy([
      by('autoHidden', 'desc'),
      by('severity', 'desc'),
      // Reports from reporters whose past reports were upheld weigh more than many from unknowns.
      by('reliabilityScore', 'desc'),
      by('reportCount', 'desc'),
      by('firstReportedAt', 'asc'),
      by('id', 'asc'),
    ]);
  };

  return {
    /** Claims the next version when the row still has `version`; false when someone else got there first. */
    async claimVersion(trx: Knex.Transaction, id: number, version: number): Promise<boolean> {
      const claimed = await table(trx)
        .where({ id, [column('version')]: version })
        .update({ [column('version')]: version + 1 });
      return claimed === 1;
    },

    /**
     * One more report (trusted or not, with its reporter's reliability), the highest severity so
     * far, the report times and the comment put up for review, without reading first; answers what
     * the moderation rules read next as the update left it (RETURNING, not a second read), or null
     * when the comment is no longer visible.
     */
    async countReport(
      trx: Knex.Transaction,
      id: number,
      report: { trusted: boolean; severity: number; reliability: number },
      at: Date
    ): Promise<CountedReport | null> {
      const reports = column('reportCount');
      const trustedReports = column('trustedReportCount');
      const reliability = column('reliabilityScore');
      const severity = column('severity');
      // Only while visible: a moderator may have hidden it since the reporter's request read it.
      const counted: Array<Record<string, unknown>> = await table(trx)
        .where({ id, [column('status')]: 'visible' })
        .update(
          {
            [reports]: raw('?? + 1', [reports]),
            [trustedReports]: raw(report.trusted ? '?? + 1' : '??', [trustedReports]),
            [reliability]: raw('COALESCE(??, 0) + ?', [reliability, report.reliability]),
            [severity]: raw('CASE WHEN ?? < ? THEN ? ELSE ?? END', [
              severity,
              report.severity,
              report.severity,
              severity,
            ]),
            [column('lastReportedAt')]: at,
            [column('firstReportedAt')]: raw('COALESCE(??, ?)', [column('firstReportedAt'), at]),
            [column('needsReview')]: true,
            [column('updatedAt')]: at,
          },
          COUNTED_FIELDS.map(column)
        );
      if (counted.length !== 1) return null;
      const value = (field: (typeof COUNTED_FIELDS)[number]) => counted[0][column(field)];
      const flags = value('flagReasons');
      return {
        status: value('status') as string,
        version: Number(value('version')),
        trustedReportCount: Number(value('trustedReportCount') ?? 0),
        clearedAt: (value('clearedAt') as CountedReport['clearedAt']) ?? null,
        // SQLite answers the JSON column as text.
        flagReasons: ((typeof flags === 'string' ? JSON.parse(flags) : flags) as string[] | null) ?? null,
      };
    },

    /** The threads an author has comments in, once each: the threads a change of all their comments touches. */
    async threadsOf(trx: Knex.Transaction, authorId: number): Promise<Array<{ type: string; documentId: string }>> {
      const rows: Array<{ type: string; documentId: string }> = await table(trx)
        .distinct({ type: column('threadType'), documentId: column('threadId') })
        .where(column('authorId'), authorId);
      return rows;
    },

    /**
     * The index the moderation queue pages through in its priority order (services/queue.ts):
     * directions per column and only rows under review, which the content-type schema cannot
     * declare. Strapi's schema sync leaves indexes it did not create alone. Idempotent, at start-up.
     */
    async ensureQueuePriorityIndex(): Promise<void> {
      const columns = [
        ['autoHidden', 'DESC'],
        ['severity', 'DESC'],
        ['reliabilityScore', 'DESC'],
        ['reportCount', 'DESC'],
        ['firstReportedAt', 'ASC'],
        ['id', 'ASC'],
      ];
      try {
        await raw(
          `CREATE INDEX IF NOT EXISTS ?? ON ?? (${columns.map(([, direction]) => `?? ${direction}`).join(', ')}) WHERE ?? = TRUE`,
          [
            'comments_queue_priority_idx',
            metadata.tableName,
            ...columns.map(([attribute]) => column(attribute)),
            column('needsReview'),
          ]
        );
      } catch (error) {
        // Another instance starting at the same moment created it first.
        if (!/already exists/i.test((error as Error).message)) throw error;
      }
    },

    /**
     * The body search index on PostgreSQL (GIN over the 'simple' text vector, see docs/decisions.md),
     * beside the priority index and for the same reason; SQLite searches with LIKE and has none.
     */
    async ensureBodySearchIndex(): Promise<void> {
      if (!postgres) return;
      try {
        await raw(`CREATE INDEX IF NOT EXISTS ?? ON ?? USING GIN (${bodyVector(column('body'))})`, [
          BODY_SEARCH_INDEX,
          metadata.tableName,
        ]);
      } catch (error) {
        if (!/already exists/i.test((error as Error).message)) throw error;
      }
    },

    /** One page of the queue in the sort's order. */
    async queuePage(filters: QueueFilters, sort: QueueSort, page: { limit: number; offset: number }) {
      const rows: QueueRecord[] = await ordered(filtered(filters), sort)
        .select(Object.fromEntries(QUEUE_ATTRIBUTES.map((attribute) => [attribute, column(attribute)])))
        .limit(page.limit)
        .offset(page.offset);
      return rows;
    },

    /** How many rows the filters leave. */
    async queueTotal(filters: QueueFilters): Promise<number> {
      const [row] = await filtered(filters).count({ total: '*' });
      return Number(row?.total ?? 0);
    },

    /** The size of each queue in one statement of one count per queue, each answered from its index. */
    async queueCounts(queues: readonly CountedQueue[]): Promise<Record<CountedQueue, number>> {
      const row: Record<string, string | number> | undefined = await strapi.db.connection
        .select(Object.fromEntries(queues.map((name) => [name, inQueue(from(), name).count('*')])))
        .first();
      return Object.fromEntries(queues.map((name) => [name, Number(row?.[name] ?? 0)])) as Record<CountedQueue, number>;
    },

    /** Locks the row for the rest of the transaction, so what is read next cannot change under it. */
    async lock(trx: Knex.Transaction, id: number): Promise<void> {
      await table(trx)
        .where({ id })
        .update({ [column('version')]: raw('??', [column('version')]) });
    },
  };
};
