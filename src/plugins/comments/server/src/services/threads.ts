import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { REFUSAL } from '../constants';
import { getService } from '../utils/get-service';
import { paginationMeta, type PageRequest } from '../utils/pagination';
import { refusal } from '../utils/errors';
import { toPublicComment, type CommentRow } from '../utils/serialize';
import type { Knex } from 'knex';
import { threadStatesRepository, type ThreadKey } from '../repositories/thread-states';

export type Commenting = 'open' | 'closed' | 'disabled';

export interface Thread {
  type: string;
  documentId: string;
  title: string | null;
  commenting: Commenting;
  commentsCloseAt: string | null;
  moderationRisk: 'normal' | 'high';
  /** Raised by every write that changes what the thread shows (repositories/thread-states.ts); 0 before the first. */
  revision: number;
}

export interface ThreadPage {
  page: number;
  pageSize: number;
  sort: 'oldest' | 'newest';
  /** Strapi's `pagination[withCount]`: false answers without the total, and skips counting. */
  withCount: boolean;
}

/** A resolved thread's key in the read cache. */
export const threadCacheKey = (thread: ThreadKey): string => `thread:${thread.type}|${thread.documentId}`;

const TABLE = 'comments';
// The public read selects only what the public shape needs.
const PUBLIC_COLUMNS = [
  'id',
  'document_id',
  'body',
  'parent_id',
  'author_name',
  'status',
  'edited_at',
  'amended_by_moderator',
  'created_at',
];

const fromDb = (row: Record<string, unknown>): CommentRow =>
  ({
    id: row.id,
    documentId: row.document_id,
    body: row.body,
    parentId: row.parent_id,
    authorName: row.author_name,
    status: row.status,
    editedAt: row.edited_at,
    amendedByModerator: Boolean(row.amended_by_moderator),
    createdAt: row.created_at,
  }) as CommentRow;

/**
 * Commentable documents and the public read of their threads: the hot path of every article view,
 * so it runs a handful of lean indexed queries (knex directly, for EXISTS and window functions the
 * Query Engine cannot express) and answers with a cheap ETag.
 */
const threads = ({ strapi }: { strapi: Core.Strapi }) => {
  const db = () => strapi.db.connection;

  /** Top-level comments that show: visible ones, and tombstones of the others that still have visible replies. */
  const topLevel = (thread: Thread) =>
    db()(TABLE)
      .where({ thread_type: thread.type, thread_id: thread.documentId })
      .whereNull('parent_id')
      .where((visibleOrTombstone) =>
        visibleOrTombstone
          .where('status', 'visible')
          .orWhereExists(
            db()(`${TABLE} as reply`)
              .select(db().raw('1'))
              .whereRaw(`reply.parent_id = ${TABLE}.document_id`)
              .andWhere('reply.status', 'visible')
          )
      );

  return {
    /**
     * The published commentable document with this documentId, or 404, with its thread's revision
     * for the ETag: one query on two unique keys (published rows have `published_at` set), whatever
     * the thread's size, since this runs on every article view.
     */
    async resolve(documentId: string): Promise<Thread> {
      const types = getService('settings').defaults().commentableTypes;
      // One commentable type in practice: its key is known before the lookup.
      if (types.length === 1) {
        return getService('read-cache').get(threadCacheKey({ type: types[0], documentId }), () => this.lookUp(documentId));
      }
      return this.lookUp(documentId);
    },

    /**
     * Raises the revision of these threads in the write's transaction; once it commits, every
     * instance forgets what it knew of them (services/read-cache.ts).
     */
    async bump(
      transaction: { trx: Knex.Transaction; onCommit: (callback: () => void) => void },
      threads: ThreadKey[]
    ): Promise<void> {
      await threadStatesRepository(strapi).bump(transaction.trx, threads);
      transaction.onCommit(() => getService('read-cache').changed(threads.map(threadCacheKey)));
    },

    /** The thread as the database has it now. */
    async lookUp(documentId: string): Promise<Thread> {
      for (const type of getService('settings').defaults().commentableTypes) {
        const { tableName, attributes } = strapi.db.metadata.get(type as never) as unknown as {
          tableName: string;
          attributes: Record<string, { columnName?: string }>;
        };
        const column = (attribute: string) => `document.${attributes[attribute]?.columnName ?? attribute}`;
        const story = db()({ document: tableName })
          .where(column('documentId'), documentId)
          .whereNotNull(column('publishedAt'))
          .first({
            title: column('title'),
            commenting: column('commenting'),
            commentsCloseAt: column('commentsCloseAt'),
            moderationRisk: column('moderationRisk'),
          });
        const row = await threadStatesRepository(strapi).joinRevision(
          story,
          { type, documentIdColumn: column('documentId') },
          'revision'
        );
        if (row) {
          return {
            type,
            documentId,
            title: row.title ?? null,
            commenting: row.commenting ?? 'open',
            commentsCloseAt: row.commentsCloseAt ? new Date(row.commentsCloseAt).toISOString() : null,
            moderationRisk: row.moderationRisk ?? 'normal',
            revision: Number(row.revision ?? 0),
          };
        }
      }
      throw new errors.NotFoundError('No published story with this id takes comments.');
    },

    /** The published titles of several threads, by documentId: one query per commented type, on its document id. */
    async titlesOf(threads: Array<{ type: string; documentId: string }>): Promise<Map<string, string | null>> {
      const titles = new Map<string, string | null>();
      const byType = new Map<string, Set<string>>();
      for (const thread of threads)
        byType.set(thread.type, (byType.get(thread.type) ?? new Set()).add(thread.documentId));
      await Promise.all(
        [...byType].map(async ([type, documentIds]) => {
          const { tableName, attributes } = strapi.db.metadata.get(type as never) as unknown as {
            tableName: string;
            attributes: Record<string, { columnName?: string }>;
          };
          const column = (attribute: string) => attributes[attribute]?.columnName ?? attribute;
          const rows: Array<{ documentId: string; title: string | null }> = await db()(tableName)
            .whereIn(column('documentId'), [...documentIds])
            .whereNotNull(column('publishedAt'))
            .select({ documentId: column('documentId'), title: column('title') });
          for (const row of rows) titles.set(row.documentId, row.title ?? null);
        })
      );
      return titles;
    },

    /**
     * Published stories of the commentable types whose title contains `q` (the moderators' story
     * picker), or the one with `documentId`; at most `limit`, by title, or the latest without `q`.
     * Through the Document Service, which escapes the LIKE pattern.
     */
    async findStories(
      { q, documentId }: { q?: string; documentId?: string },
      limit = 10
    ): Promise<Array<{ type: string; documentId: string; title: string | null }>> {
      const found = await Promise.all(
        getService('settings')
          .defaults()
          .commentableTypes.map(async (type) => {
            const rows = (await strapi.documents(type as never).findMany({
              status: 'published',
              filters: { ...(q ? { title: { $containsi: q } } : {}), ...(documentId ? { documentId } : {}) },
              fields: ['title', 'publishedAt'],
              sort: q ? 'title:asc' : 'publishedAt:desc',
              limit,
            } as never)) as Array<{ documentId: string; title?: string | null; publishedAt: string }>;
            return rows.map((row) => ({
              type,
              documentId: row.documentId,
              title: row.title ?? null,
              at: row.publishedAt,
            }));
          })
      );
      const order = q
        ? (a: { title: string | null }, b: { title: string | null }) => (a.title ?? '').localeCompare(b.title ?? '')
        : (a: { at: string }, b: { at: string }) => Date.parse(b.at) - Date.parse(a.at);
      return found
        .flat()
        .sort(order)
        .slice(0, limit)
        .map(({ at: _at, ...story }) => story);
    },

    /** The thread's commenting state now: `closed` once commentsCloseAt has passed. */
    commentingAt(thread: Thread, now: Date): Commenting {
      if (thread.commenting !== 'open') return thread.commenting;
      if (thread.commentsCloseAt && new Date(thread.commentsCloseAt) <= now) return 'closed';
      return 'open';
    },

    assertOpen(thread: Thread, now: Date): void {
      const commenting = this.commentingAt(thread, now);
      if (commenting !== 'open') {
        throw refusal(
          commenting === 'disabled' ? 'Comments are turned off for this story.' : 'Comments on this story are closed.',
          REFUSAL.COMMENTS_CLOSED,
          { commenting }
        );
      }
    },

    /** A weak validator that changes whenever anything in the thread or its state changes. */
    etag(thread: Thread, page: ThreadPage, now: Date): string {
      const fingerprint = [
        thread.type,
        thread.documentId,
        this.commentingAt(thread, now),
        thread.commentsCloseAt,
        thread.revision,
        page.page,
        page.pageSize,
        page.sort,
        page.withCount,
      ];
      return `W/"${crypto.createHash('sha1').update(fingerprint.join('|')).digest('base64url')}"`;
    },

    /**
     * The serialised page for this ETag. The ETag is derived from the thread's revision, which every
     * write that changes the thread raises in its transaction, so a cached page is never older than
     * the revision it was asked for: a content-addressed cache, not state any rule relies on.
     */
    renderedPage(thread: Thread, page: ThreadPage, now: Date, etag: string): Promise<string> {
      return getService('rendered-pages').get(etag, async () => JSON.stringify(await this.read(thread, page, now)));
    },

    async read(thread: Thread, page: ThreadPage, now: Date) {
      const config = getService('settings').defaults();
      const commenting = this.commentingAt(thread, now);
      const meta = (total: number) => ({
        ...paginationMeta(page, total),
        commenting,
        commentsCloseAt: thread.commentsCloseAt,
      });
      if (commenting === 'disabled') return { data: [], meta: meta(0) };

      const direction = page.sort === 'newest' ? 'desc' : 'asc';
      const [countRow] = page.withCount ? await topLevel(thread).count({ total: '*' }) : [];
      const total = Number(countRow?.total ?? 0);
      const rows = (
        await topLevel(thread)
          .select(PUBLIC_COLUMNS)
          .orderBy([
            { column: 'created_at', order: direction },
            { column: 'id', order: direction },
          ])
          .limit(page.pageSize)
          .offset((page.page - 1) * page.pageSize)
      ).map(fromDb);

      const replies = await this.firstReplies(
        rows.map((row) => row.documentId),
        config.thread.inlineReplies
      );
      return {
        data: rows.map((row) => {
          const inline = replies.get(row.documentId);
          return {
            ...toPublicComment(row),
            replyCount: inline?.count ?? 0,
            replies: (inline?.rows ?? []).map(toPublicComment),
          };
        }),
        meta: meta(total),
      };
    },

    /** The first `limit` visible replies of each parent and each parent's reply count, in one query. */
    async firstReplies(
      parentIds: string[],
      limit: number
    ): Promise<Map<string, { count: number; rows: CommentRow[] }>> {
      const result = new Map<string, { count: number; rows: CommentRow[] }>();
      if (parentIds.length === 0) return result;
      const ranked = db()(TABLE)
        .select(PUBLIC_COLUMNS)
        .select(db().raw('ROW_NUMBER() OVER (PARTITION BY parent_id ORDER BY created_at, id) AS position'))
        .select(db().raw('COUNT(*) OVER (PARTITION BY parent_id) AS reply_count'))
        .whereIn('parent_id', parentIds)
        .andWhere('status', 'visible')
        .as('ranked');
      const rows = await db()
        .select('*')
        .from(ranked)
        .where('position', '<=', Math.max(limit, 1))
        .orderBy(['parent_id', 'position']);
      for (const raw of rows) {
        const entry = result.get(raw.parent_id) ?? { count: Number(raw.reply_count), rows: [] };
        if (Number(raw.position) <= limit) entry.rows.push(fromDb(raw));
        result.set(raw.parent_id, entry);
      }
      return result;
    },

    /** All visible replies of a visible (or tombstoned) top-level comment, oldest first unless asked otherwise. */
    async replies(parentDocumentId: string, page: PageRequest) {
      const parent = await db()(TABLE)
        .where({ document_id: parentDocumentId })
        .whereNull('parent_id')
        .first('thread_type', 'thread_id', 'status');
      if (!parent) throw new errors.NotFoundError('No such comment.');
      // Replies of a comment on an unpublished or non-commentable story are not public either.
      const thread = await this.resolve(parent.thread_id);
      if (thread.type !== parent.thread_type || this.commentingAt(thread, getService('clock').now()) === 'disabled') {
        throw new errors.NotFoundError('No such comment.');
      }
      const visibleReplies = () => db()(TABLE).where({ parent_id: parentDocumentId, status: 'visible' });
      const [countRow] = await visibleReplies().count({ total: '*' });
      const total = Number(countRow?.total ?? 0);
      if (parent.status !== 'visible' && total === 0) throw new errors.NotFoundError('No such comment.');
      const rows = (
        await visibleReplies()
          .select(PUBLIC_COLUMNS)
          .orderBy([
            { column: 'created_at', order: page.direction ?? 'asc' },
            { column: 'id', order: page.direction ?? 'asc' },
          ])
          .limit(page.pageSize)
          .offset((page.page - 1) * page.pageSize)
      ).map(fromDb);
      return {
        data: rows.map(toPublicComment),
        meta: {
          ...paginationMeta(page, total),
        },
      };
    },
  };
};

export type ThreadsService = ReturnType<typeof threads>;
export default threads;
