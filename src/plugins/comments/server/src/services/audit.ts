import type { Core } from '@strapi/strapi';
import { UID } from '../constants';

export type ActorType = 'moderator' | 'system' | 'author';

export interface Actor {
  type: ActorType;
  id: number | null;
  name: string | null;
}

export const SYSTEM_ACTOR: Actor = { type: 'system', id: null, name: 'system' };

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
const audit = ({ strapi }: { strapi: Core.Strapi }) => ({
  async record(entry: AuditEntry) {
    return strapi.db.query(UID.moderationEvent).create({
      data: {
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
    });
  },

  async historyOf(commentId: number) {
    return strapi.db
      .query(UID.moderationEvent)
      .findMany({ where: { commentId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  },
});

export type AuditService = ReturnType<typeof audit>;
export default audit;
