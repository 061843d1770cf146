import { z } from 'zod';
import { DateTime, DocumentId } from './common';
import {
  COMMENT_STATUSES,
  COMPLAINT_OUTCOMES,
  ACTOR_TYPES,
  APPEAL_OUTCOMES,
  REPORT_REASONS,
  SANCTION_STATES,
  SUBSCRIPTION_STATES,
} from './vocabulary';

/*
 * The domain events the plugin writes to its outbox and delivers to webhooks. Payloads carry ids and
 * public fields only: no email, no private note, no moderator's name. The server validates every
 * payload against its schema before writing the outbox row; the OpenAPI description lists them
 * as webhooks.
 */

export const EVENT_TYPES = [
  'comment.created',
  'comment.edited',
  'comment.withdrawn',
  'comment.reported',
  'comment.auto-hidden',
  'comment.hidden',
  'comment.approved',
  'comment.restored',
  'comment.amended',
  'comment.removed',
  'comment.released',
  'commenter.sanctioned',
  'commenter.reinstated',
  'commenter.erased',
  'complaint.resolved',
  'appeal.filed',
  'appeal.resolved',
  'subscription.synced',
  'webhook.test',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** The events an endpoint may subscribe to (the test event goes only where an admin sends it). */
export const SUBSCRIBABLE_EVENT_TYPES = EVENT_TYPES.filter((type) => type !== 'webhook.test');

const Thread = z.strictObject({ type: z.string(), documentId: DocumentId });
const Status = z.enum(COMMENT_STATUSES);

/** What every change of a comment's state says: which comment, where, from which state to which, and who (by kind). */
const CommentTransition = z.strictObject({
  comment: DocumentId,
  thread: Thread,
  transition: z.string(),
  from: Status,
  to: Status,
  version: z.number().int(),
  actor: z.enum(ACTOR_TYPES),
  /** The reason shown to readers, when a moderator gave one. */
  publicReason: z.string().nullable(),
});

const transitionEvent = (id: string, description: string) => CommentTransition.meta({ id, description });

export const EVENT_PAYLOADS = {
  'comment.created': z
    .strictObject({
      comment: DocumentId,
      thread: Thread,
      parent: DocumentId.nullable(),
      author: DocumentId,
      status: Status,
      flagged: z.boolean(),
    })
    .meta({ id: 'EventCommentCreated', description: 'A reader posted a comment (visible, or held for review).' }),
  'comment.edited': z
    .strictObject({ comment: DocumentId, thread: Thread, version: z.number().int() })
    .meta({ id: 'EventCommentEdited', description: 'Its author edited a comment within the edit window.' }),
  'comment.withdrawn': transitionEvent('EventCommentWithdrawn', 'Its author withdrew a comment.'),
  'comment.reported': z
    .strictObject({
      comment: DocumentId,
      thread: Thread,
      report: DocumentId,
      reason: z.enum(REPORT_REASONS),
    })
    .meta({ id: 'EventCommentReported', description: 'A reader reported a comment.' }),
  'comment.auto-hidden': transitionEvent(
    'EventCommentAutoHidden',
    'Enough trusted reports hid a comment pending a moderator.'
  ),
  'comment.hidden': transitionEvent('EventCommentHidden', 'A moderator hid a comment.'),
  'comment.approved': transitionEvent('EventCommentApproved', 'A moderator approved a comment.'),
  'comment.restored': transitionEvent('EventCommentRestored', 'A moderator (or an upheld appeal) restored a comment.'),
  'comment.amended': transitionEvent(
    'EventCommentAmended',
    "A moderator amended a comment's text (or an upheld appeal put the original back)."
  ),
  'comment.removed': transitionEvent('EventCommentRemoved', 'A moderator removed a comment.'),
  'comment.released': transitionEvent('EventCommentReleased', 'A moderator released a held comment.'),
  'commenter.sanctioned': z
    .strictObject({
      user: DocumentId,
      sanction: z.enum(SANCTION_STATES).exclude(['none']),
      until: DateTime.nullable(),
      hiddenComments: z.number().int(),
    })
    .meta({ id: 'EventCommenterSanctioned', description: 'A moderator suspended or banned a commenter.' }),
  'commenter.reinstated': z
    .strictObject({ user: DocumentId })
    .meta({ id: 'EventCommenterReinstated', description: 'A moderator (or an upheld appeal) lifted a sanction.' }),
  'commenter.erased': z
    .strictObject({ user: DocumentId })
    .meta({ id: 'EventCommenterErased', description: 'A reader erased their account and comments.' }),
  'complaint.resolved': z
    .strictObject({
      complaint: DocumentId,
      story: Thread,
      comment: DocumentId.nullable(),
      outcome: z.enum(COMPLAINT_OUTCOMES),
      /** Public: shown to the reader who complained, and the basis of the published correction. */
      correctionNote: z.string().nullable(),
    })
    .meta({ id: 'EventComplaintResolved', description: "An editor resolved a reader's factual-error complaint." }),
  'appeal.filed': z
    .strictObject({ appeal: DocumentId, decision: DocumentId, comment: DocumentId.nullable() })
    .meta({ id: 'EventAppealFiled', description: "A commenter appealed a moderator's decision." }),
  'appeal.resolved': z
    .strictObject({
      appeal: DocumentId,
      decision: DocumentId,
      comment: DocumentId.nullable(),
      outcome: z.enum(APPEAL_OUTCOMES),
    })
    .meta({ id: 'EventAppealResolved', description: 'A moderator upheld or dismissed an appeal.' }),
  'subscription.synced': z
    .strictObject({
      subscription: DocumentId,
      user: DocumentId.nullable(),
      status: z.enum(SUBSCRIPTION_STATES),
      expiresAt: DateTime.nullable(),
    })
    .meta({ id: 'EventSubscriptionSynced', description: 'The billing system synced a subscription.' }),
  'webhook.test': z
    .strictObject({ webhook: DocumentId, message: z.string() })
    .meta({ id: 'EventWebhookTest', description: 'An admin sent a test event to one endpoint.' }),
} as const satisfies Record<EventType, z.ZodType>;

export type EventPayload<Type extends EventType> = z.infer<(typeof EVENT_PAYLOADS)[Type]>;

/** The body a webhook receives, in the Standard Webhooks shape; `webhook-id` (the event id) is a header. */
export const eventEnvelope = <Type extends EventType>(type: Type) =>
  z.strictObject({ type: z.literal(type), timestamp: DateTime, data: EVENT_PAYLOADS[type] });

/** Any event as delivered: one envelope per type, told apart by `type`. */
export const WebhookEvent = z
  .discriminatedUnion(
    'type',
    EVENT_TYPES.map((type) => eventEnvelope(type)) as unknown as [
      ReturnType<typeof eventEnvelope>,
      ...ReturnType<typeof eventEnvelope>[],
    ]
  )
  .meta({ id: 'WebhookEvent', description: 'A delivered event: `{ type, timestamp, data }`.' });
