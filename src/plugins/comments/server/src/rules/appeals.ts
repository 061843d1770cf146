/**
 * Which moderator decisions a commenter may appeal, and how an upheld appeal reverses each. A
 * decision is one audit event; the appeals service files and resolves appeals against it, and the
 * reversal itself goes through the transitions service (comments) or the sanctions service.
 */
export { APPEAL_STATES, APPEAL_OUTCOMES } from '../../../shared/contracts/vocabulary';
export type { AppealState, AppealOutcome } from '../../../shared/contracts/vocabulary';
import type { AppealOutcome } from '../../../shared/contracts/vocabulary';

/**
 * `restore` brings a hidden or removed comment back; `revert-amendment` puts back the body the
 * moderator replaced (kept in the decision's audit row); `reinstate` lifts a suspension or ban.
 */
export type Reversal = 'restore' | 'revert-amendment' | 'reinstate';

const REVERSALS: Record<string, Reversal> = {
  hide: 'restore',
  remove: 'restore',
  amend: 'revert-amendment',
  'commenter-suspend': 'reinstate',
  'commenter-ban': 'reinstate',
};

/** The audit actions of appealable decisions. */
export const APPEALABLE_ACTIONS = Object.keys(REVERSALS);

export interface DecisionEvent {
  action: string;
  actorType: string;
}

/**
 * How an upheld appeal would reverse the decision, or null when it cannot be appealed: only a
 * moderator's decision against the commenter is (an auto-hide is not a decision, it awaits one).
 */
export const reversalOf = (event: DecisionEvent): Reversal | null =>
  event.actorType === 'moderator' ? (REVERSALS[event.action] ?? null) : null;

/** The appeal's audit action: filing, and each outcome. */
export const appealAuditAction = (outcome: AppealOutcome | 'filed'): string => `appeal-${outcome}`;
