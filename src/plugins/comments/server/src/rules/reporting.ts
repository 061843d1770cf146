import type { RefusalCode } from '../constants';
import type { REPORTER_STANDINGS } from '../../../shared/contracts/vocabulary';

/**
 * Who may report a comment, and what the report weighs. The weight is decided when the report is
 * made and stored on it, so later changes of the reporter's standing do not rewrite history.
 */

/** How the reporter stood when reporting: a subscriber, an established reader account, or a young one. */
export type ReporterStanding = (typeof REPORTER_STANDINGS)[number];

export interface ReporterFacts {
  blocked: boolean;
  confirmed: boolean;
  /** The sanction in force now (an ended suspension is `none`). */
  sanction: 'none' | 'suspended' | 'banned';
  activeSubscriber: boolean;
  accountCreatedAt: Date;
}

export interface ReportTrustRule {
  /** A reader account at least this old, not sanctioned, is trusted without a subscription. */
  trustedAccountAgeDays: number;
}

export type ReportRefusalCode = Extract<
  RefusalCode,
  'ACCOUNT_BLOCKED' | 'ACCOUNT_UNCONFIRMED' | 'REPORTER_BANNED' | 'REPORTER_SUSPENDED'
>;

export const REPORT_REFUSAL_MESSAGES: Record<ReportRefusalCode, string> = {
  ACCOUNT_BLOCKED: 'This account is blocked.',
  ACCOUNT_UNCONFIRMED: 'Confirm your email address before reporting.',
  REPORTER_BANNED: 'Banned commenters cannot report comments.',
  REPORTER_SUSPENDED: 'Suspended commenters cannot report comments until the suspension ends.',
};

/** Why this reader may not report at all, or null when they may. */
export const reportRefusal = (facts: ReporterFacts): ReportRefusalCode | null => {
  if (facts.blocked) return 'ACCOUNT_BLOCKED';
  if (!facts.confirmed) return 'ACCOUNT_UNCONFIRMED';
  if (facts.sanction === 'banned') return 'REPORTER_BANNED';
  if (facts.sanction === 'suspended') return 'REPORTER_SUSPENDED';
  return null;
};

const DAY_MS = 86_400_000;

export const reporterStanding = (facts: ReporterFacts, now: Date, rule: ReportTrustRule): ReporterStanding => {
  if (facts.activeSubscriber) return 'subscriber';
  const ageMs = now.getTime() - facts.accountCreatedAt.getTime();
  return ageMs >= rule.trustedAccountAgeDays * DAY_MS ? 'established' : 'new-account';
};

/** Only trusted reports count towards auto-hide; the others still reach the queue and the register. */
export const isTrustedStanding = (standing: ReporterStanding): boolean => standing !== 'new-account';
