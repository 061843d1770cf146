import { dashboardWindow } from './stats-window';

describe('dashboardWindow', () => {
  const now = new Date('2026-03-29T10:30:00Z');

  test('starts at midnight UTC, today included, and samples each day at its end', () => {
    const window = dashboardWindow(now, 7);
    expect(window.from.toISOString()).toBe('2026-03-23T00:00:00.000Z');
    expect(window.to).toEqual(now);
    expect(window.points.map((point) => point.day)).toEqual([
      '2026-03-23',
      '2026-03-24',
      '2026-03-25',
      '2026-03-26',
      '2026-03-27',
      '2026-03-28',
      '2026-03-29',
    ]);
    expect(window.points[0].at.toISOString()).toBe('2026-03-24T00:00:00.000Z');
  });

  test("today's point is now, not the coming midnight", () => {
    const { points } = dashboardWindow(now, 30);
    expect(points).toHaveLength(30);
    expect(points[points.length - 1]).toEqual({ day: '2026-03-29', at: now });
  });

  test('a window of one day is today alone', () => {
    expect(dashboardWindow(new Date('2026-01-01T00:00:00Z'), 1)).toEqual({
      from: new Date('2026-01-01T00:00:00Z'),
      to: new Date('2026-01-01T00:00:00Z'),
      points: [{ day: '2026-01-01', at: new Date('2026-01-01T00:00:00Z') }],
    });
  });
});
