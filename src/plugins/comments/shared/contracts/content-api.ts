import { z } from 'zod';
import {
  CreatedAtSort,
  DateOnly,
  DateTime,
  DocumentId,
  IsoDateTimeInput,
  paginated,
  paginationQuery,
  single,
} from './common';
import {
  APPEAL_STATES,
  COMMENTING_STATES,
  COMPLAINT_OUTCOMES,
  COVERS,
  REFUSAL,
  REPORT_REASONS,
  SANCTION_STATES,
  SUBSCRIPTION_STATES,
} from './vocabulary';
import { NOTIFICATION_KINDS } from './settings';

/*
 * The content API (`/api/comments/...`): what readers' frontends send and receive. Requests are
 * strict (unknown keys refused); responses are strict too, so the tests that validate every answer
 * against the generated description catch a field added without being documented.
 */

/** Every request body is `{ data: { … } }`. */
const body = <Shape extends z.ZodRawShape>(shape: Shape) => z.strictObject({ data: z.strictObject(shape) });

// ---------------------------------------------------------------- requests

export const PostCommentBody = body({
  body: z.string().meta({ description: 'Plain text; links are linkified, nothing else is markup' }),
  parent: DocumentId.nullable().optional().meta({ description: 'The top-level comment this replies to' }),
}).meta({ id: 'PostCommentBody' });

export const EditCommentBody = body({ body: z.string() }).meta({ id: 'EditCommentBody' });

export const ReportBody = body({
  reason: z.enum(REPORT_REASONS).meta({ description: '`factual-error` goes to the editors, the others to the moderators' }),
  note: z.string().nullable().optional(),
}).meta({ id: 'ReportBody' });

export const StoryComplaintBody = body({
  note: z.string().meta({ description: 'What is wrong in the story' }),
}).meta({ id: 'StoryComplaintBody' });

export const AppealBody = body({
  decision: DocumentId.meta({ description: "The decision's audit event, as GET /me lists it" }),
  statement: z.string(),
}).meta({ id: 'AppealBody' });

const NotificationPreferences = z.strictObject({
  replies: z.boolean().meta({ description: 'Email me when someone replies to my comment' }),
  reportOutcomes: z.boolean().meta({ description: 'Email me the outcome of my reports and complaints' }),
});

export const UpdateMeBody = z
  .strictObject({
    data: z
      .strictObject({
        displayName: z.string().optional(),
        notifications: NotificationPreferences.partial()
          .optional()
          .meta({ description: 'Optional notices to turn on or off; moderation notices are always sent' }),
      })
      .refine((data) => data.displayName !== undefined || data.notifications !== undefined, {
        message: 'give displayName, notifications, or both',
      }),
  })
  .meta({ id: 'UpdateMeBody' });

export const UnsubscribeQuery = z
  .strictObject({ token: z.string().min(1).max(2000).meta({ description: 'The signed token of the email’s link' }) })
  .meta({ id: 'UnsubscribeQuery' });

export const AcceptTermsBody = body({
  version: z.string().trim().min(1).max(40).meta({ description: "The policy's termsVersion the reader accepts" }),
}).meta({ id: 'AcceptTermsBody' });

export const SubscriptionSyncBody = body({
  email: z.string().trim().max(254).pipe(z.email()),
  status: z.enum(SUBSCRIPTION_STATES),
  expiresAt: IsoDateTimeInput.nullable().optional(),
}).meta({ id: 'SubscriptionSyncBody' });

export const THREAD_MAX_PAGE_SIZE = 100;
export const LIST_MAX_PAGE_SIZE = 100;

export const ThreadQuery = z.strictObject({
  pagination: paginationQuery(THREAD_MAX_PAGE_SIZE).optional(),
  sort: CreatedAtSort.optional().meta({ description: 'Top-level comments oldest first (default) or newest first' }),
});

export const PageQuery = z.strictObject({
  pagination: paginationQuery(LIST_MAX_PAGE_SIZE).optional(),
  sort: CreatedAtSort.optional().meta({ description: 'Newest first by default on /me lists, oldest first on replies' }),
});

// Path parameters come from the router (which may add positional keys), so extra keys are ignored.
export const ThreadParams = z.object({ documentId: DocumentId });
export const CommentParams = z.object({ commentId: DocumentId });

// ---------------------------------------------------------------- responses

export const PublicComment = z
  .strictObject({
    documentId: z.string(),
    body: z.string().nullable().meta({ description: 'Plain text; null on a tombstone' }),
    html: z
      .string()
      .nullable()
      .meta({ description: 'Server-rendered safe HTML: escaped text, paragraphs, links with rel="nofollow ugc noopener"' }),
    author: z.strictObject({ displayName: z.string().nullable() }).nullable(),
    parent: z.string().nullable(),
    status: z.enum(['visible', 'removed']).meta({ description: '`removed`: a tombstone kept for its visible replies' }),
    createdAt: DateTime,
    editedAt: DateTime.nullable(),
    amendedByModerator: z.boolean(),
  })
  .meta({ id: 'PublicComment' });

export const ThreadComment = PublicComment.extend({
  replyCount: z.number().int(),
  replies: z.array(PublicComment).meta({ description: 'The first replies, oldest first; the rest via /{commentId}/replies' }),
}).meta({ id: 'ThreadComment' });

export const ThreadPage = paginated(ThreadComment, {
  commenting: z.enum(COMMENTING_STATES),
  commentsCloseAt: DateTime.nullable(),
}).meta({ id: 'ThreadPage' });

export const RepliesPage = paginated(PublicComment).meta({ id: 'RepliesPage' });

export const OWN_COMMENT_STATES = ['visible', 'held', 'hidden', 'removed', 'amended', 'withdrawn'] as const;

export const OwnComment = z
  .strictObject({
    documentId: z.string(),
    body: z.string().nullable(),
    html: z.string().nullable(),
    thread: z.strictObject({ type: z.string(), documentId: z.string() }),
    parent: z.string().nullable(),
    status: z.enum(['visible', 'held', 'hidden', 'removed', 'withdrawn']),
    state: z.enum(OWN_COMMENT_STATES).meta({ description: 'What the author sees: `amended` when a moderator changed it' }),
    publicReason: z.string().nullable().meta({ description: "The moderator's reason, shown to the author" }),
    createdAt: DateTime,
    editedAt: DateTime.nullable(),
    amendedByModerator: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'OwnComment' });

export const ReaderReport = z
  .strictObject({
    documentId: z.string(),
    target: z.enum(['comment', 'story']).meta({ description: '`story`: a factual-error complaint about the story itself' }),
    comment: z.string().nullable().meta({ description: "The comment's documentId; null for a complaint about the story" }),
    story: z.string().nullable().meta({ description: "The story's documentId" }),
    reason: z.enum(REPORT_REASONS),
    note: z.string().nullable(),
    state: z.string().meta({ description: 'open, upheld, not-upheld (or withdrawn when the comment went first)' }),
    outcome: z.string(),
    correctionNote: z.string().nullable().meta({ description: 'What the editors corrected, when they upheld a complaint' }),
    createdAt: DateTime,
    resolvedAt: DateTime.nullable(),
  })
  .meta({ id: 'ReaderReport' });

export const AppealDecision = z.strictObject({
  documentId: z.string().meta({ description: "The decision's audit event" }),
  action: z.string().meta({ description: 'hide, remove, amend, commenter-suspend or commenter-ban' }),
  at: DateTime.nullable(),
});

export const Appeal = z
  .strictObject({
    documentId: z.string(),
    state: z.enum(APPEAL_STATES),
    decision: AppealDecision,
    comment: z.string().nullable().meta({ description: "The comment's documentId (null for a sanction)" }),
    statement: z.string(),
    filedAt: DateTime.nullable(),
    resolution: z.strictObject({ outcome: z.string(), reason: z.string().nullable(), at: DateTime.nullable() }).nullable(),
  })
  .meta({ id: 'Appeal' });

const ELIGIBILITY_CODES = [
  REFUSAL.SUBSCRIPTION_REQUIRED,
  REFUSAL.TERMS_NOT_ACCEPTED,
  REFUSAL.COMMENTING_SUSPENDED,
  REFUSAL.COMMENTING_BANNED,
  REFUSAL.POLICY_MISSING,
  REFUSAL.POLICY_INCOMPLETE,
  REFUSAL.ACCOUNT_BLOCKED,
  REFUSAL.ACCOUNT_UNCONFIRMED,
] as const;

export const Me = z
  .strictObject({
    displayName: z.string(),
    canComment: z.boolean(),
    reason: z.enum(ELIGIBILITY_CODES).nullable().meta({ description: 'Why the reader may not comment, or null' }),
    message: z.string().nullable(),
    subscription: z.strictObject({
      status: z.enum([...SUBSCRIPTION_STATES, 'none']),
      expiresAt: DateTime.nullable(),
      active: z.boolean(),
    }),
    terms: z.strictObject({
      currentVersion: z.string().nullable(),
      acceptedVersion: z.string().nullable(),
      acceptedAt: DateTime.nullable(),
      accepted: z.boolean(),
    }),
    sanction: z.strictObject({ state: z.enum(SANCTION_STATES), until: DateTime.nullable() }),
    appeals: z
      .strictObject({
        open: z.number().int(),
        decided: z.number().int(),
        appealable: z.array(
          z.strictObject({
            decision: z.string(),
            action: z.string(),
            comment: z.string().nullable(),
            at: DateTime.nullable(),
          })
        ),
      })
      .meta({ description: 'Appeals by state, and the decisions about the reader still open to appeal (newest 20)' }),
    notifications: NotificationPreferences.meta({
      description: 'Optional notification emails (off unless turned on); moderation notices are always sent',
    }),
  })
  .meta({ id: 'Me' });

const Blocks = z.array(z.looseObject({ type: z.string() })).meta({ description: 'Strapi blocks (rich text)' });

export const CoverState = z
  .strictObject({
    cover: z.enum(COVERS),
    timezone: z.string(),
    fullTime: z.array(z.strictObject({ days: z.array(z.number().int()), start: z.string(), end: z.string() })),
    holidayRegion: z.string(),
    holiday: z
      .strictObject({ date: DateOnly, name: z.string(), source: z.enum(['public-holiday', 'settings']) })
      .nullable()
      .meta({ description: "Today's holiday (part-time cover all day), or null" }),
    localTime: z.string().nullable(),
    nextChangeAt: DateTime.nullable(),
  })
  .meta({ id: 'CoverState' });

export const Policy = z
  .strictObject({
    subscriberOnly: z.boolean(),
    preModerated: z.boolean(),
    title: z.string().nullable(),
    whySubscribersOnlyTitle: z.string().nullable(),
    whySubscribersOnly: Blocks.nullable(),
    liabilityNotice: z.string().nullable(),
    moderationStatement: z.string().nullable(),
    rules: Blocks.nullable(),
    termsVersion: z.string().nullable(),
    lastUpdated: DateOnly.nullable(),
    reportReasons: z.array(z.enum(REPORT_REASONS)),
    body: z.strictObject({ minLength: z.number().int(), maxLength: z.number().int() }),
    reportNoteMaxLength: z.number().int(),
    editWindowMinutes: z.number().int(),
    displayName: z.strictObject({ minLength: z.number().int(), maxLength: z.number().int() }),
    moderation: CoverState.extend({ hoursText: z.string().nullable() }),
  })
  .meta({ id: 'Policy' });

export const SubscriptionSynced = z
  .strictObject({
    email: z.string(),
    status: z.enum(SUBSCRIPTION_STATES),
    expiresAt: DateTime.nullable(),
    syncedAt: DateTime,
  })
  .meta({ id: 'SubscriptionSynced' });

export const MyData = z
  .looseObject({
    exportedAt: DateTime,
    account: z.strictObject({ documentId: z.string(), username: z.string(), email: z.string() }),
    comments: z.array(OwnComment),
  })
  .meta({ id: 'MyData', description: "Everything the plugin holds about the reader (GDPR Art. 15 and 20)" });

export const ComplaintOutcome = z.enum(COMPLAINT_OUTCOMES);

/** What the app adds to every figure it answers (src/editorial/figures.ts): whether its parts add up. */
export const FigureConsistency = z
  .strictObject({
    status: z.enum(['consistent', 'inconsistent', 'no-breakdown']),
    breakdownKind: z.string().nullable(),
    total: z.number().nullable(),
    breakdownTotal: z.number().nullable(),
    difference: z.number().nullable().meta({ description: 'breakdownTotal - total; positive when the parts exceed the whole' }),
    message: z.string(),
  })
  .meta({ id: 'FigureConsistency' });
export const FigureDisplay = z.string().nullable().meta({ description: 'The figure as a sentence shows it, e.g. "up to 12,000"' });

// ---------------------------------------------------------------- envelopes per route

export const PolicyResponse = single(Policy);
export const MeResponse = single(Me);

export const UnsubscribeResponse = single(
  z.strictObject({
    kind: z.enum(NOTIFICATION_KINDS).meta({ description: 'The kind of email whose link was followed' }),
    unsubscribed: z.enum(['replies', 'reportOutcomes', 'all-optional', 'duty']).meta({
      description:
        'What is now off: reply notices, report outcomes, every optional notice (a moderation notice’s link: those are legal notices, always sent), or the duty moderators’ list',
    }),
  })
).meta({ id: 'UnsubscribeResponse' });
export const OwnCommentResponse = single(OwnComment);
export const ReaderReportResponse = single(ReaderReport);
export const AppealResponse = single(Appeal);
export const OwnCommentsPage = paginated(OwnComment).meta({ id: 'OwnCommentsPage' });
export const ReaderReportsPage = paginated(ReaderReport).meta({ id: 'ReaderReportsPage' });
export const AppealsPage = paginated(Appeal).meta({ id: 'AppealsPage' });
export const MyDataResponse = single(MyData);
export const ErasedResponse = single(z.strictObject({ erased: z.literal(true) }));
export const SubscriptionSyncResponse = single(SubscriptionSynced);

export type PublicComment = z.infer<typeof PublicComment>;
export type ThreadPage = z.infer<typeof ThreadPage>;
export type OwnComment = z.infer<typeof OwnComment>;
export type ReaderReport = z.infer<typeof ReaderReport>;
export type Appeal = z.infer<typeof Appeal>;
export type Me = z.infer<typeof Me>;
export type Policy = z.infer<typeof Policy>;
export type ThreadQuery = z.infer<typeof ThreadQuery>;
