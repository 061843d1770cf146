import Holidays from 'date-holidays';
import { DateTime } from 'luxon';
import type { CommentsConfig, FullTimeWindow } from '../config';

/**
 * The cover calendar: which staffing cover is in force at a moment. Full-time inside the weekly
 * windows, except on the region's public holidays and the dates a moderator added in the
 * settings; part-time at any other moment. Everything is local wall-clock time in the schedule's
 * zone, so daylight-saving changes come from the time-zone database.
 */
export type Cover = 'full-time' | 'part-time';
export type CoverSchedule = CommentsConfig['schedule'];

export interface Holiday {
  /** Local date in the schedule's zone, YYYY-MM-DD. */
  date: string;
  name: string;
  source: 'public-holiday' | 'settings';
}

export const SETTINGS_HOLIDAY_NAME = 'Added in the moderation settings';
/** How far ahead `nextChangeAt` looks: past any run of holidays a newsroom plausibly sets. */
const LOOKAHEAD_DAYS = 2 * 366;

const regionData = new Holidays();

/** `GB-SCT` → country GB, state SCT; `FR` → the whole country. */
const splitRegion = (region: string) => {
  const [country, ...state] = region.split('-');
  return { country, state: state.length ? state.join('-') : undefined };
};

/** Whether date-holidays knows the region: it would silently fall back to the country for an unknown state. */
export const isKnownRegion = (region: string): boolean => {
  const { country, state } = splitRegion(region);
  if (!country || !Object.hasOwn(regionData.getCountries(), country)) return false;
  return state === undefined || Object.hasOwn(regionData.getStates(country) ?? {}, state);
};

// Public holidays by local date, per region and year: the rules are parsed once, not per request.
const calendars = new Map<string, Map<number, Map<string, string>>>();

const publicHolidays = (region: string, year: number): Map<string, string> => {
  const years = calendars.get(region) ?? new Map<number, Map<string, string>>();
  calendars.set(region, years);
  let days = years.get(year);
  if (!days) {
    days = new Map();
    // Only days off: observances such as Mother's Day are in the data set too.
    for (const holiday of new Holidays(splitRegion(region)).getHolidays(year)) {
      const date = holiday.date.slice(0, 10);
      if (holiday.type === 'public' && !days.has(date)) days.set(date, holiday.name);
    }
    years.set(year, days);
  }
  return days;
};

/** The holiday on this local date, if any: the region's public holidays first, then the settings' dates. */
export const holidayOn = (local: DateTime, schedule: CoverSchedule): Holiday | null => {
  const date = local.toISODate() as string;
  const name = publicHolidays(schedule.holidayRegion, local.year).get(date);
  if (name) return { date, name, source: 'public-holiday' };
  return schedule.extraHolidays.includes(date) ? { date, name: SETTINGS_HOLIDAY_NAME, source: 'settings' } : null;
};

const minutesOf = (hhmm: string): number => {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return hours * 60 + minutes;
};

const inWindow = (local: DateTime, window: FullTimeWindow): boolean => {
  const minute = local.hour * 60 + local.minute;
  return window.days.includes(local.weekday) && minute >= minutesOf(window.start) && minute < minutesOf(window.end);
};

export const localTime = (moment: Date, schedule: CoverSchedule): DateTime =>
  DateTime.fromJSDate(moment).setZone(schedule.timezone);

export const coverAt = (moment: Date, schedule: CoverSchedule): Cover => {
  const local = localTime(moment, schedule);
  if (holidayOn(local, schedule)) return 'part-time';
  return schedule.fullTime.some((window) => inWindow(local, window)) ? 'full-time' : 'part-time';
};

/** Window starts and ends on one local date, in order (an end of 24:00 is the next midnight). */
const boundariesOn = (date: DateTime, schedule: CoverSchedule): DateTime[] =>
  schedule.fullTime
    .filter((window) => window.days.includes(date.weekday))
    .flatMap((window) => [window.start, window.end])
    .map((hhmm) => {
      const minutes = minutesOf(hhmm);
      return minutes >= 1440
        ? date.plus({ days: 1 })
        : date.set({ hour: Math.floor(minutes / 60), minute: minutes % 60 });
    })
    .sort((a, b) => a.toMillis() - b.toMillis());

/**
 * When the cover next changes, or null if it does not within two years. Cover only changes at a
 * window boundary (holidays start and end at midnight, where a window boundary lies if the change
 * matters), so the boundaries are tried day by day, stepping over holidays whose windows change
 * nothing.
 */
export const nextChangeAt = (moment: Date, schedule: CoverSchedule): Date | null => {
  const local = localTime(moment, schedule);
  const current = coverAt(moment, schedule);
  const today = local.startOf('day');
  for (let day = 0; day <= LOOKAHEAD_DAYS; day += 1) {
    const change = boundariesOn(today.plus({ days: day }), schedule).find(
      (boundary) => boundary > local && coverAt(boundary.toJSDate(), schedule) !== current
    );
    if (change) return change.toJSDate();
  }
  return null;
};

/**
 * When the full-time window in force at `moment` opened (local wall-clock start, as a moment), or
 * null under part-time cover: the key of "this window" for anything done once per window.
 */
export const fullTimeWindowStartAt = (moment: Date, schedule: CoverSchedule): Date | null => {
  if (coverAt(moment, schedule) !== 'full-time') return null;
  const local = localTime(moment, schedule);
  const window = schedule.fullTime.find((candidate) => inWindow(local, candidate));
  if (!window) return null;
  const start = minutesOf(window.start);
  return local.set({ hour: Math.floor(start / 60), minute: start % 60, second: 0, millisecond: 0 }).toJSDate();
};
