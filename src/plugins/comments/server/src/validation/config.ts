import { yup } from '@strapi/utils';
import { DateTime } from 'luxon';
import { isKnownRegion } from '../rules/cover-calendar';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

const rateLimit = yup
  .object({
    points: yup.number().integer().min(1).max(100000).required(),
    durationSeconds: yup
      .number()
      .integer()
      .min(1)
      .max(86400 * 7)
      .required(),
  })
  .noUnknown();

const window = yup
  .object({
    days: yup.array().of(yup.number().integer().min(1).max(7).required()).min(1).required(),
    start: yup.string().matches(HH_MM, 'start must be HH:mm').required(),
    end: yup
      .string()
      .matches(HH_MM, 'end must be HH:mm')
      .required()
      .test('after-start', 'end must be after start', function afterStart(end) {
        return typeof end === 'string' && typeof this.parent.start === 'string' && end > this.parent.start;
      }),
  })
  .noUnknown();

const wordList = yup.array().of(yup.string().trim().min(1).max(80).required()).max(2000);

/** A year's worth of extra days off; the list is read on every cover decision. */
const MAX_EXTRA_HOLIDAYS = 366;
const localDate = yup
  .string()
  .required()
  .test(
    'local-date',
    'extraHolidays must be calendar dates, YYYY-MM-DD',
    (date) => typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) && DateTime.fromISO(date).isValid
  );

/** The parts of the config a moderator may override from the admin settings route. */
export const settingsShape = {
  editWindowMinutes: yup
    .number()
    .integer()
    .min(0)
    .max(24 * 60),
  repeatWindowMinutes: yup
    .number()
    .integer()
    .min(0)
    .max(7 * 24 * 60),
  words: yup.object({ banned: wordList, suspect: wordList, flagProfanity: yup.boolean() }).noUnknown(),
  rateLimits: yup.object({ post: rateLimit, report: rateLimit }).noUnknown(),
  schedule: yup
    .object({
      timezone: yup.string().test(
        'timezone',
        'timezone must be an IANA time zone such as Europe/London',
        // Left out, the configured zone stays: an override may set only the extra holidays.
        (zone) => zone === undefined || (typeof zone === 'string' && DateTime.local().setZone(zone).isValid)
      ),
      fullTime: yup.array().of(window).max(14),
      holidayRegion: yup
        .string()
        .test(
          'holiday-region',
          'holidayRegion must be a country or country-state that date-holidays knows, such as GB-SCT',
          (region) => region === undefined || isKnownRegion(region)
        ),
      extraHolidays: yup.array().of(localDate).max(MAX_EXTRA_HOLIDAYS),
    })
    .noUnknown(),
  autoHide: yup
    .object({
      fullTime: yup.number().integer().min(1).max(1000),
      partTime: yup.number().integer().min(1).max(1000),
      afterReviewFactor: yup.number().integer().min(1).max(10),
    })
    .noUnknown(),
  reportTrust: yup.object({ trustedAccountAgeDays: yup.number().integer().min(0).max(3650) }).noUnknown(),
  brigading: yup
    .object({
      reports: yup.number().integer().min(2).max(10000),
      windowMinutes: yup
        .number()
        .integer()
        .min(1)
        .max(7 * 24 * 60),
      suspiciousShare: yup.number().min(0).max(1),
    })
    .noUnknown(),
};

export const configSchema = yup
  .object({
    ...settingsShape,
    commentableTypes: yup.array().of(yup.string().required()).min(1),
    body: yup
      .object({ minLength: yup.number().integer().min(1), maxLength: yup.number().integer().min(1).max(20000) })
      .noUnknown(),
    displayName: yup
      .object({ minLength: yup.number().integer().min(1), maxLength: yup.number().integer().max(100) })
      .noUnknown(),
    reportNoteMaxLength: yup.number().integer().min(1).max(10000),
    thread: yup
      .object({
        defaultPageSize: yup.number().integer().min(1).max(100),
        maxPageSize: yup.number().integer().min(1).max(100),
        inlineReplies: yup.number().integer().min(0).max(20),
      })
      .noUnknown(),
    redisUrl: yup.string().nullable(),
  })
  .noUnknown();
