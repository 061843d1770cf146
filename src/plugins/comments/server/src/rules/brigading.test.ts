import { isSuspectedBrigading } from './brigading';
import type { ReporterStanding } from './reporting';

const RULE = { reports: 10, windowMinutes: 10, suspiciousShare: 0.6 };
const many = (count: number, standing: ReporterStanding) => Array.from({ length: count }, () => standing);

describe('isSuspectedBrigading', () => {
  test('ten reports in the window from day-old accounts are a suspected brigade', () => {
    expect(isSuspectedBrigading(many(10, 'new-account'), RULE)).toBe(true);
  });

  test('fewer reports than the rule asks for are not', () => {
    expect(isSuspectedBrigading(many(9, 'new-account'), RULE)).toBe(false);
  });

  test('a burst mostly from subscribers is readers’ judgement, not a brigade', () => {
    expect(isSuspectedBrigading([...many(7, 'subscriber'), ...many(3, 'new-account')], RULE)).toBe(false);
  });

  test('non-subscribers count as suspicious even with established accounts', () => {
    expect(isSuspectedBrigading([...many(4, 'subscriber'), ...many(6, 'established')], RULE)).toBe(true);
  });
});
