import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { REFUSAL, UID } from '../constants';
import type { ModerationAction } from '../rules/transitions';
import { getService } from '../utils/get-service';
import { moderatorActor, type AdminUser } from '../utils/admin';
import type { CommentRow } from '../utils/serialize';

export type { ModerationAction };

export interface ActionInput {
  action: ModerationAction;
  reason: string;
  version: number;
  body?: string;
  publicReason?: string | null;
}

export interface BulkInput {
  action: 'approve' | 'hide';
  reason: string;
  items: Array<{ documentId: string; version: number }>;
}

export interface BulkResult {
  documentId: string;
  result: 'done' | 'stale' | 'not-found' | 'invalid';
  status: number;
  version?: number;
  code?: string | null;
}

/**
 * Moderators' decisions on one comment. Each is one transaction through the transitions service:
 * the comment's new state (only if its version is still the one the moderator saw), the
 * resolution of its reports and the audit row commit together or not at all.
 */
const moderation = ({ strapi }: { strapi: Core.Strapi }) => {
  const comments = () => strapi.db.query(UID.comment);

  return {
    async act(admin: AdminUser, documentId: string, input: ActionInput) {
      const row: CommentRow | null = await comments().findOne({ where: { documentId } });
      if (!row || row.status === 'erased' || row.status === 'withdrawn')
        throw new errors.NotFoundError('No such comment.');
      const config = await getService('settings').get();
      const amendedBody = input.action === 'amend' ? getService('text').normalize(input.body ?? '', config.body) : null;
      const now = getService('clock').now();

      return strapi.db.transaction(async ({ trx, onCommit }) => {
        const updated = await getService('transitions').apply({
          comment: row,
          transition: input.action,
          actor: moderatorActor(admin),
          reason: input.reason,
          expectedVersion: input.version,
          changes: {
            publicReason: input.publicReason ?? null,
            ...(amendedBody !== null
              ? {
                  body: amendedBody,
                  bodyHash: getService('text').fingerprint(amendedBody),
                  amendedByModerator: true,
                  amendedAt: now,
                }
              : {}),
          },
          trx,
          onCommit,
        });
        return {
          documentId: row.documentId,
          status: updated.status,
          version: updated.version,
          amendedByModerator: Boolean(updated.amendedByModerator),
        };
      });
    },

    /** Approve or hide up to 100 comments; each item is its own transaction and audit row. */
    async bulk(admin: AdminUser, input: BulkInput) {
      const results: BulkResult[] = [];
      for (const item of input.items) {
        try {
          const done = await this.act(admin, item.documentId, {
            action: input.action,
            reason: input.reason,
            version: item.version,
          });
          results.push({ documentId: item.documentId, result: 'done', status: 200, version: done.version });
        } catch (error) {
          const status = error instanceof errors.NotFoundError ? 404 : ((error as { status?: number }).status ?? 500);
          if (status === 500) throw error;
          const code = (error as { details?: { code?: string } }).details?.code;
          results.push({
            documentId: item.documentId,
            result: status === 404 ? 'not-found' : code === REFUSAL.STALE_VERSION ? 'stale' : 'invalid',
            status,
            code: code ?? null,
          });
        }
      }
      return { results, done: results.filter((result) => result.result === 'done').length };
    },
  };
};

export type ModerationService = ReturnType<typeof moderation>;
export default moderation;
