import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { EDITORIAL_REASON, EVENTS, REFUSAL, UID } from '../constants';
import { withdrawalOf } from '../rules/transitions';
import { suspectWordFlag } from '../rules/highlights';
import { commentsRepository } from '../repositories/comments';
import type { Reader } from '../utils/reader';
import { getService } from '../utils/get-service';
import { newestFirstPage, type PageRequest } from '../utils/pagination';
import { refusal } from '../utils/errors';
import { insertRow } from '../utils/insert-row';
import { toOwnComment, type CommentRow } from '../utils/serialize';
import type { Actor } from './audit';

export interface PostInput {
  body: string;
  parent?: string | null;
}

/** The fields an audit row records before and after a change of a comment. */
export const snapshot = (row: Pick<CommentRow, 'status' | 'body' | 'version'> & Partial<CommentRow>) => ({
  status: row.status,
  body: row.body,
  autoHidden: Boolean(row.autoHidden),
  amendedByModerator: Boolean(row.amendedByModerator),
  version: row.version,
});

const authorActor = (reader: Reader, displayName: string | null): Actor => ({
  type: 'author',
  id: reader.id,
  name: displayName,
});

/** Readers' own writes: posting, editing within the window, withdrawing, and their list of comments. */
const comments = ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => strapi.db.query(UID.comment);

  /** The caller's own comment, or 404 when it does not exist and 403 when it is someone else's. */
  const ownComment = async (reader: Reader, documentId: string): Promise<CommentRow> => {
    const row: CommentRow | null = await query().findOne({ where: { documentId } });
    if (!row || ['erased', 'withdrawn', 'withdrawn-under-review'].includes(row.status))
      throw new errors.NotFoundError('No such comment.');
    if (row.authorId !== reader.id) {
      if (row.status !== 'visible') throw new errors.NotFoundError('No such comment.');
      throw refusal('Only its author may change a comment.', REFUSAL.NOT_COMMENT_AUTHOR);
    }
    return row;
  };

  const checkedBody = async (raw: string) => {
    const config = await getService('settings').get();
    const body = getService('text').normalize(raw, config.body);
    const words = getService('words').check(body, config.words);
    if (words.banned.length > 0) {
      throw new errors.ValidationError('The comment contains words that are not allowed here.', {
        code: REFUSAL.BANNED_WORDS,
      });
    }
    return { body, config, suspect: words.suspect };
  };

  return {
    async post(reader: Reader, threadDocumentId: string, input: PostInput) {
      const profile = await getService('commenters').assertCanComment(reader);
      const now = getService('clock').now();
      const thread = await getService('threads').resolve(threadDocumentId);
      getService('threads').assertOpen(thread, now);

      let parentId: string | null = null;
      if (input.parent) {
        const parent: CommentRow | null = await query().findOne({
          where: { documentId: input.parent, threadType: thread.type, threadId: thread.documentId },
        });
        if (!parent || parent.status !== 'visible')
          throw new errors.NotFoundError('The comment you reply to does not exist.');
        // Threads are two levels deep: a reply to a reply joins the same top-level comment.
        parentId = parent.parentId ?? parent.documentId;
      }

      const { body, config, suspect } = await checkedBody(input.body);
      await getService('rate-limit').consume('post', reader.documentId, config.rateLimits.post, config.redisUrl);

      const bodyHash = getService('text').fingerprint(body);
      const flagReasons: string[] = suspect.map(suspectWordFlag);
      if (config.repeatWindowMinutes > 0) {
        const repeats = await query().count({
          where: {
            authorId: reader.id,
            bodyHash,
            createdAt: { $gt: new Date(now.getTime() - config.repeatWindowMinutes * 60_000) },
          },
        });
        if (repeats > 0) flagReasons.push('repeated-post');
      }
      const cover = getService('cover').at(now, config.schedule);
      // Outside full-time cover, comments on high-risk stories wait for a moderator.
      const held = cover === 'part-time' && thread.moderationRisk === 'high';

      const created: CommentRow = await strapi.db.transaction(async ({ trx, onCommit }) => {
        const row = await insertRow<CommentRow>(strapi, UID.comment, {
          body,
          bodyHash,
          threadType: thread.type,
          threadId: thread.documentId,
          parentId,
          authorId: reader.id,
          authorName: profile.displayName,
          status: held ? 'held' : 'visible',
          flagged: flagReasons.length > 0,
          flagReasons: flagReasons.length > 0 ? flagReasons : null,
          needsReview: held || flagReasons.length > 0,
          coverAtPost: cover,
          version: 1,
        });
        await getService('audit').record({
          action: 'posted',
          actor: authorActor(reader, profile.displayName),
          comment: row,
          subjectUserId: reader.id,
          reason:
            flagReasons.length > 0
              ? `flagged: ${flagReasons.join(', ')}`
              : held
                ? 'held: high-risk story outside full-time cover'
                : null,
          after: snapshot(row),
        });
        await getService('events').record(onCommit, EVENTS.commentCreated, {
          comment: row.documentId,
          thread: { type: thread.type, documentId: thread.documentId },
          parent: parentId,
          author: reader.documentId,
          status: row.status,
          flagged: flagReasons.length > 0,
        });
        await getService('threads').bump({ trx, onCommit }, [thread]);
        return row;
      });
      return toOwnComment(created);
    },

    async edit(reader: Reader, documentId: string, rawBody: string) {
      const row = await ownComment(reader, documentId);
      await getService('commenters').assertCanComment(reader);
      const now = getService('clock').now();
      const config = await getService('settings').get();
      if (row.moderatedAt) {
        throw refusal(
          'A moderator has acted on this comment, so it can no longer be edited.',
          REFUSAL.EDIT_WINDOW_CLOSED,
          { reason: 'moderated' }
        );
      }
      if (row.status !== 'visible' && row.status !== 'held') throw new errors.NotFoundError('No such comment.');
      const closesAt = new Date(new Date(row.createdAt).getTime() + config.editWindowMinutes * 60_000);
      if (now >= closesAt) {
        throw refusal(
          `Comments can be edited for ${config.editWindowMinutes} minutes after posting.`,
          REFUSAL.EDIT_WINDOW_CLOSED,
          { reason: 'expired', closedAt: closesAt.toISOString() }
        );
      }
      const thread = await getService('threads').resolve(row.threadId);
      getService('threads').assertOpen(thread, now);
      const { body, suspect } = await checkedBody(rawBody);
      if (body === row.body) return toOwnComment(row);

      const profile = await getService('commenters').profileOf(reader);
      const updated: CommentRow = await strapi.db.transaction(async ({ trx, onCommit }) => {
        const next: CommentRow = await query().update({
          where: { id: row.id, version: row.version },
          data: {
            body,
            bodyHash: getService('text').fingerprint(body),
            editedAt: now,
            version: row.version + 1,
            ...(suspect.length > 0
              ? { flagged: true, needsReview: true, flagReasons: suspect.map(suspectWordFlag) }
              : {}),
          },
        });
        if (!next)
          throw new errors.ApplicationError('The comment changed meanwhile: reload it and try again.', {
            code: 'STALE_VERSION',
          });
        // The earlier text stays in the audit trail.
        await getService('audit').record({
          action: 'edited',
          actor: authorActor(reader, profile.displayName),
          comment: row,
          subjectUserId: reader.id,
          before: snapshot(row),
          after: snapshot(next),
        });
        await getService('events').record(onCommit, EVENTS.commentEdited, {
          comment: row.documentId,
          thread: { type: row.threadType, documentId: row.threadId },
          version: next.version,
        });
        await getService('threads').bump({ trx, onCommit }, [{ type: row.threadType, documentId: row.threadId }]);
        return next;
      });
      return toOwnComment(updated);
    },

    /**
     * Out of public view at once. A comment that is reported, hidden or held stays before the
     * moderators with its reports (`withdrawn-under-review`): withdrawing is not a way to make
     * the evidence disappear.
     */
    async withdraw(reader: Reader, documentId: string) {
      const row = await ownComment(reader, documentId);
      const profile = await getService('commenters').profileOf(reader);
      const withdrawn: CommentRow = await strapi.db.transaction(async ({ trx, onCommit }) => {
        // Under the row lock a report cannot slip in between counting them and withdrawing.
        await commentsRepository(strapi).lock(trx, row.id);
        const openReports = await strapi.db
          .query(UID.report)
          .count({ where: { commentId: row.id, state: 'open', reason: { $ne: EDITORIAL_REASON } } });
        return getService('transitions').apply({
          comment: row,
          transition: withdrawalOf(row.status, openReports),
          actor: authorActor(reader, profile.displayName),
          reason: null,
          expectedVersion: row.version,
          trx,
          onCommit,
        });
      });
      return toOwnComment(withdrawn);
    },

    listMine(reader: Reader, page: PageRequest) {
      return newestFirstPage(query(), { authorId: reader.id, status: { $ne: 'erased' } }, page, toOwnComment);
    },
  };
};

export type CommentsService = ReturnType<typeof comments>;
export default comments;
