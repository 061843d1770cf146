import { z } from 'zod';
import { DateTime, DocumentId, IsoDateTimeInput, paginated, positiveInt, single } from './common';
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
  REPORT_REASONS,
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

export const QueueQuery = z.strictObject({
  queue: z.enum(QUEUES).optional(),
  reason: z.enum(REPORT_REASONS).optional(),
  article: DocumentId.optional(),
  from: IsoDateTimeInput.optional(),
  to: IsoDateTimeInput.optional(),
  sort: z.enum(QUEUE_SORTS).optional(),
  ...adminPage,
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

const BriefComment = z.strictObject({
  documentId: z.string(),
  body: z.string().nullable(),
  status: z.enum(COMMENT_STATUSES),
  author: z.strictObject({ displayName: z.string().nullable() }),
  createdAt: DateTime,
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
  })
  .meta({ id: 'CommenterRecord' });

export const ModerationReport = z.strictObject({
  documentId: z.string(),
  reason: z.enum(REPORT_REASONS),
  note: z.string().nullable(),
  state: z.string(),
  reporter: z.strictObject({
    displayName: z.string().nullable(),
    standing: z.string().nullable().meta({ description: 'established, new-account, lapsed, …: what the report weighed' }),
    reliability: z.number().nullable().meta({ description: "Share of the reporter's past reports upheld" }),
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
    thread: z.strictObject({ type: z.string(), documentId: z.string(), title: z.string().nullable() }),
    parent: BriefComment.nullable(),
    neighbours: z.strictObject({ before: z.array(BriefComment), after: z.array(BriefComment) }),
    author: CommenterRecord.nullable(),
    reports: z.array(ModerationReport),
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
