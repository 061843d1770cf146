import { useCallback, useEffect, useState } from 'react';
import { useNotification } from '@strapi/strapi/admin';
import { useAdminPost, useAdminQuery } from './queries';
import { useT } from './translate';
import type { ReasonDialogResult } from '../components/ReasonDialog';
import type { ActionBody, ActionResult } from '../../../shared/contracts/admin';
import type { SettingsResponse } from '../../../shared/contracts/settings';
import type { ModerationAction } from '../../../shared/contracts/vocabulary';

/** How long a decision may be taken back from the queue. */
export const UNDO_SECONDS = 6;

/** The transition that takes a decision back; approve has none (the comment stays as it was). */
const UNDO_WITH: Partial<Record<ModerationAction, ModerationAction>> = { hide: 'restore', remove: 'restore' };

export interface UndoableDecision {
  documentId: string;
  action: ModerationAction;
  /** The comment's version after the decision, from the action's answer (the undo's compare-and-set). */
  version: number;
}

/** The house rules as preset reasons, from the moderation settings. */
export const usePresetReasons = () => {
  const { data } = useAdminQuery<SettingsResponse>('settings', '/comments/moderation/settings');
  return data?.data.settings.presetReasons ?? [];
};

/** One comment's decision through the actions route, and its undo for a few seconds afterwards. */
export const useDecisions = () => {
  const t = useT();
  const { toggleNotification } = useNotification();
  const { mutateAsync } = useAdminPost<ActionBody>(['queue', 'stats', 'audit'], null);
  const [undoable, setUndoable] = useState<UndoableDecision | null>(null);

  useEffect(() => {
    if (!undoable) return;
    const timer = setTimeout(() => setUndoable(null), UNDO_SECONDS * 1000);
    return () => clearTimeout(timer);
  }, [undoable]);

  const send = useCallback(
    async (documentId: string, body: ActionBody) =>
      ((await mutateAsync({ url: `/comments/moderation/comments/${documentId}/actions`, body })).data as ActionResult)
        .data,
    [mutateAsync]
  );

  /** Resolves to whether it was done (a refusal has been shown to the moderator). */
  const decide = useCallback(
    async (target: { documentId: string; version: number }, action: ModerationAction, result: ReasonDialogResult) => {
      setUndoable(null);
      try {
        const answer = await send(target.documentId, { action, version: target.version, ...result });
        // An undoable decision says so in the undo notice instead.
        if (UNDO_WITH[action]) setUndoable({ documentId: target.documentId, action, version: answer.version });
        else toggleNotification({ type: 'success', message: t('notice.done', { action: t(`action.${action}`) }) });
        return true;
      } catch {
        return false;
      }
    },
    [send, toggleNotification, t]
  );

  const undo = useCallback(async () => {
    const undoWith = undoable && UNDO_WITH[undoable.action];
    if (!undoable || !undoWith) return;
    setUndoable(null);
    try {
      await send(undoable.documentId, { action: undoWith, version: undoable.version, reason: t('undo.reason') });
      toggleNotification({ type: 'info', message: t('undo.done', { action: t(`action.${undoable.action}`) }) });
    } catch {
      // The refusal (someone acted meanwhile) has been shown.
    }
  }, [undoable, send, toggleNotification, t]);

  return { decide, undo, undoable };
};
