import { errors } from '@strapi/utils';
import { configSchema } from '../validation/settings';
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

export interface WebhooksConfig {
  /** The whole of one delivery attempt, connect to last byte: a slow receiver costs a worker this long at most. */
  timeoutMs: number;
  /** Exponential backoff with jitter between attempts, for `windowHours` after the first; then dead-lettered. */
  retry: { baseDelayMs: number; maxDelayMs: number; windowHours: number };
  /** Hosts, addresses and CIDR ranges that may be reached although not public (SSRF allow-list). */
  allowedHosts: string[];
  /** Deliveries one instance runs at once. */
  concurrency: number;
  /** How often each instance looks for outbox rows no commit hook announced (another instance crashed, a missed nudge). */
  relayIntervalMs: number;
  /** How long an attempt holds its delivery; after that (a crashed worker) it is attempted again. */
  leaseSeconds: number;
  /** pg-boss, on PostgreSQL: its own schema in the app's database, its polling and maintenance intervals. */
  queue: { schema: string; pollingSeconds: number; maintenanceSeconds: number };
}

/** A notification email's wording; `{{placeholders}}` are filled in (HTML-escaped in `html`). */
export interface NotificationTemplate {
  subject: string;
  text: string;
  html: string;
}

export interface NotificationsConfig {
  /** Admin emails alerted at once to illegal and harassment reports, and sent the digest of the open queue. */
  dutyModerators: string[];
  /** Emails one address gets at most in the period; optional notices beyond it are dropped, legal ones never. */
  perRecipient: RateLimit;
  /** How long after a full-time window opens its digest may still go out (an instance started later sends none). */
  digestGraceMinutes: number;
  /** Overrides of the default wording, by kind (rules/notification-templates.ts). */
  templates: Partial<Record<string, Partial<NotificationTemplate>>>;
}

export interface PresetReason {
  /** What the audit trail keeps. */
  label: string;
  /** What the commenter is told. */
  publicReason: string;
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
  /** The community policy's house rules as reasons the moderator picks with a number key. */
  presetReasons: PresetReason[];
  /** The comment on the site, from {articleSlug}, {articleDocumentId} and {documentId}; empty: the admin shows no link. */
  frontendCommentUrl: string;
  brigading: BrigadingRule;
  thread: { defaultPageSize: number; maxPageSize: number; inlineReplies: number };
  /** Redis for rate limits shared across instances; memory when unset. */
  redisUrl: string | null;
  webhooks: WebhooksConfig;
  notifications: NotificationsConfig;
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
  // The community policy's rules, in the order moderators most often need them.
  presetReasons: [
    { label: 'Abusive or insulting', publicReason: 'Your comment was abusive or insulting towards others.' },
    { label: 'Off-topic', publicReason: 'Your comment was not about the story under discussion.' },
    { label: 'Spam or advertising', publicReason: 'Your comment was spam or advertising.' },
    { label: 'Hate speech', publicReason: 'Your comment attacked people for who they are.' },
    { label: 'Personal information', publicReason: "Your comment shared someone's personal information." },
    {
      label: 'Potentially defamatory / legal risk',
      publicReason: 'Your comment made claims that could be defamatory or otherwise unlawful to publish.',
    },
    { label: 'Duplicate post', publicReason: 'Your comment repeated one you had already posted.' },
  ],
  frontendCommentUrl: '',
  brigading: { reports: 10, windowMinutes: 10, suspiciousShare: 0.6 },
  thread: { defaultPageSize: 25, maxPageSize: 100, inlineReplies: 3 },
  redisUrl: null,
  webhooks: {
    timeoutMs: 5000,
    retry: { baseDelayMs: 30_000, maxDelayMs: 3_600_000, windowHours: 24 },
    allowedHosts: [],
    concurrency: 4,
    relayIntervalMs: 1000,
    leaseSeconds: 60,
    queue: { schema: 'pgboss', pollingSeconds: 1, maintenanceSeconds: 30 },
  },
  notifications: {
    dutyModerators: [],
    perRecipient: { points: 10, durationSeconds: 3600 },
    digestGraceMinutes: 30,
    templates: {},
  },
};

export default {
  default: defaultConfig,
  validator(config: unknown) {
    const result = configSchema.safeParse(config);
    if (!result.success) {
      const messages = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
      throw new errors.ApplicationError(`Invalid comments plugin config: ${messages.join('; ')}`);
    }
  },
};
