import { useEffect, useMemo, useState } from 'react';
import { Badge, Box, Button, Flex, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { Layouts, Page, useNotification, useRBAC } from '@strapi/strapi/admin';
import { CommentPanel } from '../components/CommentPanel';
import { Pager } from '../components/Pager';
import { QueueTable } from '../components/QueueTable';
import { ReasonDialog, type ReasonDialogResult } from '../components/ReasonDialog';
import { UndoNotice } from '../components/UndoNotice';
import { PERMISSIONS } from '../permissions';
import { ageOf, type QueuePage, type QueueRow } from '../utils/api';
import { useDecisions, usePresetReasons } from '../utils/decisions';
import { useShortcuts } from '../utils/keys';
import { useAdminPost, useAdminQuery, useInvalidate } from '../utils/queries';
import { useT } from '../utils/translate';

import type { BulkBody, BulkResult, Stats } from '../../../shared/contracts/admin';
import {
  COUNTED_QUEUES as QUEUES,
  EDITORIAL_REASON,
  QUEUE_SORTS as SORTS,
  REPORT_REASONS,
  type BulkAction,
} from '../../../shared/contracts/vocabulary';

// The editorial reason goes to the editors' complaints, never to this queue.
const REASONS = REPORT_REASONS.filter((reason) => reason !== EDITORIAL_REASON);

/** Approve or hide the selected rows through the bulk route. */
interface BulkRequest {
  action: BulkAction;
  ids: string[];
}

/** One row's decision from the keyboard, through the actions route (and undoable). */
interface RowDecision {
  action: 'approve' | 'hide' | 'remove';
  row: QueueRow;
}

const QueueScreen = () => {
  const t = useT();
  const { allowedActions } = useRBAC({ act: PERMISSIONS.moderationAct, sanction: PERMISSIONS.moderationSanction });
  const article = new URLSearchParams(window.location.search).get('article') ?? undefined;
  const [queue, setQueue] = useState<(typeof QUEUES)[number]>('reported');
  const [reason, setReason] = useState('');
  const [sort, setSort] = useState<(typeof SORTS)[number]>('priority');
  const [page, setPage] = useState(1);
  const [cursorId, setCursorId] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [bulk, setBulk] = useState<BulkRequest | null>(null);
  const [decision, setDecision] = useState<RowDecision | null>(null);

  const params = { queue, sort, page, reason, article };
  const { data } = useAdminQuery<QueuePage>('queue', '/comments/moderation/queue', params);
  const stats = useAdminQuery<Stats>('stats', '/comments/moderation/stats');
  const refresh = useInvalidate(['queue', 'stats']);
  const bulkPost = useAdminPost<BulkBody>(['queue', 'stats', 'audit'], null);
  const { toggleNotification } = useNotification();
  const { decide, undo, undoable } = useDecisions();
  const presets = usePresetReasons();
  const rows = useMemo(() => data?.data ?? [], [data]);
  // The cursor follows a comment, not a position: after a decision it rests on the next one however the list reloads.
  const cursor = Math.max(0, rows.findIndex((row) => row.documentId === cursorId));
  const current = rows[cursor];

  const paramsKey = JSON.stringify(params);
  useEffect(() => {
    setCursorId(null);
    setSelected(new Set());
  }, [paramsKey]);

  const runBulk = async ({ action, ids }: BulkRequest, reasonText: string) => {
    setBulk(null);
    const items = rows
      .filter((row) => ids.includes(row.documentId))
      .map((row) => ({ documentId: row.documentId, version: row.version }));
    if (items.length === 0) return;
    const response = await bulkPost
      .mutateAsync({ url: '/comments/moderation/bulk', body: { action, reason: reasonText, items } })
      .catch(() => null);
    if (!response) return;
    const results = (response.data as BulkResult).data.results;
    toggleNotification({
      type: 'info',
      message: t('queue.bulk.results', {
        done: results.filter((r) => r.result === 'done').length,
        stale: results.filter((r) => r.result === 'stale').length,
        missing: results.filter((r) => r.result === 'not-found').length,
      }),
    });
    setSelected(new Set());
  };

  const runDecision = async ({ action, row }: RowDecision, result: ReasonDialogResult) => {
    setDecision(null);
    const index = rows.findIndex((candidate) => candidate.documentId === row.documentId);
    if (await decide(row, action, result)) setCursorId((rows[index + 1] ?? rows[index - 1])?.documentId ?? null);
  };

  const move = (step: number) => {
    const next = rows[Math.min(rows.length - 1, Math.max(0, cursor + step))];
    if (next) setCursorId(next.documentId);
  };
  const decideOn = (action: RowDecision['action']) =>
    current && allowedActions.canAct ? () => setDecision({ action, row: current }) : undefined;
  useShortcuts({
    j: () => move(1),
    k: () => move(-1),
    o: current && (() => setOpenId(current.documentId)),
    Enter: current && (() => setOpenId(current.documentId)),
    Escape: () => setOpenId(null),
    a: decideOn('approve'),
    h: decideOn('hide'),
    r: decideOn('remove'),
    u: undoable ? () => void undo() : undefined,
  });

  const counts: Partial<QueuePage['meta']['counts']> = data?.meta.counts ?? {};
  const pagination = data?.meta.pagination;
  const cover = stats.data?.data.cover.cover;
  const toggle = (id: string) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Page.Main>
      <Layouts.Header
        title={t('queue.title')}
        subtitle={
          <Flex gap={3} data-testid="queue-header">
            <Typography textColor="neutral600">{t('queue.subtitle')}</Typography>
            {cover && (
              <Badge active={cover === 'full-time'}>{t('queue.cover', { cover: t(`queue.cover.${cover}`) })}</Badge>
            )}
            <Badge>
              {stats.data?.data.oldestOpen
                ? t('queue.oldest', { age: ageOf(stats.data.data.oldestOpen.since) })
                : t('queue.oldest.none')}
            </Badge>
          </Flex>
        }
      />
      <Layouts.Content>
        <Flex gap={2} paddingBottom={4} wrap="wrap" role="tablist">
          {QUEUES.map((name) => (
            <Button
              key={name}
              role="tab"
              aria-selected={queue === name}
              variant={queue === name ? 'default' : 'tertiary'}
              onClick={() => {
                setQueue(name);
                setPage(1);
              }}
            >
              {t(`queue.tab.${name}`)} ({counts[name] ?? 0})
            </Button>
          ))}
        </Flex>
        <Flex gap={4} paddingBottom={4} alignItems="flex-end" wrap="wrap">
          <Box minWidth="200px">
            <SingleSelect
              aria-label={t('queue.filter.reason')}
              placeholder={t('queue.filter.reason.any')}
              value={reason}
              onChange={(value: string | number) => {
                setReason(String(value));
                setPage(1);
              }}
              onClear={() => setReason('')}
            >
              {REASONS.map((name) => (
                <SingleSelectOption key={name} value={name}>
                  {name}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Box>
          <Box minWidth="200px">
            <SingleSelect
              aria-label={t('queue.filter.sort')}
              value={sort}
              onChange={(value: string | number) => setSort(value as (typeof SORTS)[number])}
            >
              {SORTS.map((name) => (
                <SingleSelectOption key={name} value={name}>
                  {t(`queue.sort.${name}`)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Box>
          {allowedActions.canAct && selected.size > 0 && (
            <Flex gap={2}>
              <Typography>{t('queue.bulk.selected', { count: selected.size })}</Typography>
              <Button variant="success-light" onClick={() => setBulk({ action: 'approve', ids: [...selected] })}>
                {t('queue.bulk.approve')}
              </Button>
              <Button variant="danger-light" onClick={() => setBulk({ action: 'hide', ids: [...selected] })}>
                {t('queue.bulk.hide')}
              </Button>
            </Flex>
          )}
        </Flex>
        {bulk && (
          <ReasonDialog
            title={t(bulk.action === 'approve' ? 'queue.bulk.approve' : 'queue.bulk.hide')}
            presets={bulk.action === 'hide' ? presets : undefined}
            onConfirm={({ reason: reasonText }) => runBulk(bulk, reasonText)}
            onCancel={() => setBulk(null)}
          />
        )}
        {decision && (
          <ReasonDialog
            title={t('dialog.title', { action: t(`action.${decision.action}`) })}
            withPublicReason={decision.action !== 'approve'}
            presets={decision.action === 'approve' ? undefined : presets}
            initialReason={decision.action === 'approve' ? t('queue.approve.reason') : ''}
            restoreFocus={false}
            onConfirm={(result) => runDecision(decision, result)}
            onCancel={() => setDecision(null)}
          />
        )}
        {undoable && <UndoNotice decision={undoable} onUndo={() => void undo()} />}
        <Typography variant="pi" textColor="neutral600" data-testid="keyboard-help">
          {t('queue.keys')}
        </Typography>
        <Flex gap={4} alignItems="flex-start" paddingTop={2}>
          {/* minWidth 0: the table may scroll within its column instead of widening the page. */}
          <Box flex="1" minWidth={0}>
            <QueueTable
              rows={rows}
              cursor={cursor}
              focusCurrent={!openId && !bulk && !decision}
              selected={selected}
              onToggle={toggle}
              onOpen={(index) => {
                setCursorId(rows[index].documentId);
                setOpenId(rows[index].documentId);
              }}
            />
            {pagination && <Pager page={page} pageCount={pagination.pageCount ?? 1} onPage={setPage} />}
          </Box>
          {openId && (
            // A drawer over the right of the screen: it fits every laptop width and leaves the queue in place.
            <Box
              data-testid="comment-drawer"
              role="complementary"
              aria-label={t('panel.drawer')}
              background="neutral0"
              shadow="popupShadow"
              style={{
                position: 'fixed',
                top: 0,
                right: 0,
                height: '100vh',
                width: 'min(640px, 92vw)',
                overflowY: 'auto',
                zIndex: 3,
              }}
            >
              <CommentPanel
                key={openId}
                documentId={openId}
                canAct={allowedActions.canAct}
                canSanction={allowedActions.canSanction}
                onChanged={() => void refresh()}
                onClose={() => setOpenId(null)}
              />
            </Box>
          )}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

const ModerationPage = () => (
  <Page.Protect permissions={PERMISSIONS.moderationRead}>
    <QueueScreen />
  </Page.Protect>
);

export default ModerationPage;
