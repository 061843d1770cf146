import { nextAttemptAt, retryDelayMs, type RetryPolicy } from './backoff';

const policy: RetryPolicy = { baseDelayMs: 1000, maxDelayMs: 60_000, windowMs: 24 * 3600_000 };

describe('retryDelayMs', () => {
  test('doubles with each attempt, jittered between half the step and the step', () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, policy, 0))).toEqual([500, 1000, 2000, 4000]);
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, policy, 0.999999))).toEqual([1000, 2000, 4000, 8000]);
  });

  test('never waits longer than the cap, however many attempts', () => {
    expect(retryDelayMs(10, policy, 0.999999)).toBe(60_000);
    expect(retryDelayMs(10_000, policy, 0.5)).toBe(45_000);
  });
});

describe('nextAttemptAt', () => {
  const first = new Date('2026-01-01T00:00:00Z');

  test('schedules the retry after the jittered delay', () => {
    const now = new Date('2026-01-01T00:00:10Z');
    expect(nextAttemptAt(2, first, now, policy, 0)?.toISOString()).toBe('2026-01-01T00:00:11.000Z');
  });

  test('gives up once the next try would fall outside the window', () => {
    const late = new Date(first.getTime() + policy.windowMs - 10_000);
    expect(nextAttemptAt(30, first, late, policy, 0)).toBeNull();
    expect(nextAttemptAt(30, first, new Date(first.getTime() + policy.windowMs - 60_000), policy, 0)).not.toBeNull();
  });

  test('a full day of retries with the defaults is a bounded number of attempts', () => {
    const defaults: RetryPolicy = { baseDelayMs: 30_000, maxDelayMs: 3600_000, windowMs: 24 * 3600_000 };
    let now = first;
    let attempt = 1;
    for (;;) {
      const next = nextAttemptAt(attempt, first, now, defaults, 1 - Number.EPSILON);
      if (!next) break;
      now = next;
      attempt += 1;
    }
    expect(attempt).toBeGreaterThan(20);
    expect(attempt).toBeLessThan(40);
    expect(now.getTime() - first.getTime()).toBeLessThanOrEqual(defaults.windowMs);
  });
});
