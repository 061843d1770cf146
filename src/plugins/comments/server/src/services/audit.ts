import { Readable } from 'stream';
import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import { csvLine } from '../utils/csv';
import { newestFirstPage, paginationMeta, type PageRequest } from '../utils/pagination';

/**
 * Who acted: `moderator` any admin user, `author` the reader themself (their comment, terms,
 * erasure), `api-token` a server-to-server caller such as the billing system, `system` the plugin's
 * own rules. Keep in step with the `actorType` enumeration of the moderation-event schema.
 */
import { ACTOR_TYPES } from '../../../shared/contracts/vocabulary';
export type ActorType = (typeof ACTOR_TYPES)[number];

export interface Actor {
  type: ActorType;
  id: number | null;
  name: string | null;
}

export const SYSTEM_ACTOR: Actor = { type: 'system', id: null, name: 'system' };

/** Filters of the audit list and export (validated by the controller). */
export interface AuditFilters {
  /** An admin id, or an actor type. */
  actor?: string;
  action?: string;
  /** A comment's documentId. */
  comment?: string;
  /** The documentId of the reader the event is about. */
  user?: string;
  from?: string;
  to?: string;
}

interface EventRow {
  id: number;
  documentId: string;
  action: string;
  actorType: ActorType;
  actorId: number | null;
  actorName: string | null;
  commentDocumentId: string | null;
  subjectUserId: number | null;
  reason: string | null;
  before: unknown;
  after: unknown;
  createdAt: string | Date;
}

const EXPORT_BATCH = 500;
const CSV_HEADER = [
  'at',
  'event_id',
  'action',
  'actor_type',
  'actor_id',
  'actor_name',
  'comment_id',
  'user_id',
  'user_document_id',
  'reason',
  'before',
  'after',
];

const actorWhere = (actor: string) =>
  /^\d+$/.test(actor) ? { actorType: 'moderator', actorId: Number(actor) } : { actorType: actor };

// A subject user erased since keeps the pseudonymous id; the documentId is then null.
const toItem = (row: EventRow, documentIds: Map<number, string>) => ({
  documentId: row.documentId,
  action: row.action,
  actor: { type: row.actorType, id: row.actorId, name: row.actorName },
  comment: row.commentDocumentId,
  user:
    row.subjectUserId === null
      ? null
      : { id: row.subjectUserId, documentId: documentIds.get(row.subjectUserId) ?? null },
  reason: row.reason,
  before: row.before ?? null,
  after: row.after ?? null,
  at: new Date(row.createdAt).toISOString(),
});

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

const toCsvLine = (item: ReturnType<typeof toItem>) =>
  csvLine([
    item.at,
    item.documentId,
    item.action,
    item.actor.type,
    item.actor.id,
    item.actor.name,
    item.comment,
    item.user?.id,
    item.user?.documentId,
    item.reason,
    json(item.before),
    json(item.after),
  ]);

export interface AuditEntry {
  action: string;
  actor: Actor;
  comment?: { id: number; documentId: string } | null;
  subjectUserId?: number | null;
  reason?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/**
 * The append-only moderation audit. Rows are only ever inserted (inside the caller's transaction,
 * which the Query Engine joins by itself); no route updates or deletes them.
 */
const audit = ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => strapi.db.query(UID.moderationEvent);

  /** The Query Engine `where` of the filters; null when they cannot match anything (an unknown user). */
  const whereOf = async (filters: AuditFilters): Promise<Record<string, unknown> | null> => {
    const where: Record<string, unknown> = filters.actor ? actorWhere(filters.actor) : {};
    if (filters.action) where.action = filters.action;
    if (filters.comment) where.commentDocumentId = filters.comment;
    if (filters.user) {
      const user = await strapi.db
        .query('plugin::users-permissions.user')
        .findOne({ where: { documentId: filters.user }, select: ['id'] });
      if (!user) return null;
      where.subjectUserId = user.id;
    }
    if (filters.from || filters.to) {
      where.createdAt = {
        ...(filters.from && { $gte: new Date(filters.from) }),
        ...(filters.to && { $lte: new Date(filters.to) }),
      };
    }
    return where;
  };

  const documentIdsOf = async (rows: EventRow[]): Promise<Map<number, string>> => {
    const ids = [...new Set(rows.map((row) => row.subjectUserId).filter((id): id is number => id !== null))];
    if (ids.length === 0) return new Map();
    const users = await strapi.db
      .query('plugin::users-permissions.user')
      .findMany({ where: { id: { $in: ids } }, select: ['id', 'documentId'] });
    return new Map(users.map((user: { id: number; documentId: string }) => [user.id, user.documentId]));
  };

  return {
    /** Appends one row; nobody reads it back in the writer's transaction, so it is not re-selected. */
    async record(entry: AuditEntry): Promise<void> {
      await query().createMany({
        data: [
          {
            action: entry.action,
            actorType: entry.actor.type,
            actorId: entry.actor.id,
            actorName: entry.actor.name,
            commentId: entry.comment?.id ?? null,
            commentDocumentId: entry.comment?.documentId ?? null,
            subjectUserId: entry.subjectUserId ?? null,
            reason: entry.reason ?? null,
            before: entry.before ?? null,
            after: entry.after ?? null,
          },
        ],
      });
    },

    async historyOf(commentId: number) {
      return query().findMany({ where: { commentId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    },

    /** One page of the whole audit, newest first. */
    async list(filters: AuditFilters, page: PageRequest) {
      const where = await whereOf(filters);
      if (!where) return { data: [], meta: paginationMeta(page, 0) };
      const { data: rows, meta } = await newestFirstPage(query(), where, page, (row: EventRow) => row);
      const documentIds = await documentIdsOf(rows);
      return { data: rows.map((row) => toItem(row, documentIds)), meta };
    },

    /** The audit as CSV, oldest first, streamed in keyset-paginated batches so it is never loaded at once. */
    stream(filters: AuditFilters): Readable {
      async function* lines() {
        yield csvLine(CSV_HEADER);
        const where = await whereOf(filters);
        if (!where) return;
        let afterId = 0;
        for (;;) {
          const batch: EventRow[] = await query().findMany({
            where: { ...where, id: { $gt: afterId } },
            orderBy: { id: 'asc' },
            limit: EXPORT_BATCH,
          });
          if (batch.length === 0) return;
          const documentIds = await documentIdsOf(batch);
          for (const row of batch) yield toCsvLine(toItem(row, documentIds));
          afterId = batch[batch.length - 1].id;
        }
      }
      return Readable.from(lines());
    },
  };
};

export type AuditService = ReturnType<typeof audit>;
export default audit;
