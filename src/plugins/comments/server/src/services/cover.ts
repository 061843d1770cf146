import { DateTime } from 'luxon';
import type { CommentsConfig, FullTimeWindow } from '../config';

export type Cover = 'full-time' | 'part-time';
type Schedule = CommentsConfig['schedule'];

const minutesOf = (hhmm: string): number => {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return hours * 60 + minutes;
};

const inWindow = (local: DateTime, window: FullTimeWindow): boolean => {
  const minute = local.hour * 60 + local.minute;
  return window.days.includes(local.weekday) && minute >= minutesOf(window.start) && minute < minutesOf(window.end);
};

/** Wall-clock boundaries (window starts and ends) over the next eight local days, in order. */
const boundariesAfter = (local: DateTime, schedule: Schedule): DateTime[] => {
  const boundaries: DateTime[] = [];
  for (let day = 0; day <= 8; day += 1) {
    const date = local.startOf('day').plus({ days: day });
    for (const window of schedule.fullTime) {
      if (!window.days.includes(date.weekday)) continue;
      for (const hhmm of [window.start, window.end]) {
        const minutes = minutesOf(hhmm);
        boundaries.push(
          date
            .set({ hour: Math.floor(minutes / 60) % 24, minute: minutes % 60 })
            .plus({ days: minutes >= 1440 ? 1 : 0 })
        );
      }
    }
  }
  return boundaries.filter((boundary) => boundary > local).sort((a, b) => a.toMillis() - b.toMillis());
};

/**
 * Staffing cover: full-time inside the configured windows (local time in the schedule's zone, so
 * daylight-saving changes are handled by the time-zone database), part-time at any other moment.
 */
const cover = () => ({
  at(moment: Date, schedule: Schedule): Cover {
    const local = DateTime.fromJSDate(moment).setZone(schedule.timezone);
    return schedule.fullTime.some((window) => inWindow(local, window)) ? 'full-time' : 'part-time';
  },

  describe(moment: Date, schedule: Schedule) {
    const current = this.at(moment, schedule);
    const local = DateTime.fromJSDate(moment).setZone(schedule.timezone);
    const next = boundariesAfter(local, schedule).find(
      (boundary) => this.at(boundary.toJSDate(), schedule) !== current
    );
    return {
      cover: current,
      timezone: schedule.timezone,
      fullTime: schedule.fullTime,
      localTime: local.toISO(),
      nextChangeAt: next ? next.toUTC().toISO() : null,
    };
  },
});

export type CoverService = ReturnType<typeof cover>;
export default cover;
