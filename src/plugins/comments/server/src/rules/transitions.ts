import { EVENTS } from '../constants';

/**
 * Every change of a comment's state, whoever makes it: which states each transition applies to,
 * where it leads, and what becomes of the comment's open reports. The transitions service applies
 * them (version check, reports, audit row, event). The one exception is erasure (services/privacy.ts),
 * which is the reader's legal right, not a moderation step: it blanks every comment of the reader at once.
 */
export { COMMENT_STATUSES, MODERATION_ACTIONS } from '../../../shared/contracts/vocabulary';
export type { CommentStatus, ModerationAction } from '../../../shared/contracts/vocabulary';
import type { CommentStatus, ModerationAction } from '../../../shared/contracts/vocabulary';

/** The event a transition writes to the outbox. */
export type TransitionEvent = (typeof EVENTS)[keyof typeof EVENTS];

export type TransitionName = ModerationAction | 'auto-hide' | 'withdraw' | 'withdraw-under-review' | 'revert-amendment';

/** `upheld`/`not-upheld` settle the open reports; `keep-open` leaves them for a moderator. */
export type ReportEffect = 'upheld' | 'not-upheld' | 'keep-open';

export interface TransitionRule {
  /** From-state → to-state; a state not listed cannot take this transition. */
  to: Partial<Record<CommentStatus, CommentStatus>>;
  reports: ReportEffect;
  /** A moderator's decision: the comment leaves the queue and report counting starts again. */
  decision: boolean;
  /** Whether the comment is (still) waiting for a moderator afterwards. */
  needsReview: boolean;
  event: TransitionEvent;
  /** The audit row's action. */
  audit: string;
}

const decision = (
  audit: ModerationAction,
  to: TransitionRule['to'],
  reports: 'upheld' | 'not-upheld',
  event: TransitionEvent
): TransitionRule => ({ to, reports, decision: true, needsReview: false, event, audit });

export const TRANSITIONS: Record<TransitionName, TransitionRule> = {
  approve: decision(
    'approve',
    { visible: 'visible', hidden: 'visible', 'withdrawn-under-review': 'withdrawn' },
    'not-upheld',
    EVENTS.commentApproved
  ),
  hide: decision('hide', { visible: 'hidden', held: 'hidden' }, 'upheld', EVENTS.commentHidden),
  restore: decision('restore', { hidden: 'visible', removed: 'visible' }, 'not-upheld', EVENTS.commentRestored),
  amend: decision('amend', { visible: 'visible', hidden: 'visible', held: 'visible' }, 'upheld', EVENTS.commentAmended),
  remove: decision(
    'remove',
    { visible: 'removed', hidden: 'removed', held: 'removed', 'withdrawn-under-review': 'removed' },
    'upheld',
    EVENTS.commentRemoved
  ),
  release: decision('release', { held: 'visible' }, 'not-upheld', EVENTS.commentReleased),
  'auto-hide': {
    to: { visible: 'hidden' },
    reports: 'keep-open',
    decision: false,
    needsReview: true,
    event: EVENTS.commentAutoHidden,
    audit: 'auto-hidden',
  },
  withdraw: {
    to: { visible: 'withdrawn' },
    reports: 'keep-open',
    decision: false,
    needsReview: false,
    event: EVENTS.commentWithdrawn,
    audit: 'withdrawn',
  },
  'withdraw-under-review': {
    to: { visible: 'withdrawn-under-review', hidden: 'withdrawn-under-review', held: 'withdrawn-under-review' },
    reports: 'keep-open',
    decision: false,
    needsReview: true,
    event: EVENTS.commentWithdrawn,
    audit: 'withdrawn-under-review',
  },
  // An upheld appeal puts back the body a moderator replaced: a transition of its own, so the
  // reversal is not itself an appealable `amend`.
  'revert-amendment': {
    to: { visible: 'visible' },
    reports: 'keep-open',
    decision: false,
    needsReview: false,
    event: EVENTS.commentAmended,
    audit: 'amendment-reverted',
  },
};

/** The state `name` leads to from `from`, or null when the transition does not apply. */
export const nextStatus = (name: TransitionName, from: CommentStatus): CommentStatus | null =>
  TRANSITIONS[name].to[from] ?? null;

/**
 * An author's withdrawal: a plain one for a visible comment nobody has reported; otherwise the
 * comment leaves public view but stays before the moderators with its reports, as evidence.
 */
export const withdrawalOf = (status: CommentStatus, openReports: number): TransitionName =>
  status === 'visible' && openReports === 0 ? 'withdraw' : 'withdraw-under-review';
