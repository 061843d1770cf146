import { defaultConfig } from '../config';
import {
  SETTINGS_HOLIDAY_NAME,
  coverAt,
  fullTimeWindowStartAt,
  holidayOn,
  isKnownRegion,
  localTime,
  nextChangeAt,
} from './cover-calendar';

const scotland = defaultConfig.schedule;
const england = { ...scotland, holidayRegion: 'GB-ENG' };
const withExtra = (...extraHolidays: string[]) => ({ ...scotland, extraHolidays });
const allDay = (extraHolidays: string[] = []) => ({
  ...scotland,
  fullTime: [{ days: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '24:00' }],
  extraHolidays,
});
const next = (moment: string, schedule = scotland) => nextChangeAt(new Date(moment), schedule)?.toISOString() ?? null;

describe('the default calendar is Scotland’s', () => {
  test('region GB-SCT in Europe/London, no extra dates', () => {
    expect(scotland).toMatchObject({ timezone: 'Europe/London', holidayRegion: 'GB-SCT', extraHolidays: [] });
  });

  test.each([
    ['Christmas Day 2026 (Friday) at noon', '2026-12-25T12:00:00Z', 'part-time'],
    ['St Andrew’s Day 2026 (Monday) at noon', '2026-11-30T12:00:00Z', 'part-time'],
    ['2 January 2026 (Friday, Scotland only) at noon', '2026-01-02T12:00:00Z', 'part-time'],
    ['Boxing Day’s substitute, Monday 28 December 2026, at noon', '2026-12-28T12:00:00Z', 'part-time'],
    ['Easter Monday 2026 at noon (a bank holiday in England, not in Scotland)', '2026-04-06T11:00:00Z', 'full-time'],
    ['an ordinary Wednesday at noon', '2026-11-25T12:00:00Z', 'full-time'],
    ['Christmas Eve 2026 (Thursday) at noon', '2026-12-24T12:00:00Z', 'full-time'],
  ])('%s (%s) is %s cover', (_, moment, expected) => {
    expect(coverAt(new Date(moment), scotland)).toBe(expected);
  });

  test('holidays carry their name and source', () => {
    expect(holidayOn(localTime(new Date('2026-12-25T12:00:00Z'), scotland), scotland)).toEqual({
      date: '2026-12-25',
      name: 'Christmas Day',
      source: 'public-holiday',
    });
    expect(holidayOn(localTime(new Date('2026-11-30T12:00:00Z'), scotland), scotland)?.name).toMatch(/St Andrew/);
    expect(holidayOn(localTime(new Date('2026-11-25T12:00:00Z'), scotland), scotland)).toBeNull();
  });
});

describe('another region', () => {
  test('England: 2 January is a working day, Easter Monday a holiday', () => {
    expect(coverAt(new Date('2026-01-02T12:00:00Z'), england)).toBe('full-time');
    expect(coverAt(new Date('2026-04-06T11:00:00Z'), england)).toBe('part-time');
  });

  test('observances are not days off: Mother’s Day (Sunday 15 March 2026) with a seven-day schedule', () => {
    expect(coverAt(new Date('2026-03-15T12:00:00Z'), allDay())).toBe('full-time');
  });

  test.each([
    ['GB-SCT', true],
    ['GB', true],
    ['DE-BY', true],
    ['GB-XXX', false],
    ['XX', false],
    ['gb-sct', false],
    ['', false],
  ])('region %j known: %s', (region, known) => {
    expect(isKnownRegion(region)).toBe(known);
  });
});

describe('dates added in the settings', () => {
  test('a settings-added date is part-time, named as such', () => {
    expect(coverAt(new Date('2026-12-24T12:00:00Z'), withExtra('2026-12-24'))).toBe('part-time');
    const local = localTime(new Date('2026-12-24T12:00:00Z'), scotland);
    expect(holidayOn(local, withExtra('2026-12-24'))).toEqual({
      date: '2026-12-24',
      name: SETTINGS_HOLIDAY_NAME,
      source: 'settings',
    });
  });

  test('they are local dates in the schedule’s zone: in summer the day starts at 23:00 UTC', () => {
    const schedule = allDay(['2026-07-15']);
    expect(coverAt(new Date('2026-07-14T22:59:00Z'), schedule)).toBe('full-time');
    expect(coverAt(new Date('2026-07-14T23:00:00Z'), schedule)).toBe('part-time');
    expect(coverAt(new Date('2026-07-15T22:59:00Z'), schedule)).toBe('part-time');
    expect(coverAt(new Date('2026-07-15T23:00:00Z'), schedule)).toBe('full-time');
  });
});

describe('daylight-saving changes', () => {
  test.each([
    ['Wednesday 10:00 GMT', '2026-11-25T10:00:00Z', 'full-time'],
    ['Wednesday 18:00 GMT (end is exclusive)', '2026-11-25T18:00:00Z', 'part-time'],
    ['Saturday 10:00', '2026-11-28T10:00:00Z', 'part-time'],
    ['Monday after the March change, 09:30 BST', '2026-03-30T08:30:00Z', 'full-time'],
    ['Monday after the March change, 08:30 BST', '2026-03-30T07:30:00Z', 'part-time'],
    ['Monday after the March change, 17:30 BST', '2026-03-30T16:30:00Z', 'full-time'],
    ['Monday after the March change, 18:30 BST', '2026-03-30T17:30:00Z', 'part-time'],
    ['Monday after the October change, 09:30 GMT', '2026-10-26T09:30:00Z', 'full-time'],
    ['Monday after the October change, 08:30 GMT', '2026-10-26T08:30:00Z', 'part-time'],
    ['Friday before the March change, 09:30 GMT', '2026-03-27T09:30:00Z', 'full-time'],
  ])('%s (%s) is %s cover', (_, moment, expected) => {
    expect(coverAt(new Date(moment), scotland)).toBe(expected);
  });

  test('the next change after the March weekend is 09:00 BST, 08:00 UTC', () => {
    expect(next('2026-03-27T18:00:00Z')).toBe('2026-03-30T08:00:00.000Z');
  });

  test('the next change after the October weekend is 09:00 GMT', () => {
    expect(next('2026-10-23T17:00:00Z')).toBe('2026-10-26T09:00:00.000Z');
  });
});

describe('the next change', () => {
  test('inside a window, its end', () => {
    expect(next('2026-12-24T12:00:00Z')).toBe('2026-12-24T18:00:00.000Z');
  });

  test('skips over Christmas, the weekend and Boxing Day’s substitute to Tuesday 29 December', () => {
    expect(next('2026-12-24T18:00:00Z')).toBe('2026-12-29T09:00:00.000Z');
    expect(next('2026-12-25T12:00:00Z')).toBe('2026-12-29T09:00:00.000Z');
  });

  test('skips over St Andrew’s Day from the weekend before', () => {
    expect(next('2026-11-28T10:00:00Z')).toBe('2026-12-01T09:00:00.000Z');
  });

  test('skips over a settings-added date', () => {
    const schedule = withExtra('2026-11-26', '2026-11-27');
    expect(next('2026-11-25T18:00:00Z', schedule)).toBe('2026-12-01T09:00:00.000Z');
  });

  test('with round-the-clock cover, holidays begin and end at local midnight', () => {
    expect(next('2026-12-24T12:00:00Z', allDay())).toBe('2026-12-25T00:00:00.000Z');
    expect(next('2026-12-25T12:00:00Z', allDay())).toBe('2026-12-27T00:00:00.000Z');
    expect(next('2026-12-27T12:00:00Z', allDay())).toBe('2026-12-28T00:00:00.000Z');
  });

  test('none without any full-time window', () => {
    expect(next('2026-11-25T12:00:00Z', { ...scotland, fullTime: [] })).toBeNull();
  });
});

describe('the start of the full-time window in force', () => {
  test('is the window’s local start on that day, in the schedule’s zone', () => {
    expect(fullTimeWindowStartAt(new Date('2026-11-25T12:34:00Z'), scotland)?.toISOString()).toBe(
      '2026-11-25T09:00:00.000Z'
    );
    // British Summer Time: 09:00 local is 08:00 UTC.
    expect(fullTimeWindowStartAt(new Date('2026-06-10T08:00:00Z'), scotland)?.toISOString()).toBe(
      '2026-06-10T08:00:00.000Z'
    );
  });

  test('is null under part-time cover: at night, at weekends, on holidays', () => {
    expect(fullTimeWindowStartAt(new Date('2026-11-25T02:00:00Z'), scotland)).toBeNull();
    expect(fullTimeWindowStartAt(new Date('2026-11-28T12:00:00Z'), scotland)).toBeNull();
    expect(fullTimeWindowStartAt(new Date('2026-12-25T12:00:00Z'), scotland)).toBeNull();
  });
});
