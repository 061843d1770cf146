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
} as const;

export const REPORT_REASONS = [
  'abusive',
  'harassment',
  'hate',
  'spam',
  'off-topic',
  'misinformation',
  'factual-error',
  'illegal',
  'other',
] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

/** A complaint about the story's facts: routed to editors, never to the moderation queue or the auto-hide count. */
export const EDITORIAL_REASON: ReportReason = 'factual-error';

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

/** Machine-readable `error.details.code` values of refusals. */
export const REFUSAL = {
  AUTHENTICATION_REQUIRED: 'AUTHENTICATION_REQUIRED',
  SUBSCRIPTION_REQUIRED: 'SUBSCRIPTION_REQUIRED',
  TERMS_NOT_ACCEPTED: 'TERMS_NOT_ACCEPTED',
  TERMS_VERSION_MISMATCH: 'TERMS_VERSION_MISMATCH',
  COMMENTING_SUSPENDED: 'COMMENTING_SUSPENDED',
  COMMENTING_BANNED: 'COMMENTING_BANNED',
  COMMENTS_CLOSED: 'COMMENTS_CLOSED',
  COMMENTING_DISABLED: 'COMMENTING_DISABLED',
  EDIT_WINDOW_CLOSED: 'EDIT_WINDOW_CLOSED',
  NOT_COMMENT_AUTHOR: 'NOT_COMMENT_AUTHOR',
  CANNOT_REPORT_OWN_COMMENT: 'CANNOT_REPORT_OWN_COMMENT',
  ACCOUNT_BLOCKED: 'ACCOUNT_BLOCKED',
  ACCOUNT_UNCONFIRMED: 'ACCOUNT_UNCONFIRMED',
  REPORTER_BANNED: 'REPORTER_BANNED',
  REPORTER_SUSPENDED: 'REPORTER_SUSPENDED',
  RATE_LIMITED: 'RATE_LIMITED',
  BANNED_WORDS: 'BANNED_WORDS',
  POLICY_MISSING: 'POLICY_MISSING',
  POLICY_INCOMPLETE: 'POLICY_INCOMPLETE',
  STALE_VERSION: 'STALE_VERSION',
  MISSING_PERMISSION: 'MISSING_PERMISSION',
  INVALID_TRANSITION: 'INVALID_TRANSITION',
  DECISION_NOT_FOUND: 'DECISION_NOT_FOUND',
  DECISION_NOT_APPEALABLE: 'DECISION_NOT_APPEALABLE',
  DECISION_SUPERSEDED: 'DECISION_SUPERSEDED',
  ALREADY_APPEALED: 'ALREADY_APPEALED',
  APPEAL_NOT_FOUND: 'APPEAL_NOT_FOUND',
  APPEAL_ALREADY_RESOLVED: 'APPEAL_ALREADY_RESOLVED',
  OWN_DECISION: 'OWN_DECISION',
  COMPLAINT_ALREADY_RESOLVED: 'COMPLAINT_ALREADY_RESOLVED',
} as const;
export type RefusalCode = (typeof REFUSAL)[keyof typeof REFUSAL];

/** Event hub names, emitted after the write commits, with ids only (no personal data). */
export const EVENTS = {
  commentCreated: 'comment.created',
  commentReported: 'comment.reported',
  commentEdited: 'comment.edited',
  commentWithdrawn: 'comment.withdrawn',
  commentHidden: 'comment.hidden',
  commentRestored: 'comment.restored',
  commentApproved: 'comment.approved',
  commentRemoved: 'comment.removed',
  commentAmended: 'comment.amended',
  commentReleased: 'comment.released',
  commenterSanctioned: 'commenter.sanctioned',
  commenterErased: 'commenter.erased',
} as const;
