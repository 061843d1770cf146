import type { NotificationKind } from '../../../shared/contracts/settings';
import type { EventType } from '../../../shared/contracts/events';
import type { Cover } from './cover-calendar';

export type { NotificationKind };

/**
 * Who is emailed about a domain event, and with which kind of notice. Pure: the notifications
 * service looks the people up (rules never read the database) and sends what this decides.
 */

/** A reader who may be emailed, with their opt-ins. */
export interface Recipient {
  userId: number;
  email: string;
  replies: boolean;
  reportOutcomes: boolean;
}

export interface ResolvedReporter extends Recipient {
  outcome: 'upheld' | 'not-upheld';
}

/** What the service found out about the event: the people involved and the cover when it happened. */
export interface EventFacts {
  type: EventType;
  payload: Record<string, unknown>;
  cover: Cover;
  dutyModerators: string[];
  /** The author of the comment the event is about. */
  commentAuthor: Recipient | null;
  /** `comment.created`: the author of the comment replied to. */
  parentAuthor: Recipient | null;
  /** The reports this event resolved. */
  reporters: ResolvedReporter[];
  /** `complaint.resolved`: the reader who complained. */
  complainant: Recipient | null;
  /** The audit event a commenter appeals against (hide, remove, amend). */
  decision: string | null;
}

export interface Notice {
  kind: NotificationKind;
  to: string;
  /** The reader it goes to, or null for a duty moderator. */
  userId: number | null;
  vars: Record<string, string>;
}

/** Moderators' decisions a commenter is told about (legal notices: always sent, never rate-limited). */
const DECISION_NOTICES: Partial<Record<EventType, { transition: string; action: string }>> = {
  'comment.hidden': { transition: 'hide', action: 'hidden' },
  'comment.removed': { transition: 'remove', action: 'removed' },
  'comment.amended': { transition: 'amend', action: 'amended' },
};

/** Report reasons that alert the duty moderators at once, whatever the cover. */
export const URGENT_REASONS = ['illegal', 'harassment'];

/** Kinds sent whatever the rate limit: legal notices to readers and alerts to the duty desk. */
const NEVER_DROPPED: NotificationKind[] = ['moderation-notice', 'duty-alert', 'duty-digest'];
export const isDroppable = (kind: NotificationKind): boolean => !NEVER_DROPPED.includes(kind);

/** What an unsubscribe link of each kind turns off. */
export type UnsubscribeEffect = 'replies' | 'reportOutcomes' | 'all-optional' | 'duty';
export const UNSUBSCRIBE_EFFECT: Record<NotificationKind, UnsubscribeEffect> = {
  // A legal notice cannot be refused; its link turns off every optional notice instead.
  'moderation-notice': 'all-optional',
  reply: 'replies',
  'report-outcome': 'reportOutcomes',
  'complaint-outcome': 'reportOutcomes',
  'duty-alert': 'duty',
  'duty-digest': 'duty',
};

const str = (value: unknown): string => (value === null || value === undefined ? '' : String(value));

const dutyAlerts = (facts: EventFacts, vars: Record<string, string>): Notice[] =>
  facts.dutyModerators.map((to) => ({ kind: 'duty-alert', to, userId: null, vars }));

const decisionNotice = (facts: EventFacts): Notice[] => {
  const notice = DECISION_NOTICES[facts.type];
  const author = facts.commentAuthor;
  const { payload } = facts;
  if (!notice || !author || payload.actor !== 'moderator' || payload.transition !== notice.transition) return [];
  const vars = {
    action: notice.action,
    comment: str(payload.comment),
    publicReason: str(payload.publicReason) || 'No reason was given.',
    decision: str(facts.decision),
  };
  return [{ kind: 'moderation-notice', to: author.email, userId: author.userId, vars }];
};

const reportOutcomes = (facts: EventFacts): Notice[] =>
  facts.reporters
    .filter((reporter) => reporter.reportOutcomes)
    .map((reporter) => ({
      kind: 'report-outcome',
      to: reporter.email,
      userId: reporter.userId,
      vars: { comment: str(facts.payload.comment), outcome: reporter.outcome === 'upheld' ? 'upheld' : 'not upheld' },
    }));

const replyNotice = (facts: EventFacts): Notice[] => {
  const parent = facts.parentAuthor;
  const { payload } = facts;
  if (!parent?.replies || payload.status !== 'visible' || payload.parent === null) return [];
  // Replying to oneself is no news.
  if (facts.commentAuthor && facts.commentAuthor.userId === parent.userId) return [];
  const thread = payload.thread as { documentId?: string } | undefined;
  const vars = { comment: str(payload.comment), parent: str(payload.parent), story: str(thread?.documentId) };
  return [{ kind: 'reply', to: parent.email, userId: parent.userId, vars }];
};

/** Every notice one event calls for. */
export const noticesFor = (facts: EventFacts): Notice[] => {
  const { payload } = facts;
  switch (facts.type) {
    case 'comment.created':
      return replyNotice(facts);
    case 'comment.reported':
      return URGENT_REASONS.includes(str(payload.reason))
        ? dutyAlerts(facts, { comment: str(payload.comment), what: `a report for ${str(payload.reason)}` })
        : [];
    case 'comment.auto-hidden':
      // Under full-time cover a moderator sees the queue anyway.
      return facts.cover === 'part-time'
        ? dutyAlerts(facts, { comment: str(payload.comment), what: 'an automatic hide, outside full-time cover' })
        : [];
    case 'complaint.resolved':
      return facts.complainant?.reportOutcomes
        ? [
            {
              kind: 'complaint-outcome',
              to: facts.complainant.email,
              userId: facts.complainant.userId,
              vars: {
                outcome:
                  payload.outcome === 'upheld'
                    ? 'upheld: the story is being corrected'
                    : 'not upheld: the story stands',
                correctionNote: str(payload.correctionNote) || 'No correction was needed.',
              },
            },
          ]
        : [];
    default:
      return [...decisionNotice(facts), ...reportOutcomes(facts)];
  }
};

/** What the service must look up for an event, so it queries only what the rule will read. */
export const factsNeeded = (type: EventType) => ({
  commentAuthor: type === 'comment.created' || type in DECISION_NOTICES,
  parentAuthor: type === 'comment.created',
  reporters: type.startsWith('comment.') && !['comment.created', 'comment.edited', 'comment.reported'].includes(type),
  complainant: type === 'complaint.resolved',
  decision: type in DECISION_NOTICES,
  cover: type === 'comment.auto-hidden',
  dutyModerators: type === 'comment.reported' || type === 'comment.auto-hidden',
});
