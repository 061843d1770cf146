import { useNotification } from '@strapi/strapi/admin';
import { useAdminPost, useAdminQuery, useInvalidate } from '../../utils/queries';
import { useT } from '../../utils/translate';
import type { ReasonDialogResult } from '../ReasonDialog';
import type { ActionBody, CommentDetail, SanctionBody } from '../../../../shared/contracts/admin';
import type { ModerationAction, SanctionAction } from '../../../../shared/contracts/vocabulary';

/** What a decision in the drawer changes: the drawer itself, the queue around it, its counts and the audit. */
const CHANGED_BY_DECISIONS = ['comment', 'queue', 'stats', 'audit'];

export type Detail = CommentDetail['data'];

/** One comment in context, cached as the `comment` resource (every decision invalidates it). */
export const useCommentDetail = (documentId: string) =>
  useAdminQuery<CommentDetail>('comment', `/comments/moderation/comments/${documentId}`);

/** A moderation action on the comment at the version the moderator saw; a refusal reloads what changed. */
export const useCommentAction = (comment: Detail['comment']) => {
  const t = useT();
  const { toggleNotification } = useNotification();
  const { mutateAsync } = useAdminPost<ActionBody>(CHANGED_BY_DECISIONS, null);
  const refresh = useInvalidate(CHANGED_BY_DECISIONS);
  return async (action: ModerationAction, result: ReasonDialogResult) => {
    try {
      const body: ActionBody = { action, ...result, version: comment.version };
      await mutateAsync({ url: `/comments/moderation/comments/${comment.documentId}/actions`, body });
      toggleNotification({ type: 'success', message: t('notice.done', { action: t(`action.${action}`) }) });
    } catch {
      // Refused (the notice says why), often because someone acted first: show the comment as it is now.
      await refresh();
    }
  };
};

export interface SanctionRequest {
  action: SanctionAction;
  reason: string;
  /** A suspension's end, as the datetime-local field gives it. */
  until: string;
  hideComments: boolean;
}

/** Suspends, bans or reinstates the author. */
export const useSanction = (authorDocumentId: string) => {
  const t = useT();
  const { toggleNotification } = useNotification();
  const { mutateAsync } = useAdminPost<SanctionBody>(CHANGED_BY_DECISIONS, null);
  return async ({ action, reason, until, hideComments }: SanctionRequest) => {
    const body: SanctionBody = {
      action,
      reason,
      ...(action === 'suspend' ? { until: new Date(until).toISOString() } : {}),
      ...(action !== 'reinstate' ? { hideComments } : {}),
    };
    try {
      await mutateAsync({ url: `/comments/moderation/users/${authorDocumentId}/sanctions`, body });
      toggleNotification({ type: 'success', message: t('notice.done', { action: t(`panel.sanction.${action}`) }) });
    } catch {
      // The notice says why.
    }
  };
};
