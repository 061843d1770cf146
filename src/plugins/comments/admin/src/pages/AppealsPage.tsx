import { useState } from 'react';
import { Badge, Box, Button, Tabs, Td, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { ListTable } from '../components/ListTable';
import { Pager } from '../components/Pager';
import { ResolveDialog, type Resolution } from '../components/ResolveDialog';
import { PERMISSIONS } from '../permissions';
import { useAdminPost, useAdminQuery } from '../utils/queries';
import { useT } from '../utils/translate';
import type { AppealQueueItem, AppealQueuePage, AppealResolutionBody } from '../../../shared/contracts/admin';
import {
  APPEAL_OUTCOMES,
  APPEAL_STATES,
  type AppealOutcome,
  type AppealState,
} from '../../../shared/contracts/vocabulary';

const BASE = '/comments/moderation/appeals';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '–');

const AppealRow = ({ appeal, onResolve }: { appeal: AppealQueueItem; onResolve: () => void }) => {
  const t = useT();
  return (
    <Tr data-testid="appeal-row" data-document-id={appeal.documentId}>
      <Td>
        <Typography>{when(appeal.filedAt)}</Typography>
      </Td>
      <Td>
        <Badge>{appeal.decision.action}</Badge>
        <Typography textColor="neutral600" variant="pi">
          {' '}
          {t('appeals.by', { name: appeal.decision.by.name ?? '–' })}
        </Typography>
      </Td>
      <Td style={{ maxWidth: 420 }}>
        <Typography ellipsis title={appeal.statement}>
          {appeal.statement}
        </Typography>
      </Td>
      <Td>
        <Typography data-testid="appeal-state">{t(`appeals.state.${appeal.state}`)}</Typography>
      </Td>
      <Td>
        {appeal.state === 'open' ? (
          <Button size="S" variant="secondary" onClick={onResolve}>
            {t('appeals.resolve')}
          </Button>
        ) : (
          <Typography variant="pi" textColor="neutral600" title={appeal.resolution?.reason ?? undefined}>
            {t('appeals.resolvedBy', { name: appeal.resolution?.by.name ?? '–' })}
          </Typography>
        )}
      </Td>
    </Tr>
  );
};

const AppealsTable = ({ state }: { state: AppealState }) => {
  const t = useT();
  const [page, setPage] = useState(1);
  const [resolving, setResolving] = useState<AppealQueueItem | null>(null);
  const { data, errorText } = useAdminQuery<AppealQueuePage>('appeals', BASE, { state, page });
  const resolve = useAdminPost<AppealResolutionBody>(['appeals', 'audit', 'queue'], t('appeals.resolved'));
  const rows = data?.data ?? [];
  const confirm = (resolution: Resolution<AppealOutcome>) =>
    resolve.mutate(
      {
        url: `${BASE}/${resolving!.documentId}/resolution`,
        body: { outcome: resolution.outcome, reason: resolution.reason },
      },
      { onSuccess: () => setResolving(null) }
    );
  return (
    <Box paddingTop={4}>
      {errorText && <Typography textColor="danger600">{errorText}</Typography>}
      <ListTable
        headers={[
          t('appeals.column.filed'),
          t('appeals.column.decision'),
          t('appeals.column.statement'),
          t('appeals.column.state'),
          t('appeals.column.actions'),
        ]}
        rowCount={rows.length}
        emptyText={t('appeals.empty')}
      >
        {rows.map((appeal) => (
          <AppealRow key={appeal.documentId} appeal={appeal} onResolve={() => setResolving(appeal)} />
        ))}
      </ListTable>
      {data && <Pager page={page} pageCount={data.meta.pagination.pageCount ?? 1} onPage={setPage} />}
      {resolving && (
        <ResolveDialog
          title={t('appeals.dialog.title')}
          summary={resolving.statement}
          outcomes={APPEAL_OUTCOMES.map((value) => ({ value, label: t(`appeals.outcome.${value}`) }))}
          busy={resolve.isLoading}
          onConfirm={confirm}
          onCancel={() => setResolving(null)}
        />
      )}
    </Box>
  );
};

/** Commenters' appeals against moderation decisions, oldest first; upholding reverses the decision. */
const AppealsScreen = () => {
  const t = useT();
  const [state, setState] = useState<AppealState>('open');
  return (
    <Page.Main>
      <Layouts.Header title={t('appeals.title')} subtitle={t('appeals.subtitle')} />
      <Layouts.Content>
        <Tabs.Root value={state} onValueChange={(value: string) => setState(value as AppealState)}>
          <Tabs.List aria-label={t('appeals.tabs')}>
            {APPEAL_STATES.map((value) => (
              <Tabs.Trigger key={value} value={value}>
                {t(`appeals.state.${value}`)}
              </Tabs.Trigger>
            ))}
          </Tabs.List>
          {APPEAL_STATES.map((value) => (
            <Tabs.Content key={value} value={value}>
              <AppealsTable state={value} />
            </Tabs.Content>
          ))}
        </Tabs.Root>
      </Layouts.Content>
    </Page.Main>
  );
};

const AppealsPage = () => (
  <Page.Protect permissions={PERMISSIONS.moderationAppeals}>
    <AppealsScreen />
  </Page.Protect>
);

export default AppealsPage;
