/*
 * The plugin's fixed vocabularies: the server's rules, the admin half's lists and the OpenAPI
 * enums all read them from here.
 */

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

/** A report is open until a moderator's decision upholds it or not. */
export const REPORT_STATES = ['open', 'upheld', 'not-upheld'] as const;
/** How a reporter stood when reporting (rules/reporting.ts): the weight their report carries. */
export const REPORTER_STANDINGS = ['subscriber', 'established', 'new-account'] as const;

/** A complaint about the story's facts: routed to editors, never to the moderation queue. */
export const EDITORIAL_REASON = 'factual-error' satisfies ReportReason;


export const COMMENT_STATUSES = [
  'visible',
  'held',
  'hidden',
  'removed',
  'withdrawn',
  // Withdrawn by its author while reported, hidden or held: out of public view, still before a moderator.
  'withdrawn-under-review',
  'erased',
] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

export const MODERATION_ACTIONS = ['approve', 'hide', 'restore', 'amend', 'remove', 'release'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

export const BULK_ACTIONS = ['approve', 'hide'] as const satisfies readonly ModerationAction[];
export type BulkAction = (typeof BULK_ACTIONS)[number];

export const SANCTION_ACTIONS = ['suspend', 'ban', 'reinstate'] as const;
export type SanctionAction = (typeof SANCTION_ACTIONS)[number];
export const SANCTION_STATES = ['none', 'suspended', 'banned'] as const;

export const QUEUES = ['reported', 'flagged', 'auto-hidden', 'held', 'resolved', 'all'] as const;
export type Queue = (typeof QUEUES)[number];
/** The queues with a count of their own (`all` is their union). */
export const COUNTED_QUEUES = ['reported', 'flagged', 'auto-hidden', 'held', 'resolved'] as const;
export type CountedQueue = (typeof COUNTED_QUEUES)[number];

export const QUEUE_SORTS = ['priority', 'oldest', 'newest'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

/**
 * The queue's trust filter, on the reporters' standing when they reported (rules/reporting.ts):
 * `trusted`, at least one report that counts towards auto-hide; `untrusted`, reported only by
 * readers whose reports do not count (new accounts).
 */
export const QUEUE_TRUST = ['trusted', 'untrusted'] as const;
export type QueueTrust = (typeof QUEUE_TRUST)[number];

export const APPEAL_STATES = ['open', 'upheld', 'dismissed'] as const;
export type AppealState = (typeof APPEAL_STATES)[number];
export const APPEAL_OUTCOMES = ['upheld', 'dismissed'] as const;
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];

export const COMPLAINT_OUTCOMES = ['upheld', 'not-upheld'] as const;
export type ComplaintOutcome = (typeof COMPLAINT_OUTCOMES)[number];

export const ACTOR_TYPES = ['moderator', 'system', 'author', 'api-token'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

export const COVERS = ['full-time', 'part-time'] as const;
export type Cover = (typeof COVERS)[number];

export const COMMENTING_STATES = ['open', 'closed', 'disabled'] as const;
export type Commenting = (typeof COMMENTING_STATES)[number];

export const SUBSCRIPTION_STATES = ['active', 'cancelled', 'expired'] as const;

/** Machine-readable `error.details.code` values of the plugin's refusals. */
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
