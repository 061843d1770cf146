export const PLUGIN_ID = 'comments';

export const UID = {
  comment: 'plugin::comments.comment',
  report: 'plugin::comments.report',
  moderationEvent: 'plugin::comments.moderation-event',
  commenter: 'plugin::comments.commenter',
  subscription: 'plugin::comments.subscription',
  communityPolicy: 'plugin::comments.community-policy',
  termsAcceptance: 'plugin::comments.terms-acceptance',
  appeal: 'plugin::comments.appeal',
  threadState: 'plugin::comments.thread-state',
  outboxEvent: 'plugin::comments.outbox-event',
  webhook: 'plugin::comments.webhook',
  webhookDelivery: 'plugin::comments.webhook-delivery',
  notificationDigest: 'plugin::comments.notification-digest',
} as const;

export { REPORT_REASONS, EDITORIAL_REASON, REFUSAL } from '../../shared/contracts/vocabulary';
export type { ReportReason, RefusalCode } from '../../shared/contracts/vocabulary';
import type { ReportReason } from '../../shared/contracts/vocabulary';
import type { EventType } from '../../shared/contracts/events';

/** Queue priority of a reason: illegal > hate, harassment > abusive > the rest. */
export const REASON_SEVERITY: Record<ReportReason, number> = {
  illegal: 4,
  hate: 3,
  harassment: 3,
  abusive: 2,
  spam: 1,
  'off-topic': 1,
  misinformation: 1,
  other: 1,
  'factual-error': 0,
};

/**
 * Domain event types (shared/contracts/events.ts holds their payload schemas): written to the
 * outbox in the transaction of the change, delivered to webhooks, emitted on the event hub after the commit.
 */
export const EVENTS = {
  commentCreated: 'comment.created',
  commentReported: 'comment.reported',
  commentEdited: 'comment.edited',
  commentWithdrawn: 'comment.withdrawn',
  commentAutoHidden: 'comment.auto-hidden',
  commentHidden: 'comment.hidden',
  commentRestored: 'comment.restored',
  commentApproved: 'comment.approved',
  commentRemoved: 'comment.removed',
  commentAmended: 'comment.amended',
  commentReleased: 'comment.released',
  commenterSanctioned: 'commenter.sanctioned',
  commenterReinstated: 'commenter.reinstated',
  commenterErased: 'commenter.erased',
  complaintResolved: 'complaint.resolved',
  appealFiled: 'appeal.filed',
  appealResolved: 'appeal.resolved',
  subscriptionSynced: 'subscription.synced',
  webhookTest: 'webhook.test',
} as const satisfies Record<string, EventType>;
