import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { EVENTS, UID } from '../constants';
import { getService } from '../utils/get-service';
import { moderatorActor, type AdminUser } from '../utils/admin';
import type { CommentRow } from '../utils/serialize';

export interface SanctionInput {
  action: 'suspend' | 'ban' | 'reinstate';
  reason: string;
  until?: string | null;
  hideComments?: boolean;
}

const SANCTION_OF = { suspend: 'suspended', ban: 'banned', reinstate: 'none' } as const;

/** Suspending, banning and reinstating commenters, optionally hiding their visible comments in the same step. */
const sanctions = ({ strapi }: { strapi: Core.Strapi }) => ({
  async apply(admin: AdminUser, userDocumentId: string, input: SanctionInput) {
    const user = await strapi.db
      .query('plugin::users-permissions.user')
      .findOne({ where: { documentId: userDocumentId } });
    if (!user) throw new errors.NotFoundError('No such reader.');
    const now = getService('clock').now();
    if (input.action === 'suspend' && (!input.until || new Date(input.until) <= now)) {
      throw new errors.ValidationError('A suspension needs an end (`until`) in the future.', { field: 'until' });
    }
    const reader = {
      id: user.id,
      documentId: user.documentId,
      email: user.email,
      username: user.username,
      confirmed: user.confirmed,
    };
    const profile = await getService('commenters').profileOf(reader);
    const actor = moderatorActor(admin);
    const sanction = SANCTION_OF[input.action];

    return strapi.db.transaction(async ({ trx, onCommit }) => {
      const updated = await strapi.db.query(UID.commenter).update({
        where: { id: profile.id },
        data: {
          sanction,
          suspendedUntil: input.action === 'suspend' ? new Date(input.until as string) : null,
          sanctionReason: input.action === 'reinstate' ? null : input.reason,
          version: profile.version + 1,
        },
      });
      await getService('audit').record({
        action: `commenter-${input.action}`,
        actor,
        subjectUserId: user.id,
        reason: input.reason,
        before: { sanction: profile.sanction, suspendedUntil: profile.suspendedUntil },
        after: { sanction: updated.sanction, suspendedUntil: updated.suspendedUntil },
      });

      // A ban ends the reader's sessions: every device must log in again (and so meets the ban).
      if (input.action === 'ban')
        await strapi.sessionManager('users-permissions').invalidateRefreshToken(String(user.id));

      let hidden = 0;
      if (input.hideComments && input.action !== 'reinstate') {
        const visible: CommentRow[] = await strapi.db
          .query(UID.comment)
          .findMany({ where: { authorId: user.id, status: { $in: ['visible', 'held'] } } });
        // The same transition as a moderator's hide: version check, reports upheld, one audit row each.
        for (const comment of visible) {
          await getService('transitions').apply({
            comment,
            transition: 'hide',
            actor,
            reason: `${input.reason} (commenter ${sanction})`,
            expectedVersion: comment.version,
            trx,
            onCommit,
          });
          hidden += 1;
        }
      }
      if (sanction === 'none') await getService('events').record(onCommit, EVENTS.commenterReinstated, { user: user.documentId });
      else
        await getService('events').record(onCommit, EVENTS.commenterSanctioned, {
          user: user.documentId,
          sanction,
          until: updated.suspendedUntil ? new Date(updated.suspendedUntil).toISOString() : null,
          hiddenComments: hidden,
        });
      return {
        user: user.documentId,
        sanction: updated.sanction,
        suspendedUntil: updated.suspendedUntil ?? null,
        hiddenComments: hidden,
      };
    });
  },

  /** A commenter's record for the moderator: sanctions so far and how often their comments were upheld against. */
  async recordOf(userId: number | null) {
    if (userId === null) return null;
    const [profile, sanctionEvents, upheld, total] = await Promise.all([
      getService('commenters').findByUserId(userId),
      strapi.db.query(UID.moderationEvent).findMany({
        where: { subjectUserId: userId, action: { $startsWith: 'commenter-' } },
        orderBy: [{ createdAt: 'desc' }],
        limit: 50,
      }),
      strapi.db.query(UID.comment).count({
        where: { authorId: userId, status: { $in: ['hidden', 'removed'] }, moderatedAt: { $notNull: true } },
      }),
      strapi.db.query(UID.comment).count({ where: { authorId: userId } }),
    ]);
    return {
      displayName: profile?.displayName ?? null,
      sanction: profile?.sanction ?? 'none',
      suspendedUntil: profile?.suspendedUntil ?? null,
      comments: total,
      upheldAgainst: upheld,
      sanctions: sanctionEvents.map((event: Record<string, unknown>) => ({
        action: event.action,
        reason: event.reason,
        by: event.actorName,
        at: event.createdAt,
        after: event.after,
      })),
    };
  },
});

export type SanctionsService = ReturnType<typeof sanctions>;
export default sanctions;
