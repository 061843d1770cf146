import { APPEAL_OUTCOMES, appealAuditAction, reversalOf } from './appeals';

describe('reversalOf', () => {
  test('a hidden or removed comment is restored', () => {
    expect(reversalOf({ action: 'hide', actorType: 'moderator' })).toBe('restore');
    expect(reversalOf({ action: 'remove', actorType: 'moderator' })).toBe('restore');
  });

  test('an amendment is reverted to the original body', () => {
    expect(reversalOf({ action: 'amend', actorType: 'moderator' })).toBe('revert-amendment');
  });

  test('a suspension or ban is lifted', () => {
    expect(reversalOf({ action: 'commenter-suspend', actorType: 'moderator' })).toBe('reinstate');
    expect(reversalOf({ action: 'commenter-ban', actorType: 'moderator' })).toBe('reinstate');
  });

  test('decisions in the commenter’s favour and non-decisions are not appealable', () => {
    for (const action of ['approve', 'restore', 'release', 'commenter-reinstate', 'withdrawn', 'appeal-upheld'])
      expect(reversalOf({ action, actorType: 'moderator' })).toBeNull();
  });

  test('only a moderator’s decision is appealable, not the system’s auto-hide or the author’s own act', () => {
    expect(reversalOf({ action: 'auto-hidden', actorType: 'system' })).toBeNull();
    expect(reversalOf({ action: 'hide', actorType: 'system' })).toBeNull();
    expect(reversalOf({ action: 'hide', actorType: 'author' })).toBeNull();
  });
});

test('each outcome and the filing has its own audit action', () => {
  expect(APPEAL_OUTCOMES.map(appealAuditAction)).toEqual(['appeal-upheld', 'appeal-dismissed']);
  expect(appealAuditAction('filed')).toBe('appeal-filed');
});
