import { useEffect, useMemo, useState } from 'react';
import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { BulkBar } from '../components/BulkBar';
import { CommentPanel } from '../components/CommentPanel';
import { Pager } from '../components/Pager';
import { QueueFilters } from '../components/QueueFilters';
import { QueueTable } from '../components/QueueTable';
import { QueueTabs } from '../components/QueueTabs';
import { ReasonDialog, type ReasonDialogResult } from '../components/ReasonDialog';
import { UndoNotice } from '../components/UndoNotice';
import { PERMISSIONS } from '../permissions';
import { ageOf, type QueuePage, type QueueRow } from '../utils/api';
import { useBulk } from '../utils/bulk';
import { useDecisions, usePresetReasons } from '../utils/decisions';
import { useShortcuts } from '../utils/keys';
import { useAdminQuery } from '../utils/queries';
import { useQueueView } from '../utils/queue-filters';
import { useAllowed } from '../utils/rbac';
import { useT } from '../utils/translate';

import type { Stats } from '../../../shared/contracts/admin';
import type { BulkAction } from '../../../shared/contracts/vocabulary';

/** The counts and rows stay live: refetched this often, and when the window regains focus. */
const LIVE_MS = 15_000;

/** One row's decision from the keyboard, through the actions route (and undoable). */
interface RowDecision {
  action: 'approve' | 'hide' | 'remove';
  row: QueueRow;
}

const QueueHeader = ({ stats }: { stats?: Stats }) => {
  const t = useT();
  const cover = stats?.data.cover.cover;
  return (
    <Layouts.Header
      title={t('queue.title')}
      subtitle={
        <Flex gap={3} data-testid="queue-header">
          <Typography textColor="neutral600">{t('queue.subtitle')}</Typography>
          {cover && (
            <Badge active={cover === 'full-time'}>{t('queue.cover', { cover: t(`queue.cover.${cover}`) })}</Badge>
          )}
          <Badge>
            {stats?.data.oldestOpen
              ? t('queue.oldest', { age: ageOf(stats.data.oldestOpen.since) })
              : t('queue.oldest.none')}
          </Badge>
        </Flex>
      }
    />
  );
};

/** A drawer over the right of the screen: it fits every laptop width and leaves the queue in place. */
const CommentDrawer = ({ children }: { children: React.ReactNode }) => {
  const t = useT();
  return (
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
      {children}
    </Box>
  );
};

/** The queue's data for the view in the URL, kept live. */
const useQueue = () => {
  const { view, params, filtered, change, clearFilters } = useQueueView();
  const queue = useAdminQuery<QueuePage>('queue', '/comments/moderation/queue', params, { refetchInterval: LIVE_MS });
  const stats = useAdminQuery<Stats>('stats', '/comments/moderation/stats', undefined, { refetchInterval: LIVE_MS });
  const rows = useMemo(() => queue.data?.data ?? [], [queue.data]);
  return { view, params, filtered, change, clearFilters, queue, stats: stats.data, rows };
};

const QueueScreen = () => {
  const t = useT();
  const { allowed: canAct } = useAllowed(PERMISSIONS.moderationAct);
  const { allowed: canSanction } = useAllowed(PERMISSIONS.moderationSanction);
  const { view, params, filtered, change, clearFilters, queue, stats, rows } = useQueue();
  const [cursorId, setCursorId] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [bulkAction, setBulkAction] = useState<BulkAction | null>(null);
  const [decision, setDecision] = useState<RowDecision | null>(null);
  const paramsKey = JSON.stringify(params);
  const bulk = useBulk(rows, paramsKey);
  const { decide, undo, undoable } = useDecisions();
  const presets = usePresetReasons();
  // The cursor follows a comment, not a position: after a decision it rests on the next one however the list reloads.
  const cursor = Math.max(
    0,
    rows.findIndex((row) => row.documentId === cursorId)
  );
  const current = rows[cursor];
  useEffect(() => setCursorId(null), [paramsKey]);

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
    current && canAct ? () => setDecision({ action, row: current }) : undefined;
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
  const pagination = queue.data?.meta.pagination;

  return (
    <Page.Main>
      <QueueHeader stats={stats} />
      <Layouts.Content>
        <QueueTabs
          queue={view.queue}
          counts={queue.data?.meta.counts ?? {}}
          onSelect={(name) => change({ queue: name })}
        />
        <QueueFilters view={view} filtered={filtered} onChange={change} onClear={clearFilters} />
        {queue.errorText && (
          <Typography textColor="danger600" data-testid="queue-error">
            {queue.errorText}
          </Typography>
        )}
        {canAct && <BulkBar count={bulk.selected.size} onBulk={setBulkAction} />}
        {bulkAction && (
          <ReasonDialog
            title={t(bulkAction === 'approve' ? 'queue.bulk.approve' : 'queue.bulk.hide')}
            presets={bulkAction === 'hide' ? presets : undefined}
            onConfirm={({ reason }) => {
              setBulkAction(null);
              return bulk.run(bulkAction, reason);
            }}
            onCancel={() => setBulkAction(null)}
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
        {/* minWidth 0: the table may scroll within its column instead of widening the page. */}
        <Box paddingTop={2} minWidth={0}>
          <QueueTable
            rows={rows}
            cursor={cursor}
            focusCurrent={!openId && !bulkAction && !decision}
            selected={bulk.selected}
            onToggle={bulk.toggle}
            onOpen={(index) => {
              setCursorId(rows[index].documentId);
              setOpenId(rows[index].documentId);
            }}
          />
          {pagination && (
            <Pager page={view.page} pageCount={pagination.pageCount ?? 1} onPage={(page) => change({ page })} />
          )}
        </Box>
        {openId && (
          <CommentDrawer>
            <CommentPanel
              key={openId}
              documentId={openId}
              canAct={canAct}
              canSanction={canSanction}
              onClose={() => setOpenId(null)}
            />
          </CommentDrawer>
        )}
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
