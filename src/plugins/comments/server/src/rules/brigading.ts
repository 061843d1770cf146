import type { ReporterStanding } from './reporting';

/**
 * A burst of reports on one comment, mostly from young or non-subscriber accounts, looks like a
 * campaign rather than readers' judgement: the comment is flagged `suspected-brigading` for a
 * moderator, at a higher priority, and is never auto-hidden by it.
 */
export interface BrigadingRule {
  /** At least this many reports … */
  reports: number;
  /** … within this many minutes … */
  windowMinutes: number;
  /** … of which at least this share came from accounts that are not subscribers. */
  suspiciousShare: number;
}

export const SUSPECTED_BRIGADING = 'suspected-brigading';

/** `recent`: the standing of each report on the comment within the rule's window, this one included. */
export const isSuspectedBrigading = (recent: ReporterStanding[], rule: BrigadingRule): boolean => {
  if (recent.length < rule.reports) return false;
  const suspicious = recent.filter((standing) => standing !== 'subscriber').length;
  return suspicious / recent.length >= rule.suspiciousShare;
};
