import type { CommentsConfig } from '../config';
import { coverAt, holidayOn, localTime, nextChangeAt, type Cover } from '../rules/cover-calendar';

export type { Cover };
type Schedule = CommentsConfig['schedule'];

/** Staffing cover as the services and answers need it; the calendar itself is rules/cover-calendar.ts. */
const cover = () => ({
  at(moment: Date, schedule: Schedule): Cover {
    return coverAt(moment, schedule);
  },

  describe(moment: Date, schedule: Schedule) {
    const local = localTime(moment, schedule);
    const next = nextChangeAt(moment, schedule);
    return {
      cover: coverAt(moment, schedule),
      timezone: schedule.timezone,
      fullTime: schedule.fullTime,
      holidayRegion: schedule.holidayRegion,
      holiday: holidayOn(local, schedule),
      localTime: local.toISO(),
      nextChangeAt: next ? next.toISOString() : null,
    };
  },
});

export type CoverService = ReturnType<typeof cover>;
export default cover;
