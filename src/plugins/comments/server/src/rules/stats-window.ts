const DAY = 24 * 60 * 60 * 1000;

/** One sample of the open-items series: a UTC day and the moment it is counted at. */
export interface SamplePoint {
  day: string;
  at: Date;
}

/**
 * The dashboard's window of `days` UTC days, today included: it starts at midnight UTC `days - 1`
 * days ago. Open items are sampled at the end of each day (the next midnight), today's at `now`,
 * so the last point agrees with the queue counts the moderators see.
 */
export const dashboardWindow = (now: Date, days: number): { from: Date; to: Date; points: SamplePoint[] } => {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const from = new Date(today - (days - 1) * DAY);
  const points = Array.from({ length: days }, (_, index) => {
    const start = from.getTime() + index * DAY;
    return { day: new Date(start).toISOString().slice(0, 10), at: new Date(Math.min(start + DAY, now.getTime())) };
  });
  return { from, to: now, points };
};
