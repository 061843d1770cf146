import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { EDITORIAL_REASON, UID } from '../constants';
import type { CommentsConfig } from '../config';
import { getService } from '../utils/get-service';
import { outboxEventsRepository } from '../repositories/outbox-events';
import { coverAt } from '../rules/cover-calendar';
import {
  UNSUBSCRIBE_EFFECT,
  factsNeeded,
  isDroppable,
  noticesFor,
  type EventFacts,
  type Notice,
  type Recipient,
  type ResolvedReporter,
} from '../rules/notifications';
import { renderNotification } from '../rules/notification-templates';
import { signUnsubscribe, verifyUnsubscribe } from '../rules/unsubscribe-token';
import type { OutboxEvent } from './events';

// Events one notifications transaction takes; their emails go out while the rows are locked.
const BATCH_SIZE = 20;
// Reports a transition resolved are those stamped with its step within this margin of the event.
const RESOLVED_MARGIN_MS = 60_000;
// Reporters told of one decision at most (a brigade's hundreds are not all told).
const MAX_REPORTERS = 200;
export const UNSUBSCRIBE_PATH = '/api/comments/notifications/unsubscribe';

type Payload = Record<string, unknown>;

/**
 * Notification emails: the second consumer of the outbox. Each batch of events not yet notified is
 * taken under SKIP LOCKED (so instances share the work and never take one event twice), the people
 * involved are looked up, rules/notifications.ts decides who gets what, and the emails go out
 * through Strapi's email plugin before the batch is marked notified. A rolled-back change wrote no
 * event, so it sends nothing; a crash before the mark sends that batch again (at least once).
 */
const notifications = ({ strapi }: { strapi: Core.Strapi }) => {
  const db = (uid: string) => strapi.db.query(uid as never);

  /** The unsubscribe tokens' key: derived from the app keys, so it is as secret and as stable as they are. */
  const secret = () =>
    crypto
      .createHash('sha256')
      .update(`comments-unsubscribe:${(strapi.config.get('server.app.keys') as string[]).join(',')}`)
      .digest('hex');

  const baseUrl = () => String(strapi.config.get('server.absoluteUrl') ?? '').replace(/\/$/, '');

  const recipient = async (userId: number | null | undefined): Promise<Recipient | null> => {
    if (!userId) return null;
    const user = await db('plugin::users-permissions.user').findOne({ where: { id: userId }, select: ['email'] });
    if (!user?.email) return null;
    const profile = await db(UID.commenter).findOne({ where: { userId } });
    return {
      userId,
      email: user.email,
      replies: !!profile?.notifyReplies,
      reportOutcomes: !!profile?.notifyReportOutcomes,
    };
  };

  const authorOf = async (documentId: unknown) =>
    typeof documentId === 'string'
      ? recipient((await db(UID.comment).findOne({ where: { documentId }, select: ['authorId'] }))?.authorId)
      : null;

  const resolvedReporters = async (event: OutboxEvent, payload: Payload): Promise<ResolvedReporter[]> => {
    const at = new Date(event.occurredAt).getTime();
    const reports = await db(UID.report).findMany({
      where: {
        commentDocumentId: payload.comment,
        decision: payload.transition,
        state: { $in: ['upheld', 'not-upheld'] },
        reason: { $ne: EDITORIAL_REASON },
        resolvedAt: { $gte: new Date(at - RESOLVED_MARGIN_MS), $lte: new Date(at + RESOLVED_MARGIN_MS) },
      },
      select: ['reporterId', 'state'],
      limit: MAX_REPORTERS,
    });
    const found = await Promise.all(
      reports.map(async (report: { reporterId: number; state: ResolvedReporter['outcome'] }) => {
        const person = await recipient(report.reporterId);
        return person ? { ...person, outcome: report.state } : null;
      })
    );
    return found.filter((person): person is ResolvedReporter => person !== null);
  };

  /** The facts the rule reads for this event, and only those. */
  const factsOf = async (event: OutboxEvent, config: CommentsConfig): Promise<EventFacts> => {
    const payload = event.payload as Payload;
    const need = factsNeeded(event.type);
    const complaint = need.complainant
      ? await db(UID.report).findOne({ where: { documentId: payload.complaint }, select: ['reporterId'] })
      : null;
    const decision = need.decision
      ? await db(UID.moderationEvent).findOne({
          where: { commentDocumentId: payload.comment, action: payload.transition },
          orderBy: { id: 'desc' },
          select: ['documentId'],
        })
      : null;
    return {
      type: event.type,
      payload,
      cover: need.cover ? coverAt(new Date(event.occurredAt), config.schedule) : 'full-time',
      dutyModerators: need.dutyModerators ? config.notifications.dutyModerators : [],
      commentAuthor: need.commentAuthor ? await authorOf(payload.comment) : null,
      parentAuthor: need.parentAuthor ? await authorOf(payload.parent) : null,
      reporters: need.reporters ? await resolvedReporters(event, payload) : [],
      complainant: complaint ? await recipient(complaint.reporterId) : null,
      decision: decision?.documentId ?? null,
    };
  };

  const notifyBatch = async (): Promise<number> =>
    strapi.db.transaction(async ({ trx }) => {
      const ids = await outboxEventsRepository(strapi).claimUnnotified(trx, BATCH_SIZE);
      if (ids.length === 0) return 0;
      const config = await getService('settings').get();
      const events: OutboxEvent[] = await db(UID.outboxEvent).findMany({
        where: { id: { $in: ids } },
        orderBy: { id: 'asc' },
      });
      for (const event of events) {
        for (const notice of noticesFor(await factsOf(event, config))) await service.deliver(notice, config);
      }
      await outboxEventsRepository(strapi).markNotified(trx, ids, new Date());
      return ids.length;
    });

  const service = {
    /** Notifies every committed event not yet notified, then sends the queue digest if a full-time window just opened. */
    async drain(): Promise<void> {
      while ((await notifyBatch()) === BATCH_SIZE);
      await getService('notification-digest').sendIfDue();
    },

    /**
     * Sends one notice, with its one-click unsubscribe link (RFC 8058). Optional notices beyond the
     * recipient's rate limit are dropped; legal notices and duty alerts always go. A provider's
     * failure is logged, not retried: retrying the batch would send its other emails twice.
     */
    async deliver(notice: Notice, config: CommentsConfig): Promise<boolean> {
      const { perRecipient, templates } = config.notifications;
      const to = notice.to.trim().toLowerCase();
      if (
        isDroppable(notice.kind) &&
        !(await getService('rate-limit').allow('notification', to, perRecipient, config.redisUrl))
      )
        return false;
      const token = signUnsubscribe({ kind: notice.kind, userId: notice.userId, email: to }, secret());
      const unsubscribeUrl = `${baseUrl()}${UNSUBSCRIBE_PATH}?token=${token}`;
      const vars = {
        ...notice.vars,
        unsubscribeUrl,
        appealUrl: `${baseUrl()}/api/comments/me/appeals`,
        queueUrl: `${strapi.config.get('admin.absoluteUrl') ?? ''}/plugins/comments`,
      };
      const message = renderNotification(notice.kind, vars, templates[notice.kind]);
      try {
        await strapi
          .plugin('email')
          .service('email')
          .send({
            to,
            ...message,
            headers: {
              'List-Unsubscribe': `<${unsubscribeUrl}>`,
              'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
            },
          });
        return true;
      } catch (error) {
        strapi.log.error(`[comments] notification ${notice.kind} not sent: ${(error as Error).message}`);
        return false;
      }
    },

    /** Follows an unsubscribe link: turns that kind of notice off for its recipient. */
    async unsubscribe(token: string) {
      const claim = verifyUnsubscribe(token, secret());
      if (!claim) {
        throw new errors.ValidationError('This unsubscribe link is not valid.', { code: 'UNSUBSCRIBE_TOKEN_INVALID' });
      }
      const effect = UNSUBSCRIBE_EFFECT[claim.kind];
      if (effect === 'duty') {
        await getService('notification-digest').removeDutyModerator(claim.email);
      } else if (claim.userId !== null) {
        await getService('commenters').setNotifications(claim.userId, {
          ...(effect !== 'reportOutcomes' ? { replies: false } : {}),
          ...(effect !== 'replies' ? { reportOutcomes: false } : {}),
        });
      }
      return { kind: claim.kind, unsubscribed: effect };
    },
  };
  return service;
};

export type NotificationsService = ReturnType<typeof notifications>;
export default notifications;
