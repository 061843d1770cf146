import { COMMENT_STATUSES, TRANSITIONS, nextStatus, withdrawalOf, type TransitionName } from './transitions';

describe('the transition table', () => {
  test.each([
    ['hide', 'visible', 'hidden'],
    ['hide', 'held', 'hidden'],
    ['restore', 'hidden', 'visible'],
    ['restore', 'removed', 'visible'],
    ['approve', 'hidden', 'visible'],
    ['approve', 'withdrawn-under-review', 'withdrawn'],
    ['remove', 'withdrawn-under-review', 'removed'],
    ['release', 'held', 'visible'],
    ['auto-hide', 'visible', 'hidden'],
    ['withdraw', 'visible', 'withdrawn'],
    ['withdraw-under-review', 'hidden', 'withdrawn-under-review'],
  ] as Array<[TransitionName, string, string]>)('%s takes a %s comment to %s', (name, from, to) => {
    expect(nextStatus(name, from as never)).toBe(to);
  });

  test.each([
    ['hide', 'hidden'],
    ['restore', 'visible'],
    ['release', 'visible'],
    ['auto-hide', 'hidden'],
    ['withdraw', 'hidden'],
    ['approve', 'erased'],
  ] as Array<[TransitionName, string]>)('%s does not apply to a %s comment', (name, from) => {
    expect(nextStatus(name, from as never)).toBeNull();
  });

  test('nothing leads out of erasure, and nothing but a decision touches the reports', () => {
    for (const rule of Object.values(TRANSITIONS)) {
      expect(rule.to.erased).toBeUndefined();
      expect(rule.reports === 'keep-open').toBe(!rule.decision);
      for (const to of Object.values(rule.to)) expect(COMMENT_STATUSES).toContain(to);
    }
  });

  test('auto-hide and a withdrawal under review leave the comment waiting for a moderator', () => {
    expect(TRANSITIONS['auto-hide'].needsReview).toBe(true);
    expect(TRANSITIONS['withdraw-under-review'].needsReview).toBe(true);
    expect(TRANSITIONS.withdraw.needsReview).toBe(false);
  });
});

describe('withdrawalOf', () => {
  test('a plain withdrawal only for a visible comment nobody has reported', () => {
    expect(withdrawalOf('visible', 0)).toBe('withdraw');
    expect(withdrawalOf('visible', 2)).toBe('withdraw-under-review');
    expect(withdrawalOf('hidden', 0)).toBe('withdraw-under-review');
    expect(withdrawalOf('held', 0)).toBe('withdraw-under-review');
  });
});
