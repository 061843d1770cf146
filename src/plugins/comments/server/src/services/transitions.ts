import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { EDITORIAL_REASON, REFUSAL, UID } from '../constants';
import { getService } from '../utils/get-service';
import { conflict } from '../utils/admin';
import type { CommentRow } from '../utils/serialize';
import { commentsRepository } from '../repositories/comments';
import { SUSPECTED_BRIGADING } from '../rules/brigading';
import { TRANSITIONS, nextStatus, type TransitionName } from '../rules/transitions';
import type { Actor } from './audit';
import { snapshot } from './comments';

export interface TransitionRequest {
  /** The comment as the caller read it; its version must still be `expectedVersion`. */
  comment: CommentRow;
  transition: TransitionName;
  actor: Actor;
  reason: string | null;
  expectedVersion: number;
  /** Fields the caller's action writes besides the transition's own (an amended body, a public reason). */
  changes?: Record<string, unknown>;
  trx: Knex.Transaction;
  onCommit: (fn: () => void) => void;
}

const CLEARING: TransitionName[] = ['approve', 'release', 'restore'];
// A moderator judged the reports unfounded: new ones must be more numerous to hide it again.
const STICKING: TransitionName[] = ['approve', 'restore'];

/** What a moderator's decision resets: the queue entry, the report counters, the brigading flag. */
const decisionFields = (comment: CommentRow, transition: TransitionName, now: Date) => ({
  reviewedAt: now,
  reportCount: 0,
  trustedReportCount: 0,
  reliabilityScore: 0,
  severity: 0,
  moderatedAt: comment.moderatedAt ?? now,
  flagReasons: ((comment.flagReasons as string[] | null) ?? []).filter((flag) => flag !== SUSPECTED_BRIGADING),
  ...(CLEARING.includes(transition) ? { flagged: false, autoHidden: false } : {}),
  ...(STICKING.includes(transition) ? { clearedAt: now } : {}),
  ...(transition === 'hide' ? { autoHidden: false } : {}),
});

/**
 * The one way a comment changes state (rules/transitions.ts says which changes exist): the version
 * compare-and-set, the new state, the fate of its open reports, one audit row and the thread's
 * revision, all in the caller's transaction; the event after the commit. Moderators' actions, bulk, sanctions,
 * auto-hide and authors' withdrawals all come through here.
 */
const transitions = ({ strapi }: { strapi: Core.Strapi }) => ({
  async apply(request: TransitionRequest): Promise<CommentRow> {
    const { comment, transition, actor, trx } = request;
    const rule = TRANSITIONS[transition];
    if (comment.version !== request.expectedVersion) {
      throw conflict('Someone else acted on this comment meanwhile: reload it.', {
        code: REFUSAL.STALE_VERSION,
        currentVersion: comment.version,
      });
    }
    const to = nextStatus(transition, comment.status);
    if (!to) {
      throw conflict(`A ${comment.status} comment cannot take "${transition}".`, {
        code: REFUSAL.INVALID_TRANSITION,
        status: comment.status,
      });
    }
    // Of two writers acting on the same version, only the first succeeds.
    if (!(await commentsRepository(strapi).claimVersion(trx, comment.id, request.expectedVersion))) {
      throw conflict('Someone else acted on this comment meanwhile: reload it.', { code: REFUSAL.STALE_VERSION });
    }
    const now = getService('clock').now();
    const updated: CommentRow = await strapi.db.query(UID.comment).update({
      where: { id: comment.id },
      data: {
        status: to,
        needsReview: rule.needsReview,
        ...(rule.decision ? decisionFields(comment, transition, now) : {}),
        ...(transition === 'auto-hide' ? { autoHidden: true } : {}),
        ...request.changes,
      },
    });
    if (rule.reports !== 'keep-open') {
      await strapi.db.query(UID.report).updateMany({
        where: { commentId: comment.id, state: 'open', reason: { $ne: EDITORIAL_REASON } },
        data: {
          state: rule.reports,
          decision: transition,
          resolvedAt: now,
          resolvedById: actor.id,
          resolvedByName: actor.name,
        },
      });
    }
    await getService('audit').record({
      action: rule.audit,
      actor,
      comment,
      subjectUserId: comment.authorId,
      reason: request.reason,
      before: snapshot(comment),
      after: { ...snapshot(updated), publicReason: updated.publicReason ?? null },
    });
    await getService('events').record(request.onCommit, rule.event, {
      comment: comment.documentId,
      thread: { type: comment.threadType, documentId: comment.threadId },
      transition,
      from: comment.status,
      to,
      version: updated.version,
      actor: actor.type,
      publicReason: (updated.publicReason as string | null | undefined) ?? null,
    });
    // Last, so the thread's row is locked for as short a time as possible.
    await getService('threads').bump(
      { trx, onCommit: request.onCommit },
      [{ type: comment.threadType, documentId: comment.threadId }]
    );
    return updated;
  },
});

export type TransitionsService = ReturnType<typeof transitions>;
export default transitions;
