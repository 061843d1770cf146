import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { EDITORIAL_REASON, EVENTS, REFUSAL, UID } from '../constants';
import { getService } from '../utils/get-service';
import { conflict, moderatorActor, type AdminUser } from '../utils/admin';
import type { CommentRow } from '../utils/serialize';
import { snapshot } from './comments';

export type ModerationAction = 'approve' | 'hide' | 'restore' | 'amend' | 'remove' | 'release';

export interface ActionInput {
  action: ModerationAction;
  reason: string;
  version: number;
  body?: string;
  publicReason?: string | null;
}

type Status = CommentRow['status'];

export interface BulkInput {
  action: 'approve' | 'hide';
  reason: string;
  items: Array<{ documentId: string; version: number }>;
}

export interface BulkResult {
  documentId: string;
  result: 'done' | 'stale' | 'not-found' | 'invalid';
  status: number;
  version?: number;
  code?: string | null;
}

interface Transition {
  /** States the action applies to. */
  from: Status[];
  to: Status;
  /** What becomes of the comment's open moderation reports. */
  reports: 'upheld' | 'not-upheld';
  event: string;
}

const COMMENTS_TABLE = 'comments';

const TRANSITIONS: Record<ModerationAction, Transition> = {
  approve: { from: ['visible', 'hidden'], to: 'visible', reports: 'not-upheld', event: EVENTS.commentApproved },
  hide: { from: ['visible', 'held'], to: 'hidden', reports: 'upheld', event: EVENTS.commentHidden },
  restore: { from: ['hidden', 'removed'], to: 'visible', reports: 'not-upheld', event: EVENTS.commentRestored },
  amend: { from: ['visible', 'hidden', 'held'], to: 'visible', reports: 'upheld', event: EVENTS.commentAmended },
  remove: { from: ['visible', 'hidden', 'held'], to: 'removed', reports: 'upheld', event: EVENTS.commentRemoved },
  release: { from: ['held'], to: 'visible', reports: 'not-upheld', event: EVENTS.commentReleased },
};

/**
 * Moderators' decisions on one comment. Each is one transaction: the comment's new state (only if
 * its version is still the one the moderator saw), the resolution of its reports and the audit row
 * commit together or not at all; the event is emitted after the commit.
 */
const moderation = ({ strapi }: { strapi: Core.Strapi }) => {
  const comments = () => strapi.db.query(UID.comment);

  return {
    async act(admin: AdminUser, documentId: string, input: ActionInput) {
      const row: CommentRow | null = await comments().findOne({ where: { documentId } });
      if (!row || row.status === 'erased' || row.status === 'withdrawn')
        throw new errors.NotFoundError('No such comment.');
      const transition = TRANSITIONS[input.action];
      if (row.version !== input.version) {
        throw conflict('Someone else acted on this comment meanwhile: reload it.', {
          code: REFUSAL.STALE_VERSION,
          currentVersion: row.version,
        });
      }
      if (!transition.from.includes(row.status)) {
        throw conflict(`A ${row.status} comment cannot be ${input.action}d.`, {
          code: REFUSAL.INVALID_TRANSITION,
          status: row.status,
        });
      }
      const config = await getService('settings').get();
      const amendedBody = input.action === 'amend' ? getService('text').normalize(input.body ?? '', config.body) : null;
      const now = getService('clock').now();
      const actor = moderatorActor(admin);

      return strapi.db.transaction(async ({ trx, onCommit }) => {
        // Compare-and-set: of two moderators acting on the same version, only the first succeeds.
        const claimed = await strapi.db
          .connection(COMMENTS_TABLE)
          .transacting(trx)
          .where({ id: row.id, version: input.version })
          .update({ version: input.version + 1 });
        if (claimed !== 1) {
          throw conflict('Someone else acted on this comment meanwhile: reload it.', { code: REFUSAL.STALE_VERSION });
        }
        const updated: CommentRow = await comments().update({
          where: { id: row.id },
          data: {
            status: transition.to,
            needsReview: false,
            reviewedAt: now,
            // The decision settles the reports so far: counting starts again for any new ones, or
            // one more report after an approval would hide the comment straight away.
            reportCount: 0,
            severity: 0,
            moderatedAt: row.moderatedAt ?? now,
            publicReason: input.publicReason ?? null,
            ...(input.action === 'approve' || input.action === 'release' || input.action === 'restore'
              ? { flagged: false, autoHidden: false }
              : {}),
            ...(input.action === 'hide' ? { autoHidden: false } : {}),
            ...(amendedBody !== null
              ? {
                  body: amendedBody,
                  bodyHash: getService('text').fingerprint(amendedBody),
                  amendedByModerator: true,
                  amendedAt: now,
                }
              : {}),
          },
        });
        await strapi.db.query(UID.report).updateMany({
          where: { commentId: row.id, state: 'open', reason: { $ne: EDITORIAL_REASON } },
          data: {
            state: transition.reports,
            decision: input.action,
            resolvedAt: now,
            resolvedById: actor.id,
            resolvedByName: actor.name,
          },
        });
        await getService('audit').record({
          action: input.action,
          actor,
          comment: row,
          subjectUserId: row.authorId,
          reason: input.reason,
          before: snapshot(row),
          after: { ...snapshot(updated), publicReason: updated.publicReason ?? null },
        });
        getService('events').afterCommit(onCommit, transition.event, { comment: row.documentId, action: input.action });
        return {
          documentId: row.documentId,
          status: updated.status,
          version: updated.version,
          amendedByModerator: Boolean(updated.amendedByModerator),
        };
      });
    },

    /** Approve or hide up to 100 comments; each item is its own transaction and audit row. */
    async bulk(admin: AdminUser, input: BulkInput) {
      const results: BulkResult[] = [];
      for (const item of input.items) {
        try {
          const done = await this.act(admin, item.documentId, {
            action: input.action,
            reason: input.reason,
            version: item.version,
          });
          results.push({ documentId: item.documentId, result: 'done', status: 200, version: done.version });
        } catch (error) {
          const status = error instanceof errors.NotFoundError ? 404 : ((error as { status?: number }).status ?? 500);
          if (status === 500) throw error;
          const code = (error as { details?: { code?: string } }).details?.code;
          results.push({
            documentId: item.documentId,
            result: status === 404 ? 'not-found' : code === REFUSAL.STALE_VERSION ? 'stale' : 'invalid',
            status,
            code: code ?? null,
          });
        }
      }
      return { results, done: results.filter((result) => result.result === 'done').length };
    },
  };
};

export type ModerationService = ReturnType<typeof moderation>;
export default moderation;
