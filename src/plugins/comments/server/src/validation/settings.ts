import { DateTime } from 'luxon';
import { z } from 'zod';
import { CommentsConfigSchema, SettingsBody } from '../../../shared/contracts/settings';
import { isKnownRegion } from '../rules/cover-calendar';

type Schedule = { timezone?: string; holidayRegion?: string; extraHolidays?: string[] };

/** The schedule checks that need the server's calendars: a real time zone, a known holiday region, real dates. */
const checkSchedule = (schedule: Schedule | undefined, path: PropertyKey[], ctx: z.RefinementCtx) => {
  if (!schedule) return;
  if (schedule.timezone !== undefined && !DateTime.local().setZone(schedule.timezone).isValid) {
    ctx.addIssue({
      code: 'custom',
      path: [...path, 'timezone'],
      message: 'timezone must be an IANA time zone such as Europe/London',
    });
  }
  if (schedule.holidayRegion !== undefined && !isKnownRegion(schedule.holidayRegion)) {
    ctx.addIssue({
      code: 'custom',
      path: [...path, 'holidayRegion'],
      message: 'holidayRegion must be a country or country-state that date-holidays knows, such as GB-SCT',
    });
  }
  (schedule.extraHolidays ?? []).forEach((date, index) => {
    if (!DateTime.fromISO(date).isValid) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, 'extraHolidays', index],
        message: 'extraHolidays must be calendar dates, YYYY-MM-DD',
      });
    }
  });
};

/** `PUT /moderation/settings`: the shared shape, plus the calendar checks. */
export const settingsBody = SettingsBody.superRefine((value, ctx) =>
  checkSchedule(value.data.schedule, ['data', 'schedule'], ctx)
);

/** The plugin config from config/plugins.ts, checked at start-up. */
export const configSchema = CommentsConfigSchema.superRefine((value, ctx) =>
  checkSchedule(value.schedule, ['schedule'], ctx)
);
