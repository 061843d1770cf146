import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  Badge,
  Box,
  Button,
  Checkbox,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Td,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import { CommentPanel } from '../components/CommentPanel';
import { ListTable } from '../components/ListTable';
import { Pager } from '../components/Pager';
import { ReasonDialog } from '../components/ReasonDialog';
import { PERMISSIONS } from '../permissions';
import { ageOf, errorMessage, useAdminGet, type QueuePage } from '../utils/api';
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

/** Approve or hide one or more rows through the bulk route (the keyboard acts on the current row). */
interface BulkRequest {
  action: BulkAction;
  ids: string[];
}

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
    target.getAttribute('role') === 'dialog');

const QueueScreen = () => {
  const t = useT();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { allowedActions } = useRBAC({ act: PERMISSIONS.moderationAct, sanction: PERMISSIONS.moderationSanction });
  const article = new URLSearchParams(window.location.search).get('article');
  const [queue, setQueue] = useState<(typeof QUEUES)[number]>('reported');
  const [reason, setReason] = useState('');
  const [sort, setSort] = useState<(typeof SORTS)[number]>('priority');
  const [page, setPage] = useState(1);
  const [cursor, setCursor] = useState(0);
  const [openId, setOpenId] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [bulk, setBulk] = useState<BulkRequest | null>(null);

  const url = `/comments/moderation/queue?queue=${queue}&sort=${sort}&page=${page}${reason ? `&reason=${reason}` : ''}${article ? `&article=${article}` : ''}`;
  const { data, reload } = useAdminGet<QueuePage>(url);
  const stats = useAdminGet<Stats>('/comments/moderation/stats');
  const rows = useMemo(() => data?.data ?? [], [data]);
  const refresh = useCallback(() => {
    reload();
    stats.reload();
  }, [reload, stats.reload]);

  useEffect(() => {
    setCursor(0);
    setSelected(new Set());
  }, [url]);

  const act = useCallback(
    async ({ action, ids }: BulkRequest, reasonText: string) => {
      setBulk(null);
      const items = rows
        .filter((row) => ids.includes(row.documentId))
        .map((row) => ({ documentId: row.documentId, version: row.version }));
      if (items.length === 0) return;
      try {
        const body: BulkBody = { action, reason: reasonText, items };
        const response = await post<BulkResult>('/comments/moderation/bulk', body);
        const results = response.data.data.results;
        toggleNotification({
          type: 'info',
          message: t('queue.bulk.results', {
            done: results.filter((r) => r.result === 'done').length,
            stale: results.filter((r) => r.result === 'stale').length,
            missing: results.filter((r) => r.result === 'not-found').length,
          }),
        });
        setSelected(new Set());
        refresh();
      } catch (error) {
        toggleNotification({ type: 'danger', message: t('notice.error', { message: errorMessage(error) }) });
      }
    },
    [rows, post, toggleNotification, t, refresh]
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target) || event.metaKey || event.ctrlKey || event.altKey) return;
      const current = rows[cursor];
      if (event.key === 'j') setCursor((value) => Math.min(rows.length - 1, value + 1));
      else if (event.key === 'k') setCursor((value) => Math.max(0, value - 1));
      else if ((event.key === 'o' || event.key === 'Enter') && current) setOpenId(current.documentId);
      else if (event.key === 'Escape') setOpenId(null);
      else if (event.key === 'a' && current && allowedActions.canAct)
        setBulk({ action: 'approve', ids: [current.documentId] });
      else if (event.key === 'h' && current && allowedActions.canAct)
        setBulk({ action: 'hide', ids: [current.documentId] });
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [rows, cursor, allowedActions.canAct]);

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
            onConfirm={({ reason: reasonText }) => act(bulk, reasonText)}
            onCancel={() => setBulk(null)}
          />
        )}
        <Typography variant="pi" textColor="neutral600" data-testid="keyboard-help">
          {t('queue.keys')}
        </Typography>
        <Flex gap={4} alignItems="flex-start" paddingTop={2}>
          {/* minWidth 0: the table may scroll within its column instead of widening the page. */}
          <Box flex="1" minWidth={0}>
            <ListTable
              headers={[
                '✓',
                t('queue.column.comment'),
                t('queue.column.story'),
                t('queue.column.reasons'),
                t('queue.column.reporters'),
                t('queue.column.age'),
                t('queue.column.state'),
              ]}
              rowCount={rows.length}
              emptyText={t('queue.empty')}
            >
              {rows.map((row, index) => (
                <Tr
                  key={row.documentId}
                  data-testid="queue-row"
                  data-document-id={row.documentId}
                  aria-selected={index === cursor}
                  onClick={() => {
                    setCursor(index);
                    setOpenId(row.documentId);
                  }}
                  style={{ cursor: 'pointer', background: index === cursor ? 'rgba(73, 69, 255, 0.08)' : undefined }}
                >
                  <Td onClick={(event: React.MouseEvent) => event.stopPropagation()}>
                    <Checkbox
                      aria-label={t('queue.select')}
                      checked={selected.has(row.documentId)}
                      onCheckedChange={() => toggle(row.documentId)}
                    />
                  </Td>
                  <Td style={{ maxWidth: 360 }}>
                    <Typography data-testid="queue-body" ellipsis>
                      {row.body}
                    </Typography>
                    <Typography variant="pi" textColor="neutral600">
                      {row.author.displayName}
                    </Typography>
                  </Td>
                  <Td style={{ maxWidth: 240 }}>
                    <Typography ellipsis>{row.thread.title ?? row.thread.documentId}</Typography>
                  </Td>
                  <Td>
                    {row.reasons.map((entry) => (
                      <Badge key={entry.reason}>{`${entry.reason} ×${entry.count}`}</Badge>
                    ))}
                    {/* Why the system flagged it (repeated post, suspect words), reported or not. */}
                    {row.flagReasons.map((flag) => (
                      <Badge key={flag} data-testid="flag-reason" textColor="warning700" backgroundColor="warning100">
                        {flag}
                      </Badge>
                    ))}
                  </Td>
                  <Td>
                    <Typography>{row.reporters}</Typography>
                  </Td>
                  <Td>
                    <Typography>{ageOf(row.firstReportedAt ?? row.createdAt)}</Typography>
                  </Td>
                  <Td>
                    <Badge>{row.state}</Badge>
                  </Td>
                </Tr>
              ))}
            </ListTable>
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
                onChanged={refresh}
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
