import type { Core } from '@strapi/strapi';
import { EVENTS, UID } from '../constants';
import type { Reader } from '../utils/reader';
import { getService } from '../utils/get-service';
import { commentsRepository } from '../repositories/comments';
import { ERASED_DECISION } from './reports';
import { toOwnComment, type CommentRow } from '../utils/serialize';

const ERASED_BODY = '';

/** What the plugin holds about a reader: the data export and the right to erasure. */
const privacy = ({ strapi }: { strapi: Core.Strapi }) => ({
  async export(reader: Reader) {
    const [profile, termsAcceptances, subscription, comments, reports, appeals] = await Promise.all([
      getService('commenters').findByUserId(reader.id),
      getService('terms').historyOf(reader.id),
      getService('subscriptions').forEmail(reader.email),
      strapi.db.query(UID.comment).findMany({ where: { authorId: reader.id }, orderBy: [{ createdAt: 'asc' }] }),
      strapi.db.query(UID.report).findMany({ where: { reporterId: reader.id }, orderBy: [{ createdAt: 'asc' }] }),
      strapi.db.query(UID.appeal).findMany({ where: { appellantId: reader.id }, orderBy: [{ createdAt: 'asc' }] }),
    ]);
    return {
      exportedAt: getService('clock').now().toISOString(),
      account: { documentId: reader.documentId, username: reader.username, email: reader.email },
      profile: profile && {
        displayName: profile.displayName,
        termsVersion: profile.termsVersion,
        termsAcceptedAt: profile.termsAcceptedAt,
        sanction: profile.sanction,
        suspendedUntil: profile.suspendedUntil,
        sanctionReason: profile.sanctionReason,
      },
      termsAcceptances,
      subscription: subscription && {
        status: subscription.status,
        expiresAt: subscription.expiresAt,
        syncedAt: subscription.syncedAt,
      },
      comments: comments.map((row: CommentRow) => toOwnComment(row)),
      reports: reports.map((row: Record<string, unknown>) => ({
        comment: row.commentDocumentId,
        reason: row.reason,
        note: row.note,
        state: row.state,
        createdAt: row.createdAt,
      })),
      appeals: appeals.map((row: Record<string, unknown>) => ({
        decision: row.decisionDocumentId,
        action: row.decisionAction,
        comment: row.commentDocumentId ?? null,
        statement: row.statement,
        state: row.state,
        createdAt: row.createdAt,
        resolvedAt: row.resolvedAt ?? null,
      })),
    };
  },

  /**
   * Erases the reader: profile and personal data deleted, comments out of public view (a
   * tombstone remains where replies exist), terms acceptances and the account deleted. The audit
   * keeps its rows with the pseudonymous user id only: names and comment text are blanked there too.
   */
  async erase(reader: Reader): Promise<void> {
    await strapi.db.transaction(async ({ trx, onCommit }) => {
      const comments = strapi.db.query(UID.comment);
      const threads = await commentsRepository(strapi).threadsOf(trx, reader.id);
      // Their open reports are settled, or reporters would see "open" for ever and the queue keep ghosts.
      const erasedIds = (await comments.findMany({ where: { authorId: reader.id }, select: ['id'] })).map(
        (row: { id: number }) => row.id
      );
      await strapi.db.query(UID.report).updateMany({
        where: { commentId: { $in: erasedIds }, state: 'open' },
        data: { state: 'not-upheld', decision: ERASED_DECISION, resolvedAt: new Date() },
      });
      await comments.updateMany({
        where: { authorId: reader.id },
        // updateMany does not touch updatedAt by itself.
        data: {
          status: 'erased',
          body: ERASED_BODY,
          bodyHash: null,
          authorName: null,
          needsReview: false,
          updatedAt: new Date(),
        },
      });
      // Every thread they wrote in shows tombstones or nothing now: its pages are new revisions.
      await getService('threads').bump({ trx, onCommit }, threads);
      await strapi.db
        .query(UID.report)
        .updateMany({ where: { reporterId: reader.id }, data: { reporterName: null, note: null } });
      await strapi.db
        .query(UID.moderationEvent)
        .updateMany({ where: { actorType: 'author', actorId: reader.id }, data: { actorName: null } });
      await strapi.db
        .query(UID.moderationEvent)
        .updateMany({ where: { subjectUserId: reader.id }, data: { before: null, after: null } });
      await getService('audit').record({
        action: 'erased',
        actor: { type: 'author', id: reader.id, name: null },
        subjectUserId: reader.id,
      });
      await strapi.db.query(UID.commenter).deleteMany({ where: { userId: reader.id } });
      await getService('terms').eraseFor(reader.id);
      // An appeal's statement is the reader's own words: it goes with the rest.
      await strapi.db.query(UID.appeal).deleteMany({ where: { appellantId: reader.id } });
      await getService('subscriptions').removeForEmail(reader.email);
      await strapi.db.query('plugin::users-permissions.user').delete({ where: { id: reader.id } });
      await getService('events').record(onCommit, EVENTS.commenterErased, { user: reader.documentId });
    });
  },
});

export type PrivacyService = ReturnType<typeof privacy>;
export default privacy;
