import type { Cover } from '../services/cover';

/**
 * When enough readers' reports hide a comment pending review. Only trusted reports made since the
 * last moderator decision count, and once a moderator has reviewed the comment it takes
 * `afterReviewFactor` times as many: a decision is not undone by the stragglers that follow it.
 */
export interface AutoHideRule {
  fullTime: number;
  partTime: number;
  afterReviewFactor: number;
}

export interface AutoHideFacts {
  visible: boolean;
  trustedReports: number;
  cover: Cover;
  reviewedByModerator: boolean;
  suspectedBrigading: boolean;
}

export const autoHideThreshold = (cover: Cover, reviewedByModerator: boolean, rule: AutoHideRule): number =>
  (cover === 'full-time' ? rule.fullTime : rule.partTime) * (reviewedByModerator ? rule.afterReviewFactor : 1);

/** A suspected brigade never hides a comment by itself: it goes to a moderator instead. */
export const shouldAutoHide = (facts: AutoHideFacts, rule: AutoHideRule): boolean =>
  facts.visible &&
  !facts.suspectedBrigading &&
  facts.trustedReports >= autoHideThreshold(facts.cover, facts.reviewedByModerator, rule);
