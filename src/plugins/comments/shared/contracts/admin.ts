import { z } from 'zod';
import { DateOnly, DateTime, DocumentId, IsoDateTimeInput, paginated, positiveInt, single } from './common';
import { CoverState, FigureConsistency } from './content-api';
import {
  ACTOR_TYPES,
  APPEAL_OUTCOMES,
  APPEAL_STATES,
  BULK_ACTIONS,
  COMMENT_STATUSES,
  COMPLAINT_OUTCOMES,
  COUNTED_QUEUES,
  MODERATION_ACTIONS,
  QUEUES,
  QUEUE_SORTS,
  QUEUE_TRUST,
  REPORT_REASONS,
  REPORT_STATES,
  REPORTER_STANDINGS,
  SANCTION_ACTIONS,
  SANCTION_STATES,
} from './vocabulary';

/*
 * The admin API (`/comments/...`, behind the admin's session and RBAC): what the moderation and
 * editorial screens send and receive. The admin half's types are inferred from these schemas.
 */

const Reason = z.string().trim().min(1, 'Give a reason').max(1000).meta({ description: 'Why: kept in the audit log' });
const adminPage = { page: positiveInt(100000).optional(), pageSize: positiveInt(100).optional() };

/** A query string that says `from`/`to` must not be reversed. */
const fromNotAfterTo = (value: { from?: string; to?: string }) =>
  !value.from || !value.to || Date.parse(value.from) <= Date.parse(value.to);
const RANGE_MESSAGE = { message: '`from` must not be after `to`', path: ['from'] };

// ---------------------------------------------------------------- requests

/** Words to look for: at least one letter or digit (punctuation alone finds nothing on either database). */
const SearchWords = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/[\p{L}\p{N}]/u, 'must contain a letter or a digit');

export const QueueQuery = z
  .strictObject({
    queue: z.enum(QUEUES).optional(),
    reason: z.enum(REPORT_REASONS).optional(),
    q: SearchWords.optional().meta({
      description:
        'Words in the body, all of them, any case: full-text on PostgreSQL (a word of three characters or more also finds longer words it starts), substrings on SQLite',
    }),
    author: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .meta({ description: "Part of the author's display name, any case (% and _ are plain characters)" }),
    article: DocumentId.optional().meta({
      description: "The story's documentId (GET /moderation/stories finds it by title)",
    }),
    trust: z.enum(QUEUE_TRUST).optional().meta({
      description:
        'trusted: at least one report from a trusted reporter (counts towards auto-hide); untrusted: reported only by new accounts',
    }),
    from: IsoDateTimeInput.optional().meta({ description: 'Posted at or after' }),
    to: IsoDateTimeInput.optional().meta({ description: 'Posted at or before' }),
    sort: z.enum(QUEUE_SORTS).optional(),
    ...adminPage,
  })
  .refine(fromNotAfterTo, RANGE_MESSAGE);

export const StoriesQuery = z.strictObject({
  q: SearchWords.optional().meta({ description: 'Part of the title, any case' }),
  documentId: DocumentId.optional().meta({ description: 'One story by its documentId (to label a shared link)' }),
});

export const DocumentIdParams = z.object({ documentId: DocumentId });
export const UserIdParams = z.object({ userId: DocumentId.meta({ description: "The reader's documentId" }) });

export const ActionBody = z
  .strictObject({
    action: z.enum(MODERATION_ACTIONS),
    reason: Reason,
    version: z.number().int().min(1).meta({ description: 'The version the moderator saw (compare-and-set)' }),
    body: z.string().optional().meta({ description: 'amend only: the new text' }),
    publicReason: z.string().trim().max(500).nullable().optional().meta({ description: 'Shown to the author' }),
  })
  .refine((value) => value.action !== 'amend' || typeof value.body === 'string', {
    message: 'amend needs the new body',
    path: ['body'],
  })
  .meta({ id: 'ModerationActionBody' });
export type ActionBody = z.infer<typeof ActionBody>;

export const BulkBody = z
  .strictObject({
    action: z.enum(BULK_ACTIONS),
    reason: Reason,
    items: z
      .array(z.strictObject({ documentId: DocumentId, version: z.number().int().min(1) }))
      .min(1)
      .max(100, 'at most 100 comments at once'),
  })
  .meta({ id: 'ModerationBulkBody' });
export type BulkBody = z.infer<typeof BulkBody>;

export const SanctionBody = z
  .strictObject({
    action: z.enum(SANCTION_ACTIONS),
    reason: Reason,
    until: IsoDateTimeInput.nullable().optional(),
    hideComments: z.boolean().optional().meta({ description: "Hide the reader's visible comments too" }),
  })
  .refine((value) => value.action !== 'suspend' || typeof value.until === 'string', {
    message: 'a suspension needs `until`',
    path: ['until'],
  })
  .meta({ id: 'SanctionBody' });
export type SanctionBody = z.infer<typeof SanctionBody>;

export const AppealsQuery = z.strictObject({ state: z.enum(APPEAL_STATES).optional(), ...adminPage });

export const AppealResolutionBody = z
  .strictObject({ outcome: z.enum(APPEAL_OUTCOMES), reason: Reason })
  .meta({ id: 'AppealResolutionBody' });
export type AppealResolutionBody = z.infer<typeof AppealResolutionBody>;

/** The dashboard's windows, in days: a query string carries them as text. */
export const DASHBOARD_WINDOWS = ['7', '30', '90'] as const;
export const DashboardQuery = z.strictObject({
  days: z
    .enum(DASHBOARD_WINDOWS)
    .optional()
    .meta({ description: 'The window: the last 7, 30 (the default) or 90 days, today included' }),
});
export type DashboardQuery = z.infer<typeof DashboardQuery>;

export const RangeQuery = z
  .strictObject({ from: IsoDateTimeInput.optional(), to: IsoDateTimeInput.optional() })
  .refine(fromNotAfterTo, RANGE_MESSAGE);

export const ComplaintsQuery = z.strictObject({ article: DocumentId.optional(), ...adminPage });

export const CORRECTION_NOTE_MAX_LENGTH = 2000;

export const ComplaintResolutionBody = z
  .strictObject({
    outcome: z.enum(COMPLAINT_OUTCOMES),
    correctionNote: z
      .string()
      .max(CORRECTION_NOTE_MAX_LENGTH)
      .nullable()
      .optional()
      .meta({ description: 'Shown to the reporter: what the story now says (upheld only)' }),
    reason: Reason,
  })
  .refine((value) => value.outcome === 'upheld' || value.correctionNote == null, {
    message: 'only an upheld complaint has a correction note',
    path: ['correctionNote'],
  })
  .meta({ id: 'ComplaintResolutionBody' });
export type ComplaintResolutionBody = z.infer<typeof ComplaintResolutionBody>;

const auditFilters = {
  actor: z
    .string()
    .refine(
      (value) => /^[1-9]\d{0,8}$/.test(value) || (ACTOR_TYPES as readonly string[]).includes(value),
      `must be an admin id or one of ${ACTOR_TYPES.join(', ')}`
    )
    .optional(),
  action: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,63}$/, 'must be an audit action such as hide or settings-changed')
    .optional(),
  comment: DocumentId.optional(),
  user: DocumentId.optional(),
  from: IsoDateTimeInput.optional(),
  to: IsoDateTimeInput.optional(),
};
export const AuditQuery = z.strictObject({ ...auditFilters, ...adminPage }).refine(fromNotAfterTo, RANGE_MESSAGE);
export const AuditExportQuery = z.strictObject(auditFilters).refine(fromNotAfterTo, RANGE_MESSAGE);

// ---------------------------------------------------------------- responses

const ReasonCount = z.strictObject({ reason: z.string(), count: z.number().int() });
const count = z.number().int();
const QueueCounts = z
  .strictObject({ reported: count, flagged: count, 'auto-hidden': count, held: count, resolved: count })
  .meta({ description: `Open items in each queue: ${COUNTED_QUEUES.join(', ')}` });

export const QueueRow = z
  .strictObject({
    documentId: z.string(),
    body: z.string().nullable().meta({ description: 'Plain text: render as text, never as HTML' }),
    status: z.enum(COMMENT_STATUSES),
    state: z.enum(QUEUES),
    version: z.number().int(),
    author: z.strictObject({ displayName: z.string().nullable() }),
    createdAt: DateTime,
    editedAt: DateTime.nullable(),
    flagged: z.boolean(),
    flagReasons: z.array(z.string()).meta({ description: 'Why the system flagged it: repeated-post, suspect:<word>, …' }),
    autoHidden: z.boolean(),
    amendedByModerator: z.boolean(),
    thread: z.strictObject({ type: z.string(), documentId: z.string(), title: z.string().nullable() }),
    reporters: z.number().int(),
    trustedReporters: z
      .number()
      .int()
      .meta({ description: 'Of the reporters, those whose reports count towards auto-hide' }),
    reliabilityScore: z.number().meta({ description: "Sum of the open reports' reporter reliability" }),
    reasons: z.array(ReasonCount),
    firstReportedAt: DateTime.nullable(),
    lastReportedAt: DateTime.nullable(),
  })
  .meta({ id: 'QueueRow' });
export type QueueRow = z.infer<typeof QueueRow>;

export const QueuePage = paginated(QueueRow, { counts: QueueCounts }).meta({ id: 'QueuePage' });
export type QueuePage = z.infer<typeof QueuePage>;

export const StoryOption = z
  .strictObject({ type: z.string(), documentId: z.string(), title: z.string().nullable() })
  .meta({ id: 'StoryOption' });
export type StoryOption = z.infer<typeof StoryOption>;
export const StoryOptions = z.strictObject({ data: z.array(StoryOption) }).meta({ id: 'StoryOptions' });
export type StoryOptions = z.infer<typeof StoryOptions>;

const BriefComment = z.strictObject({
  documentId: z.string(),
  body: z.string().nullable().meta({ description: 'Shown to moderators whatever the status: mark it by `status`' }),
  status: z.enum(COMMENT_STATUSES),
  author: z.strictObject({ displayName: z.string().nullable() }),
  createdAt: DateTime,
});

/** Where a suspect word that flagged the comment stands in its body, to highlight it. */
const BodyMatch = z.strictObject({
  start: z.number().int().meta({ description: 'Offset of the first character, in UTF-16 code units' }),
  end: z.number().int().meta({ description: 'Offset after the last character' }),
  word: z.string().meta({ description: 'The suspect word (or `profanity`) it matched' }),
});

export const ModerationComment = z
  .strictObject({
    documentId: z.string(),
    body: z.string().nullable(),
    status: z.enum(COMMENT_STATUSES),
    version: z.number().int(),
    parent: z.string().nullable(),
    author: z.strictObject({ displayName: z.string().nullable(), documentId: z.string().nullable() }),
    flagged: z.boolean(),
    flagReasons: z.array(z.string()),
    autoHidden: z.boolean(),
    needsReview: z.boolean(),
    reporters: z.number().int(),
    trustedReporters: z.number().int(),
    amendedByModerator: z.boolean(),
    publicReason: z.string().nullable(),
    createdAt: DateTime,
    editedAt: DateTime.nullable(),
    amendedAt: DateTime.nullable(),
    firstReportedAt: DateTime.nullable(),
    moderatedAt: DateTime.nullable(),
    reviewedAt: DateTime.nullable(),
    actions: z.array(z.enum(MODERATION_ACTIONS)).meta({ description: 'The actions its status allows now' }),
    matches: z
      .array(BodyMatch)
      .meta({ description: "The flag's suspect words in the body, in order, not overlapping" }),
  })
  .meta({ id: 'ModerationComment' });

export const CommenterRecord = z
  .strictObject({
    displayName: z.string().nullable(),
    sanction: z.enum(SANCTION_STATES),
    suspendedUntil: DateTime.nullable(),
    comments: z.number().int(),
    upheldAgainst: z.number().int(),
    sanctions: z.array(
      z.strictObject({
        action: z.string(),
        reason: z.string().nullable(),
        by: z.string().nullable(),
        at: DateTime,
        after: z.record(z.string(), z.unknown()).nullable(),
      })
    ),
    recent: z
      .array(
        BriefComment.omit({ author: true }).extend({
          thread: z.strictObject({ documentId: z.string(), title: z.string().nullable() }),
        })
      )
      .meta({ description: 'Their latest comments but this one, newest first (at most 10), in every status' }),
  })
  .meta({ id: 'CommenterRecord' });

export const ModerationReport = z.strictObject({
  documentId: z.string(),
  reason: z.enum(REPORT_REASONS),
  note: z.string().nullable(),
  state: z.enum(REPORT_STATES),
  reporter: z.strictObject({
    displayName: z.string().nullable(),
    standing: z.enum(REPORTER_STANDINGS).nullable().meta({ description: 'How the reporter stood when reporting' }),
    reliability: z.number().nullable().meta({ description: "Share of the reporter's past reports upheld" }),
    record: z
      .strictObject({ upheld: z.number().int(), notUpheld: z.number().int(), reliability: z.number() })
      .meta({ description: "The reporter's judged reports now, and the reliability they give now" }),
  }),
  trusted: z.boolean(),
  createdAt: DateTime,
  decision: z.string().nullable(),
  resolvedAt: DateTime.nullable(),
  resolvedBy: z.string().nullable(),
});

export const HistoryEntry = z.strictObject({
  action: z.string(),
  actor: z.strictObject({ type: z.enum(ACTOR_TYPES), name: z.string().nullable() }),
  reason: z.string().nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  at: DateTime,
});

export const CommentDetail = single(
  z.strictObject({
    comment: ModerationComment,
    thread: z.strictObject({
      type: z.string(),
      documentId: z.string(),
      title: z.string().nullable(),
      url: z
        .string()
        .nullable()
        .meta({ description: 'The comment on the site (setting frontendCommentUrl); null when unset' }),
    }),
    parent: BriefComment.nullable(),
    neighbours: z
      .strictObject({ before: z.array(BriefComment), after: z.array(BriefComment) })
      .meta({
        description: 'Its siblings in thread order (same story, same parent), a few each side, in every status',
      }),
    author: CommenterRecord.nullable(),
    reports: z.array(ModerationReport).meta({ description: 'The newest reports, at most 100, oldest first' }),
    reportsTotal: z.number().int().meta({ description: 'All its reports, open and judged' }),
    history: z.array(HistoryEntry),
  })
).meta({ id: 'CommentDetail' });
export type CommentDetail = z.infer<typeof CommentDetail>;

export const ActionResult = single(
  z.strictObject({
    documentId: z.string(),
    status: z.enum(COMMENT_STATUSES),
    version: z.number().int(),
    amendedByModerator: z.boolean(),
  })
).meta({ id: 'ModerationActionResult' });
export type ActionResult = z.infer<typeof ActionResult>;

export const BulkResult = single(
  z.strictObject({
    results: z.array(
      z.strictObject({
        documentId: z.string(),
        result: z.enum(['done', 'not-found', 'stale', 'invalid']),
        status: z.number().int(),
        version: z.number().int().optional(),
        code: z.string().nullable().optional(),
      })
    ),
    done: z.number().int(),
  })
).meta({ id: 'ModerationBulkResult' });
export type BulkResult = z.infer<typeof BulkResult>;

export const SanctionResult = single(
  z.strictObject({
    user: z.string(),
    sanction: z.enum(SANCTION_STATES),
    suspendedUntil: DateTime.nullable(),
    hiddenComments: z.number().int(),
  })
).meta({ id: 'SanctionResult' });

const ResponseTimes = z.strictObject({
  items: z.number().int(),
  medianMinutes: z.number().nullable(),
  p90Minutes: z.number().nullable(),
});
const ResponseWindow = z.strictObject({
  days: z.number().int(),
  all: ResponseTimes,
  fullTime: ResponseTimes,
  partTime: ResponseTimes,
});

export const Stats = single(
  z.strictObject({
    open: QueueCounts,
    oldestOpen: z.strictObject({ documentId: z.string(), since: DateTime, ageMinutes: z.number().int() }).nullable(),
    cover: CoverState,
    responseTimes: z.strictObject({ last7Days: ResponseWindow, last30Days: ResponseWindow }),
  })
).meta({ id: 'ModerationStats' });
export type Stats = z.infer<typeof Stats>;

const OpenQueues = {
  reported: count,
  'auto-hidden': count,
  flagged: count,
  held: count,
};
const StoryRef = z.strictObject({ type: z.string(), documentId: z.string(), title: z.string().nullable() });

export const Dashboard = single(
  z.strictObject({
    window: z.strictObject({
      days: z.number().int(),
      from: DateTime.meta({ description: 'The start of the first day (UTC)' }),
      to: DateTime.meta({ description: 'Now' }),
    }),
    openOverTime: z.array(z.strictObject({ day: DateOnly, at: DateTime, ...OpenQueues })).meta({
      description:
        "Open items at the end of each day (UTC; today's point is now), rebuilt from report, settlement and posting times and the audit log: a comment counts from its first unsettled report (reported; auto-hidden from the automatic hide) or from its posting when it was held or flagged, until the moderator's decision that settled it, in the queue it was in at that moment. A flag raised by a later edit is not rebuilt.",
    }),
    responseTimes: z.strictObject({ all: ResponseTimes, fullTime: ResponseTimes, partTime: ResponseTimes }).meta({
      description:
        "Comments first reported in the window and decided since: minutes from the first report to a moderator's first decision, by the cover stored on the first report (`all` also holds reports made before the cover was stored)",
    }),
    reasons: z
      .array(ReasonCount)
      .meta({
        description:
          'Reports made in the window by reason, every reason (editors’ factual-error complaints too), most first',
      }),
    busiestStories: z
      .array(z.strictObject({ story: StoryRef, comments: count, reports: count }))
      .meta({
        description: 'The stories with the most comments and reports made in the window, at most 8, busiest first',
      }),
  })
).meta({ id: 'ModerationDashboard' });
export type Dashboard = z.infer<typeof Dashboard>;

const AdminRef = z.strictObject({ id: z.number().int().nullable(), name: z.string().nullable() });

export const AppealQueueItem = z
  .strictObject({
    documentId: z.string(),
    state: z.enum(APPEAL_STATES),
    decision: z.strictObject({ documentId: z.string(), action: z.string(), at: DateTime.nullable(), by: AdminRef }),
    comment: z.string().nullable(),
    statement: z.string(),
    filedAt: DateTime.nullable(),
    appellant: z.strictObject({
      id: z.number().int().meta({ description: 'Pseudonymous: kept after the account is erased' }),
      documentId: z.string().nullable(),
    }),
    resolution: z
      .strictObject({ outcome: z.string(), reason: z.string().nullable(), at: DateTime.nullable(), by: AdminRef })
      .nullable(),
  })
  .meta({ id: 'AppealQueueItem' });
export type AppealQueueItem = z.infer<typeof AppealQueueItem>;
export const AppealQueuePage = paginated(AppealQueueItem).meta({ id: 'AppealQueuePage' });
export type AppealQueuePage = z.infer<typeof AppealQueuePage>;
export const AppealResolved = single(AppealQueueItem);

export const AuditEvent = z
  .strictObject({
    documentId: z.string(),
    action: z.string(),
    actor: z.strictObject({
      type: z.enum(ACTOR_TYPES),
      id: z.number().int().nullable().meta({ description: 'Admin id, user id or API token id, by type' }),
      name: z.string().nullable(),
    }),
    comment: z.string().nullable().meta({ description: "The comment's documentId" }),
    user: z
      .strictObject({
        id: z.number().int().meta({ description: 'Pseudonymous: kept after the account is erased' }),
        documentId: z.string().nullable(),
      })
      .nullable()
      .meta({ description: 'The reader the event is about; documentId is null once the account is erased' }),
    reason: z.string().nullable(),
    before: z.record(z.string(), z.unknown()).nullable(),
    after: z.record(z.string(), z.unknown()).nullable(),
    at: DateTime,
  })
  .meta({ id: 'AuditEvent' });
export type AuditEvent = z.infer<typeof AuditEvent>;
export const AuditPage = paginated(AuditEvent).meta({ id: 'AuditPage' });
export type AuditPage = z.infer<typeof AuditPage>;

export const Complaint = z
  .strictObject({
    documentId: z.string(),
    target: z.enum(['comment', 'story']),
    story: z.strictObject({ type: z.string(), documentId: z.string(), title: z.string().nullable() }),
    comment: z
      .strictObject({ documentId: z.string(), body: z.string().nullable(), status: z.enum(COMMENT_STATUSES) })
      .nullable(),
    note: z.string().nullable(),
    reporter: z.strictObject({ displayName: z.string().nullable() }),
    state: z.string(),
    correctionNote: z.string().nullable(),
    resolvedBy: z.string().nullable(),
    resolvedAt: DateTime.nullable(),
    createdAt: DateTime,
  })
  .meta({ id: 'Complaint' });
export type Complaint = z.infer<typeof Complaint>;
export const ComplaintsPage = paginated(Complaint).meta({ id: 'ComplaintsPage' });
export type ComplaintsPage = z.infer<typeof ComplaintsPage>;
export const ComplaintResolved = single(Complaint);

const Figure = z.strictObject({
  documentId: z.string(),
  label: z.string(),
  display: z.string().nullable(),
  value: z.number(),
  breakdownKind: z.string().nullable(),
  breakdown: z.array(z.strictObject({ label: z.string(), value: z.number() })),
  consistency: FigureConsistency,
});

/** A figure's edit view side panel: its display string and its consistency verdict. */
export const FigureSummary = single(Figure).meta({ id: 'FigureSummary' });
export type FigureSummary = z.infer<typeof FigureSummary>;

export const ArticleSummary = single(
  z.strictObject({
    story: z.strictObject({ type: z.string(), documentId: z.string(), title: z.string().nullable() }),
    comments: z.strictObject({ total: z.number().int(), visible: z.number().int() }),
    openReports: z.record(z.string(), z.number().int()),
    factualErrorComplaints: z.array(Complaint),
    inconsistentFigures: z.array(Figure),
  })
).meta({ id: 'ArticleSummary' });
export type ArticleSummary = z.infer<typeof ArticleSummary>;
