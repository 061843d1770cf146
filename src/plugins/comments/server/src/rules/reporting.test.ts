import { isTrustedStanding, reportRefusal, reporterStanding, type ReporterFacts } from './reporting';

const NOW = new Date('2026-12-03T12:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);
const reader = (overrides: Partial<ReporterFacts> = {}): ReporterFacts => ({
  blocked: false,
  confirmed: true,
  sanction: 'none',
  activeSubscriber: false,
  accountCreatedAt: daysAgo(30),
  ...overrides,
});
const RULE = { trustedAccountAgeDays: 7 };

describe('reportRefusal', () => {
  test.each([
    [{ blocked: true }, 'ACCOUNT_BLOCKED'],
    [{ confirmed: false }, 'ACCOUNT_UNCONFIRMED'],
    [{ sanction: 'banned' as const }, 'REPORTER_BANNED'],
    [{ sanction: 'suspended' as const }, 'REPORTER_SUSPENDED'],
    [{ sanction: 'banned' as const, activeSubscriber: true }, 'REPORTER_BANNED'],
  ])('%p is refused with %s', (overrides, code) => {
    expect(reportRefusal(reader(overrides))).toBe(code);
  });

  test('any other confirmed reader may report, subscriber or not, however new', () => {
    expect(reportRefusal(reader())).toBeNull();
    expect(reportRefusal(reader({ accountCreatedAt: NOW }))).toBeNull();
    expect(reportRefusal(reader({ activeSubscriber: true }))).toBeNull();
  });
});

describe('reporterStanding and trust', () => {
  test('an active subscriber is trusted whatever the account age', () => {
    const standing = reporterStanding(reader({ activeSubscriber: true, accountCreatedAt: NOW }), NOW, RULE);
    expect(standing).toBe('subscriber');
    expect(isTrustedStanding(standing)).toBe(true);
  });

  test('a non-subscriber is trusted from the configured account age on', () => {
    expect(reporterStanding(reader({ accountCreatedAt: daysAgo(7) }), NOW, RULE)).toBe('established');
    expect(reporterStanding(reader({ accountCreatedAt: daysAgo(6.9) }), NOW, RULE)).toBe('new-account');
    expect(isTrustedStanding('established')).toBe(true);
    expect(isTrustedStanding('new-account')).toBe(false);
  });

  test('the age is configurable', () => {
    expect(reporterStanding(reader({ accountCreatedAt: daysAgo(1) }), NOW, { trustedAccountAgeDays: 0 })).toBe(
      'established'
    );
  });
});
