import { z } from 'zod';
import { single } from './common';
import { WebhooksConfigSchema } from './webhooks';

/*
 * The moderation settings: the plugin's config (config/plugins.ts and the plugin defaults) and
 * the overrides moderators store from the admin. The server adds the checks that need its
 * libraries (time zones, holiday regions) on top of these shapes (server/src/validation/settings.ts).
 */

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const int = (min: number, max: number) => z.number().int().min(min).max(max);

const RateLimit = z.strictObject({ points: int(1, 100000), durationSeconds: int(1, 86400 * 7) });

const FullTimeWindow = z
  .strictObject({
    days: z.array(int(1, 7)).min(1).meta({ description: 'ISO weekdays, 1 = Monday … 7 = Sunday' }),
    start: z.string().regex(HH_MM, 'start must be HH:mm'),
    end: z.string().regex(HH_MM, 'end must be HH:mm'),
  })
  .refine((window) => window.end > window.start, { message: 'end must be after start', path: ['end'] });

const WordList = z.array(z.string().trim().min(1).max(80)).max(2000);

/** The kinds of notification email; each has default wording the settings may override. */
export const NOTIFICATION_KINDS = [
  'moderation-notice',
  'reply',
  'report-outcome',
  'complaint-outcome',
  'duty-alert',
  'duty-digest',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

const TemplateText = z.string().min(1).max(20000);
const NotificationTemplate = z.strictObject({
  subject: TemplateText.max(200),
  text: TemplateText,
  html: TemplateText,
});

/** A kind's default wording and the placeholders it uses: what the settings' template editor starts from. */
export const NotificationTemplateDefaults = z
  .strictObject({
    kind: z.enum(NOTIFICATION_KINDS),
    defaults: NotificationTemplate,
    placeholders: z.array(z.string()).meta({ description: 'The {{placeholders}} the default wording uses' }),
  })
  .meta({ id: 'NotificationTemplateDefaults' });
export type NotificationTemplateDefaults = z.infer<typeof NotificationTemplateDefaults>;
export const NotificationTemplatesResponse = z
  .strictObject({ data: z.array(NotificationTemplateDefaults) })
  .meta({ id: 'NotificationTemplatesResponse' });
export type NotificationTemplatesResponse = z.infer<typeof NotificationTemplatesResponse>;

/** Preset reasons the reason dialog offers (number keys 1–9 pick the first nine). */
export const MAX_PRESET_REASONS = 20;

/** A house rule as a one-key reason: `label` goes to the audit trail, `publicReason` to the commenter. */
export const PresetReason = z
  .strictObject({ label: z.string().trim().min(1).max(120), publicReason: z.string().trim().min(1).max(500) })
  .meta({ id: 'PresetReason' });
export type PresetReason = z.infer<typeof PresetReason>;

/** What the frontend link to a comment may contain: the story's slug and documentId, the comment's documentId. */
export const COMMENT_URL_PLACEHOLDERS = ['articleSlug', 'articleDocumentId', 'documentId'] as const;
export type CommentUrlPlaceholder = (typeof COMMENT_URL_PLACEHOLDERS)[number];

/** Why a frontend comment URL pattern is unusable, or null when it is fine (the empty pattern means no link). */
export const commentUrlPatternProblem = (pattern: string): string | null => {
  if (pattern === '') return null;
  const unknown = [...pattern.matchAll(/\{([^{}]*)\}/g)]
    .map((match) => match[1])
    .filter((name) => !(COMMENT_URL_PLACEHOLDERS as readonly string[]).includes(name));
  if (unknown.length > 0)
    return `unknown placeholder {${unknown[0]}}: use ${COMMENT_URL_PLACEHOLDERS.map((name) => `{${name}}`).join(', ')}`;
  if (!pattern.includes('{documentId}')) return 'the pattern must contain {documentId}, the comment';
  try {
    const url = new URL(pattern.replace(/\{[a-zA-Z]+\}/g, 'x'));
    return url.protocol === 'https:' || url.protocol === 'http:' ? null : 'the pattern must be an http(s) URL';
  } catch {
    return 'the pattern must be an http(s) URL such as https://www.example.com/{articleSlug}#comment-{documentId}';
  }
};

const CommentUrlPattern = z
  .string()
  .trim()
  .max(500)
  .superRefine((pattern, ctx) => {
    const problem = commentUrlPatternProblem(pattern);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .meta({
    description: `The comment on the site, e.g. https://www.example.com/{articleSlug}#comment-{documentId}; placeholders ${COMMENT_URL_PLACEHOLDERS.map((name) => `{${name}}`).join(', ')}; empty: no link`,
  });

/** A year's worth of extra days off; the list is read on every cover decision. */
export const MAX_EXTRA_HOLIDAYS = 366;

/** What a moderator may override from the admin, each part with its bounds. */
export const overridableShape = {
  editWindowMinutes: int(0, 24 * 60),
  repeatWindowMinutes: int(0, 7 * 24 * 60),
  words: z.strictObject({ banned: WordList, suspect: WordList, flagProfanity: z.boolean() }),
  rateLimits: z.strictObject({ post: RateLimit, report: RateLimit }),
  schedule: z.strictObject({
    timezone: z.string().meta({ description: 'An IANA time zone such as Europe/London' }),
    fullTime: z.array(FullTimeWindow).max(14),
    holidayRegion: z.string().meta({ description: 'A date-holidays country or country-state, such as GB-SCT' }),
    extraHolidays: z
      .array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'extraHolidays must be calendar dates, YYYY-MM-DD'))
      .max(MAX_EXTRA_HOLIDAYS),
  }),
  autoHide: z.strictObject({
    fullTime: int(1, 1000).meta({ description: 'Trusted reports that hide a comment under full-time cover' }),
    partTime: int(1, 1000),
    afterReviewFactor: int(1, 10).meta({ description: 'Multiplier once a moderator has cleared the comment' }),
  }),
  reportTrust: z.strictObject({ trustedAccountAgeDays: int(0, 3650) }),
  presetReasons: z
    .array(PresetReason)
    .max(MAX_PRESET_REASONS)
    .meta({ description: 'The house rules as reasons a moderator picks with a number key' }),
  frontendCommentUrl: CommentUrlPattern,
  brigading: z.strictObject({
    reports: int(2, 10000),
    windowMinutes: int(1, 7 * 24 * 60),
    suspiciousShare: z.number().min(0).max(1),
  }),
  notifications: z.strictObject({
    dutyModerators: z.array(z.email()).max(50).meta({ description: 'Admin emails alerted to urgent reports' }),
    perRecipient: RateLimit.meta({ description: 'Emails one address gets at most per period (legal notices always go)' }),
    digestGraceMinutes: int(1, 24 * 60),
    templates: z
      .partialRecord(z.enum(NOTIFICATION_KINDS), NotificationTemplate.partial())
      .meta({ description: 'Wording by kind, with {{placeholders}}; a part left out keeps the default' }),
  }),
};

/** Overrides: any part, at any depth, may be left out (the configured value stays). */
export const SettingsOverrides = z
  .strictObject({
    editWindowMinutes: overridableShape.editWindowMinutes,
    repeatWindowMinutes: overridableShape.repeatWindowMinutes,
    words: overridableShape.words.partial(),
    rateLimits: overridableShape.rateLimits.partial(),
    schedule: overridableShape.schedule.partial(),
    autoHide: overridableShape.autoHide.partial(),
    reportTrust: overridableShape.reportTrust.partial(),
    presetReasons: overridableShape.presetReasons,
    frontendCommentUrl: overridableShape.frontendCommentUrl,
    brigading: overridableShape.brigading.partial(),
    notifications: overridableShape.notifications.partial(),
  })
  .partial()
  .meta({ id: 'SettingsOverrides' });
export type SettingsOverrides = z.infer<typeof SettingsOverrides>;

export const SettingsBody = z.strictObject({ data: SettingsOverrides }).meta({ id: 'SettingsBody' });

/** The whole plugin config as config/plugins.ts may give it. */
export const CommentsConfigSchema = z
  .strictObject({
    ...overridableShape,
    commentableTypes: z.array(z.string()).min(1),
    body: z.strictObject({ minLength: z.number().int().min(1), maxLength: int(1, 20000) }),
    displayName: z.strictObject({ minLength: z.number().int().min(1), maxLength: z.number().int().max(100) }),
    reportNoteMaxLength: int(1, 10000),
    thread: z.strictObject({
      defaultPageSize: int(1, 100),
      maxPageSize: int(1, 100),
      inlineReplies: int(0, 20),
    }),
    redisUrl: z.string().nullable(),
    webhooks: WebhooksConfigSchema,
  })
  .partial();

/** The settings as the admin reads them: the Redis URL (which may hold a password) described, not given. */
export const PublicSettings = z
  .strictObject({
    ...overridableShape,
    commentableTypes: z.array(z.string()),
    body: z.strictObject({ minLength: z.number().int(), maxLength: z.number().int() }),
    displayName: z.strictObject({ minLength: z.number().int(), maxLength: z.number().int() }),
    reportNoteMaxLength: z.number().int(),
    thread: z.strictObject({
      defaultPageSize: z.number().int(),
      maxPageSize: z.number().int(),
      inlineReplies: z.number().int(),
    }),
    redis: z.strictObject({ configured: z.boolean(), host: z.string().optional() }),
  })
  .meta({ id: 'PublicSettings' });
export type PublicSettings = z.infer<typeof PublicSettings>;

export const SettingsResponse = single(
  z.strictObject({ settings: PublicSettings, defaults: PublicSettings, overrides: SettingsOverrides })
).meta({ id: 'SettingsResponse' });
export type SettingsResponse = z.infer<typeof SettingsResponse>;
