import { autoHideThreshold, shouldAutoHide, type AutoHideFacts } from './auto-hide';

const RULE = { fullTime: 5, partTime: 3, afterReviewFactor: 2 };
const facts = (overrides: Partial<AutoHideFacts> = {}): AutoHideFacts => ({
  visible: true,
  trustedReports: 0,
  cover: 'part-time',
  reviewedByModerator: false,
  suspectedBrigading: false,
  ...overrides,
});

describe('autoHideThreshold', () => {
  test('follows the cover, and doubles once a moderator has reviewed the comment', () => {
    expect(autoHideThreshold('full-time', false, RULE)).toBe(5);
    expect(autoHideThreshold('part-time', false, RULE)).toBe(3);
    expect(autoHideThreshold('full-time', true, RULE)).toBe(10);
    expect(autoHideThreshold('part-time', true, RULE)).toBe(6);
  });
});

describe('shouldAutoHide', () => {
  test('hides a visible comment at the threshold of trusted reports, not before', () => {
    expect(shouldAutoHide(facts({ trustedReports: 2 }), RULE)).toBe(false);
    expect(shouldAutoHide(facts({ trustedReports: 3 }), RULE)).toBe(true);
  });

  test('five stragglers after a restore do not undo the decision; twice the threshold does', () => {
    expect(shouldAutoHide(facts({ trustedReports: 5, cover: 'full-time', reviewedByModerator: true }), RULE)).toBe(
      false
    );
    expect(shouldAutoHide(facts({ trustedReports: 10, cover: 'full-time', reviewedByModerator: true }), RULE)).toBe(
      true
    );
  });

  test('never for suspected brigading or a comment that is not visible', () => {
    expect(shouldAutoHide(facts({ trustedReports: 50, suspectedBrigading: true }), RULE)).toBe(false);
    expect(shouldAutoHide(facts({ trustedReports: 50, visible: false }), RULE)).toBe(false);
  });
});
