import { useState } from 'react';
import { Badge, Box, Button, Checkbox, Field, Flex, TextInput, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { ReasonDialog, type ReasonDialogResult } from './ReasonDialog';
import { errorMessage, errorStatus, useAdminGet } from '../utils/api';
import { usePresetReasons } from '../utils/decisions';
import { useT } from '../utils/translate';
import type { ActionBody, CommentDetail, SanctionBody } from '../../../shared/contracts/admin';
import type { ModerationAction, SanctionAction } from '../../../shared/contracts/vocabulary';

interface Props {
  documentId: string;
  canAct: boolean;
  canSanction: boolean;
  onChanged: () => void;
  onClose: () => void;
}

/** One comment in context, with the moderator's actions. Comment text is rendered as text, never HTML. */
export const CommentPanel = ({ documentId, canAct, canSanction, onChanged, onClose }: Props) => {
  const t = useT();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { data, reload } = useAdminGet<CommentDetail>(`/comments/moderation/comments/${documentId}`);
  const [pending, setPending] = useState<ModerationAction | null>(null);
  const [pendingSanction, setPendingSanction] = useState<SanctionAction | null>(null);
  const [until, setUntil] = useState('');
  const [hideComments, setHideComments] = useState(false);
  const presets = usePresetReasons();

  if (!data) return null;
  const { comment, thread, parent, neighbours, author, reports, history } = data.data;

  const run = async (action: ModerationAction, request: ReasonDialogResult) => {
    setPending(null);
    try {
      const body: ActionBody = { action, ...request, version: comment.version };
      await post(`/comments/moderation/comments/${documentId}/actions`, body);
      toggleNotification({ type: 'success', message: t('notice.done', { action: t(`action.${action}`) }) });
      onChanged();
      reload();
    } catch (error) {
      if (errorStatus(error) === 409) {
        toggleNotification({ type: 'warning', message: t('notice.stale') });
        reload();
        onChanged();
      } else toggleNotification({ type: 'danger', message: t('notice.error', { message: errorMessage(error) }) });
    }
  };

  const sanction = async (action: SanctionAction, { reason }: ReasonDialogResult) => {
    setPendingSanction(null);
    if (!comment.author.documentId) return;
    try {
      const body: SanctionBody = {
        action,
        reason,
        ...(action === 'suspend' ? { until: new Date(until).toISOString() } : {}),
        ...(action !== 'reinstate' ? { hideComments } : {}),
      };
      await post(`/comments/moderation/users/${comment.author.documentId}/sanctions`, body);
      toggleNotification({ type: 'success', message: t('notice.done', { action: t(`panel.sanction.${action}`) }) });
      onChanged();
      reload();
    } catch (error) {
      toggleNotification({ type: 'danger', message: t('notice.error', { message: errorMessage(error) }) });
    }
  };

  return (
    <Box data-testid="comment-panel" background="neutral0" padding={6} shadow="tableShadow" hasRadius>
      <Flex justifyContent="space-between" alignItems="center">
        <Typography variant="beta" tag="h2">
          {t('panel.title')} <Badge>{comment.status}</Badge>
        </Typography>
        <Button variant="tertiary" onClick={onClose}>
          {t('panel.close')}
        </Button>
      </Flex>
      <Box paddingTop={2}>
        <Typography textColor="neutral600">
          {t('panel.story')}: {thread.title ?? thread.documentId}
        </Typography>
      </Box>
      {parent && (
        <Box paddingTop={3}>
          <Typography variant="sigma">{t('panel.parent')}</Typography>
          <Typography tag="p" textColor="neutral600">
            {parent.author.displayName}: {parent.body}
          </Typography>
        </Box>
      )}
      <Box paddingTop={3} paddingBottom={3}>
        <Typography variant="omega" fontWeight="bold">
          {comment.author.displayName}
        </Typography>
        <Typography tag="p" data-testid="panel-body" style={{ whiteSpace: 'pre-wrap' }}>
          {comment.body}
        </Typography>
      </Box>
      {canAct && (
        <Flex gap={2} wrap="wrap">
          {comment.actions.map((action) => (
            <Button
              key={action}
              variant={
                action === 'approve' || action === 'release'
                  ? 'success-light'
                  : action === 'remove'
                    ? 'danger'
                    : 'secondary'
              }
              onClick={() => setPending(action)}
            >
              {t(`action.${action}`)}
            </Button>
          ))}
        </Flex>
      )}
      {pending && (
        <ReasonDialog
          title={t('dialog.title', { action: t(`action.${pending}`) })}
          body={pending === 'amend' ? (comment.body ?? '') : undefined}
          withPublicReason
          presets={pending === 'hide' || pending === 'remove' ? presets : undefined}
          onConfirm={(result) => run(pending, result)}
          onCancel={() => setPending(null)}
        />
      )}
      {pendingSanction && (
        <ReasonDialog
          title={t(`panel.sanction.${pendingSanction}`)}
          onConfirm={(result) => sanction(pendingSanction, result)}
          onCancel={() => setPendingSanction(null)}
        />
      )}

      {(neighbours.before.length > 0 || neighbours.after.length > 0) && (
        <Box paddingTop={4}>
          <Typography variant="sigma">{t('panel.neighbours')}</Typography>
          {[...neighbours.before, ...neighbours.after].map((neighbour) => (
            <Typography key={neighbour.documentId} tag="p" textColor="neutral600">
              {neighbour.author.displayName}: {neighbour.body}
            </Typography>
          ))}
        </Box>
      )}
      <Box paddingTop={4}>
        <Typography variant="sigma">{t('panel.reports')}</Typography>
        {reports.map((report) => (
          <Typography key={report.documentId} tag="p">
            <Badge>{report.reason}</Badge> {report.reporter.displayName ?? '–'} · {report.state}
            {report.note ? ` · ${t('panel.report.note')}: ${report.note}` : ''}
          </Typography>
        ))}
      </Box>
      {author && (
        <Box paddingTop={4}>
          <Typography variant="sigma">{t('panel.author')}</Typography>
          <Typography tag="p">
            {t('panel.author.record', {
              comments: author.comments,
              upheld: author.upheldAgainst,
              sanction: author.sanction,
            })}
          </Typography>
          {canSanction && comment.author.documentId && (
            <Flex gap={2} paddingTop={2} alignItems="flex-end" wrap="wrap">
              <Field.Root name="until">
                <Field.Label>{t('panel.sanction.until')}</Field.Label>
                <TextInput
                  type="datetime-local"
                  value={until}
                  onChange={(event: React.ChangeEvent<HTMLInputElement>) => setUntil(event.target.value)}
                />
              </Field.Root>
              <Button variant="secondary" disabled={!until} onClick={() => setPendingSanction('suspend')}>
                {t('panel.sanction.suspend')}
              </Button>
              <Button variant="danger-light" onClick={() => setPendingSanction('ban')}>
                {t('panel.sanction.ban')}
              </Button>
              <Button variant="tertiary" onClick={() => setPendingSanction('reinstate')}>
                {t('panel.sanction.reinstate')}
              </Button>
              <Checkbox
                checked={hideComments}
                onCheckedChange={(value: boolean | 'indeterminate') => setHideComments(value === true)}
              >
                {t('panel.sanction.hideComments')}
              </Checkbox>
            </Flex>
          )}
        </Box>
      )}
      <Box paddingTop={4}>
        <Typography variant="sigma">{t('panel.history')}</Typography>
        {history.map((event, index) => (
          <Typography key={index} tag="p" data-testid="history-row" textColor="neutral600">
            {new Date(event.at).toLocaleString()} · {event.action} · {event.actor.name ?? event.actor.type}
            {event.reason ? ` · ${event.reason}` : ''}
          </Typography>
        ))}
      </Box>
    </Box>
  );
};
