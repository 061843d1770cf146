/**
 * When a failed webhook delivery is tried again: exponential backoff with full jitter (a random
 * delay between half the exponential step and the whole of it, so many endpoints failing at once
 * do not retry in lockstep), capped, for a bounded window counted from the first attempt; after
 * that the delivery is dead-lettered.
 */
export interface RetryPolicy {
  /** The first retry's delay before jitter. */
  baseDelayMs: number;
  /** No single wait longer than this. */
  maxDelayMs: number;
  /** How long after the first attempt retries stop. */
  windowMs: number;
}

/** The wait after attempt `attempt` (1 = the first attempt) failed; `random` in [0, 1). */
export const retryDelayMs = (attempt: number, policy: RetryPolicy, random: number): number => {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(attempt - 1, 30));
  return Math.round(step / 2 + (step / 2) * random);
};

/** When to try again after attempt `attempt` failed at `now`, or null: the window is over, dead-letter it. */
export const nextAttemptAt = (
  attempt: number,
  firstAttemptAt: Date,
  now: Date,
  policy: RetryPolicy,
  random: number
): Date | null => {
  const at = new Date(now.getTime() + retryDelayMs(attempt, policy, random));
  return at.getTime() - firstAttemptAt.getTime() > policy.windowMs ? null : at;
};
