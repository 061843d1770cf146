import type { Core } from '@strapi/strapi';
import { ACTIONS } from '../config/actions';
import { errors } from '@strapi/utils';
import type { Knex } from 'knex';
import { EVENTS, REFUSAL, UID } from '../constants';
import { getService } from '../utils/get-service';
import { conflict, moderatorActor, type AdminUser } from '../utils/admin';
import { refusal } from '../utils/errors';
import type { Reader } from '../utils/reader';
import type { CommentRow } from '../utils/serialize';
import { newestFirstPage, paginationMeta, type PageRequest } from '../utils/pagination';
import {
  APPEALABLE_ACTIONS,
  appealAuditAction,
  reversalOf,
  type AppealOutcome,
  type AppealState,
} from '../rules/appeals';

const STATEMENT_LIMITS = { minLength: 1, maxLength: 2000 };
// The decisions `/me` offers for appeal: the recent ones are what a commenter comes to contest.
const APPEALABLE_SHOWN = 20;

interface DecisionRow {
  id: number;
  documentId: string;
  action: string;
  actorType: string;
  actorId: number | null;
  actorName: string | null;
  commentId: number | null;
  commentDocumentId: string | null;
  subjectUserId: number | null;
  before: { body?: string } | null;
  after: { version?: number } | null;
  createdAt: string | Date;
}

interface AppealRow {
  id: number;
  documentId: string;
  decisionEventId: number;
  decisionDocumentId: string;
  decisionAction: string;
  decidedById: number | null;
  decidedByName: string | null;
  decidedAt: string | Date;
  commentId: number | null;
  commentDocumentId: string | null;
  appellantId: number;
  statement: string;
  state: AppealState;
  resolvedAt: string | Date | null;
  resolvedById: number | null;
  resolvedByName: string | null;
  resolutionReason: string | null;
  createdAt: string | Date;
}

export interface Resolution {
  outcome: AppealOutcome;
  reason: string;
}

const iso = (value: string | Date | null) => (value === null ? null : new Date(value).toISOString());

/** An appeal as its appellant sees it. */
const toMine = (row: AppealRow) => ({
  documentId: row.documentId,
  state: row.state,
  decision: { documentId: row.decisionDocumentId, action: row.decisionAction, at: iso(row.decidedAt) },
  comment: row.commentDocumentId,
  statement: row.statement,
  filedAt: iso(row.createdAt),
  resolution:
    row.state === 'open' ? null : { outcome: row.state, reason: row.resolutionReason, at: iso(row.resolvedAt) },
});

/** An appeal as moderators see it: who decided, who appealed, who resolved. */
const toQueueItem = (row: AppealRow, appellants: Map<number, { documentId: string | null }>) => {
  const mine = toMine(row);
  return {
    ...mine,
    decision: { ...mine.decision, by: { id: row.decidedById, name: row.decidedByName } },
    appellant: { id: row.appellantId, documentId: appellants.get(row.appellantId)?.documentId ?? null },
    resolution: mine.resolution && { ...mine.resolution, by: { id: row.resolvedById, name: row.resolvedByName } },
  };
};

const alreadyAppealed = () => conflict('You have already appealed this decision.', { code: REFUSAL.ALREADY_APPEALED });
const superseded = () =>
  conflict('This decision has been superseded by a later one: there is nothing left to appeal.', {
    code: REFUSAL.DECISION_SUPERSEDED,
  });

/**
 * Commenters' appeals against moderators' decisions: filed once per decision (an audit event),
 * resolved by a moderator other than the one who decided. Upholding reverses the decision through
 * the transitions service (comments) or the sanctions service (suspensions and bans).
 */
const appeals = ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => strapi.db.query(UID.appeal);
  const events = () => strapi.db.query(UID.moderationEvent);

  /** Whether the decision still stands: nothing has changed the comment, or sanctioned the user, since. */
  const inForce = async (decision: DecisionRow): Promise<boolean> => {
    if (reversalOf(decision) === 'reinstate') {
      const latest = await events().findOne({
        where: { subjectUserId: decision.subjectUserId, action: { $startsWith: 'commenter-' } },
        orderBy: { id: 'desc' },
      });
      return latest?.id === decision.id;
    }
    const comment = await strapi.db.query(UID.comment).findOne({ where: { id: decision.commentId } });
    return Boolean(comment) && comment.version === decision.after?.version;
  };

  const appellantsOf = async (rows: AppealRow[]) => {
    const ids = [...new Set(rows.map((row) => row.appellantId))];
    const users = ids.length
      ? await strapi.db
          .query('plugin::users-permissions.user')
          .findMany({ where: { id: { $in: ids } }, select: ['id', 'documentId'] })
      : [];
    return new Map(users.map((user: { id: number; documentId: string }) => [user.id, user]));
  };

  const reinstate = async (admin: AdminUser, decision: DecisionRow, reason: string) => {
    const user = await strapi.db
      .query('plugin::users-permissions.user')
      .findOne({ where: { id: decision.subjectUserId }, select: ['documentId'] });
    if (!user) throw superseded();
    await getService('sanctions').apply(admin, user.documentId, { action: 'reinstate', reason });
  };

  /** Reverses the decision in the caller's transaction, refusing when a later change superseded it. */
  const reverse = async (
    admin: AdminUser,
    decision: DecisionRow,
    reason: string,
    trx: Knex.Transaction,
    onCommit: (fn: () => void) => void
  ) => {
    if (!(await inForce(decision))) throw superseded();
    if (reversalOf(decision) === 'reinstate') return reinstate(admin, decision, reason);
    const comment: CommentRow = await strapi.db.query(UID.comment).findOne({ where: { id: decision.commentId } });
    // The body the moderator replaced is in the amendment's own audit row, the only copy kept.
    const original = reversalOf(decision) === 'revert-amendment' ? (decision.before?.body ?? '') : null;
    await getService('transitions').apply({
      comment,
      transition: original === null ? 'restore' : 'revert-amendment',
      actor: moderatorActor(admin),
      reason,
      expectedVersion: comment.version,
      changes:
        original === null
          ? undefined
          : {
              body: original,
              bodyHash: getService('text').fingerprint(original),
              amendedByModerator: false,
              amendedAt: null,
            },
      trx,
      onCommit,
    });
  };

  /** The commenter's own decision, or 404 whether it does not exist or is someone else's. */
  const decisionOf = async (reader: Reader, documentId: string): Promise<DecisionRow> => {
    const decision: DecisionRow | null = await events().findOne({ where: { documentId } });
    if (!decision || decision.subjectUserId !== reader.id)
      throw new errors.NotFoundError('No such decision about you.', { code: REFUSAL.DECISION_NOT_FOUND });
    if (!reversalOf(decision))
      throw new errors.ValidationError('This decision cannot be appealed.', {
        code: REFUSAL.DECISION_NOT_APPEALABLE,
        action: decision.action,
      });
    return decision;
  };

  return {
    async file(reader: Reader, decisionDocumentId: string, rawStatement: string) {
      const statement = getService('text').normalize(rawStatement, STATEMENT_LIMITS, 'statement');
      const decision = await decisionOf(reader, decisionDocumentId);
      if (await query().findOne({ where: { decisionEventId: decision.id } })) throw alreadyAppealed();
      if (!(await inForce(decision))) throw superseded();
      const profile = await getService('commenters').profileOf(reader);
      try {
        const created: AppealRow = await strapi.db.transaction(async ({ onCommit }) => {
          const appeal = await query().create({
            data: {
              decisionEventId: decision.id,
              decisionDocumentId: decision.documentId,
              decisionAction: decision.action,
              decidedById: decision.actorId,
              decidedByName: decision.actorName,
              decidedAt: decision.createdAt,
              commentId: decision.commentId,
              commentDocumentId: decision.commentDocumentId,
              appellantId: reader.id,
              statement,
              state: 'open',
            },
          });
          await getService('audit').record({
            action: appealAuditAction('filed'),
            actor: { type: 'author', id: reader.id, name: profile.displayName },
            comment: decision.commentId ? { id: decision.commentId, documentId: decision.commentDocumentId! } : null,
            subjectUserId: reader.id,
            after: { appeal: appeal.documentId, decision: decision.documentId, decisionAction: decision.action },
          });
          await getService('events').record(onCommit, EVENTS.appealFiled, {
            appeal: appeal.documentId,
            decision: decision.documentId,
            comment: decision.commentDocumentId,
          });
          return appeal;
        });
        return toMine(created);
      } catch (error) {
        // Two appeals of one decision raced on the unique index: the other one was filed.
        if (await query().findOne({ where: { decisionEventId: decision.id } })) throw alreadyAppealed();
        throw error;
      }
    },

    async listMine(reader: Reader, page: PageRequest) {
      return newestFirstPage(query(), { appellantId: reader.id }, page, toMine);
    },

    /** For `/me`: appeals by state, and the decisions still open to appeal (newest first). */
    async summaryOf(reader: Reader) {
      const [open, decided, appealed, decisions] = await Promise.all([
        query().count({ where: { appellantId: reader.id, state: 'open' } }),
        query().count({ where: { appellantId: reader.id, state: { $ne: 'open' } } }),
        query().findMany({ where: { appellantId: reader.id }, select: ['decisionEventId'] }),
        events().findMany({
          where: { subjectUserId: reader.id, actorType: 'moderator', action: { $in: APPEALABLE_ACTIONS } },
          orderBy: { id: 'desc' },
          limit: APPEALABLE_SHOWN,
        }),
      ]);
      const taken = new Set(appealed.map((row: { decisionEventId: number }) => row.decisionEventId));
      const appealable: Array<{ decision: string; action: string; comment: string | null; at: string | null }> = [];
      for (const decision of decisions as DecisionRow[]) {
        if (taken.has(decision.id) || !(await inForce(decision))) continue;
        appealable.push({
          decision: decision.documentId,
          action: decision.action,
          comment: decision.commentDocumentId,
          at: iso(decision.createdAt),
        });
      }
      return { open, decided, appealable };
    },

    /** The moderators' appeals queue, oldest first. */
    async queue(state: AppealState | undefined, page: PageRequest) {
      const where = state ? { state } : {};
      const [rows, total] = await Promise.all([
        query().findMany({
          where,
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          limit: page.pageSize,
          offset: (page.page - 1) * page.pageSize,
        }),
        query().count({ where }),
      ]);
      const appellants = await appellantsOf(rows);
      return { data: rows.map((row: AppealRow) => toQueueItem(row, appellants)), meta: paginationMeta(page, total) };
    },

    /** `may(action)`: whether the resolving admin holds an RBAC action (upholding reverses a decision, which needs that decision's own). */
    async resolve(admin: AdminUser, documentId: string, resolution: Resolution, may: (action: string) => boolean) {
      const appeal: AppealRow | null = await query().findOne({ where: { documentId } });
      if (!appeal) throw new errors.NotFoundError('No such appeal.', { code: REFUSAL.APPEAL_NOT_FOUND });
      if (appeal.state !== 'open')
        throw conflict('This appeal is already resolved.', {
          code: REFUSAL.APPEAL_ALREADY_RESOLVED,
          state: appeal.state,
        });
      // A second pair of eyes: whoever made the decision may not judge the appeal against it.
      if (appeal.decidedById === admin.id)
        throw refusal('Another moderator must resolve an appeal against your own decision.', REFUSAL.OWN_DECISION);
      const decision: DecisionRow = await events().findOne({ where: { id: appeal.decisionEventId } });
      const needed = reversalOf(decision) === 'reinstate' ? ACTIONS.moderationSanction : ACTIONS.moderationAct;
      if (resolution.outcome === 'upheld' && !may(needed)) {
        throw refusal(
          'Upholding this appeal reverses a decision you may not take yourself.',
          REFUSAL.MISSING_PERMISSION,
          {
            action: needed,
          }
        );
      }
      const actor = moderatorActor(admin);
      return strapi.db.transaction(async ({ trx, onCommit }) => {
        const data = {
          state: resolution.outcome,
          resolvedAt: getService('clock').now(),
          resolvedById: admin.id,
          resolvedByName: actor.name,
          resolutionReason: resolution.reason,
        };
        // Of two moderators resolving at once, only the first does.
        const { count } = await query().updateMany({ where: { id: appeal.id, state: 'open' }, data });
        if (count === 0) throw conflict('This appeal is already resolved.', { code: REFUSAL.APPEAL_ALREADY_RESOLVED });
        if (resolution.outcome === 'upheld')
          await reverse(admin, decision, `Appeal upheld: ${resolution.reason}`, trx, onCommit);
        await getService('audit').record({
          action: appealAuditAction(resolution.outcome),
          actor,
          comment: appeal.commentId ? { id: appeal.commentId, documentId: appeal.commentDocumentId! } : null,
          subjectUserId: appeal.appellantId,
          reason: resolution.reason,
          before: { state: 'open' },
          after: { state: resolution.outcome, appeal: appeal.documentId, decision: appeal.decisionDocumentId },
        });
        await getService('events').record(onCommit, EVENTS.appealResolved, {
          appeal: appeal.documentId,
          decision: appeal.decisionDocumentId,
          comment: appeal.commentDocumentId,
          outcome: resolution.outcome,
        });
        const resolved = { ...appeal, ...data };
        return toQueueItem(resolved, await appellantsOf([resolved]));
      });
    },
  };
};

export type AppealsService = ReturnType<typeof appeals>;
export default appeals;
