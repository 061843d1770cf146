import { errors } from '@strapi/utils';
import { configSchema } from '../validation/config';
import type { AutoHideRule } from '../rules/auto-hide';
import type { BrigadingRule } from '../rules/brigading';
import type { ReportTrustRule } from '../rules/reporting';

export interface FullTimeWindow {
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  days: number[];
  /** Local wall-clock time in the schedule's timezone, HH:mm. */
  start: string;
  end: string;
}

export interface RateLimit {
  points: number;
  durationSeconds: number;
}

export interface CommentsConfig {
  /** Content types readers may comment on; each must have `commenting`, `commentsCloseAt` and `moderationRisk`. */
  commentableTypes: string[];
  body: { minLength: number; maxLength: number };
  displayName: { minLength: number; maxLength: number };
  reportNoteMaxLength: number;
  editWindowMinutes: number;
  /** Identical posts by one author within this window are flagged for review. */
  repeatWindowMinutes: number;
  words: { banned: string[]; suspect: string[]; flagProfanity: boolean };
  rateLimits: { post: RateLimit; report: RateLimit };
  schedule: {
    timezone: string;
    fullTime: FullTimeWindow[];
    /** Whose public holidays are part-time cover: a date-holidays country, or country-state (`GB-SCT`). */
    holidayRegion: string;
    /** Further part-time days a moderator adds, local dates (YYYY-MM-DD) in `timezone`. */
    extraHolidays: string[];
  };
  autoHide: AutoHideRule;
  reportTrust: ReportTrustRule;
  brigading: BrigadingRule;
  thread: { defaultPageSize: number; maxPageSize: number; inlineReplies: number };
  /** Redis for rate limits shared across instances; memory when unset. */
  redisUrl: string | null;
}

export const defaultConfig: CommentsConfig = {
  commentableTypes: ['api::article.article'],
  body: { minLength: 1, maxLength: 2000 },
  displayName: { minLength: 2, maxLength: 40 },
  reportNoteMaxLength: 1000,
  editWindowMinutes: 15,
  repeatWindowMinutes: 60,
  words: { banned: [], suspect: [], flagProfanity: true },
  rateLimits: {
    post: { points: 5, durationSeconds: 60 },
    report: { points: 30, durationSeconds: 3600 },
  },
  schedule: {
    timezone: 'Europe/London',
    fullTime: [{ days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' }],
    // The paper is Scottish: its bank holidays (2 January, St Andrew's Day) differ from England's.
    holidayRegion: 'GB-SCT',
    extraHolidays: [],
  },
  // Trusted reports (since the last moderator decision) that hide a comment pending review;
  // twice as many once a moderator has reviewed it.
  autoHide: { fullTime: 5, partTime: 3, afterReviewFactor: 2 },
  reportTrust: { trustedAccountAgeDays: 7 },
  brigading: { reports: 10, windowMinutes: 10, suspiciousShare: 0.6 },
  thread: { defaultPageSize: 25, maxPageSize: 100, inlineReplies: 3 },
  redisUrl: null,
};

export default {
  default: defaultConfig,
  validator(config: unknown) {
    try {
      configSchema.validateSync(config, { strict: true, abortEarly: false });
    } catch (error) {
      const messages =
        error instanceof Error && 'errors' in error ? (error as { errors: string[] }).errors : [String(error)];
      throw new errors.ApplicationError(`Invalid comments plugin config: ${messages.join('; ')}`);
    }
  },
};
