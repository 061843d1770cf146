import { useState } from 'react';
import { Button, Td, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useRBAC } from '@strapi/strapi/admin';
import { CsvButton } from '../components/CsvButton';
import { ListTable } from '../components/ListTable';
import { Pager } from '../components/Pager';
import { ResolveDialog, type Resolution } from '../components/ResolveDialog';
import { PERMISSIONS } from '../permissions';
import { useAdminPost, useAdminQuery } from '../utils/queries';
import { useT } from '../utils/translate';
import type { Complaint, ComplaintResolutionBody, ComplaintsPage as Complaints } from '../../../shared/contracts/admin';
import { COMPLAINT_OUTCOMES, type ComplaintOutcome } from '../../../shared/contracts/vocabulary';

const BASE = '/comments/editorial/complaints';
const RESOLVE_PERMISSIONS = [...PERMISSIONS.editorialResolve, ...PERMISSIONS.moderationRead];

const ComplaintRow = ({ complaint, onResolve }: { complaint: Complaint; onResolve?: () => void }) => {
  const t = useT();
  return (
    <Tr data-testid="complaint-row" data-document-id={complaint.documentId}>
      <Td>
        <Typography>{complaint.story.title ?? complaint.story.documentId}</Typography>
      </Td>
      <Td style={{ maxWidth: 300 }}>
        <Typography ellipsis>{complaint.comment?.body ?? t('complaints.aboutStory')}</Typography>
      </Td>
      <Td style={{ maxWidth: 300 }}>
        <Typography ellipsis title={complaint.note ?? undefined}>
          {complaint.note ?? ''}
        </Typography>
      </Td>
      <Td>
        <Typography>{new Date(complaint.createdAt).toLocaleString()}</Typography>
      </Td>
      <Td style={{ maxWidth: 240 }}>
        <Typography data-testid="complaint-state" ellipsis title={complaint.correctionNote ?? undefined}>
          {complaint.state}
        </Typography>
      </Td>
      <Td>
        {complaint.state === 'open' && onResolve && (
          <Button size="S" variant="secondary" onClick={onResolve}>
            {t('complaints.resolve')}
          </Button>
        )}
      </Td>
    </Tr>
  );
};

/** Every factual-error complaint, for editors, newest first; editors who may resolve one do it here. */
const ComplaintsList = () => {
  const t = useT();
  const [page, setPage] = useState(1);
  const [resolving, setResolving] = useState<Complaint | null>(null);
  const { allowedActions } = useRBAC(RESOLVE_PERMISSIONS);
  const { data, errorText } = useAdminQuery<Complaints>('complaints', BASE, { page });
  const resolve = useAdminPost<ComplaintResolutionBody>(['complaints', 'audit'], t('complaints.resolved'));
  const rows = data?.data ?? [];
  const confirm = ({ outcome, reason, note }: Resolution<ComplaintOutcome>) =>
    resolve.mutate(
      {
        url: `${BASE}/${resolving!.documentId}/resolution`,
        body: { outcome, reason, ...(outcome === 'upheld' && note ? { correctionNote: note } : {}) },
      },
      { onSuccess: () => setResolving(null) }
    );
  return (
    <Page.Main>
      <Layouts.Header
        title={t('complaints.title')}
        subtitle={t('complaints.subtitle')}
        primaryAction={
          allowedActions.canRead && (
            <CsvButton
              url="/comments/moderation/register.csv"
              filename="complaints-register.csv"
              label={t('register.download')}
            />
          )
        }
      />
      <Layouts.Content>
        {errorText && <Typography textColor="danger600">{errorText}</Typography>}
        <ListTable
          headers={[
            t('complaints.column.story'),
            t('complaints.column.comment'),
            t('complaints.column.note'),
            t('complaints.column.when'),
            t('complaints.column.state'),
            t('complaints.column.actions'),
          ]}
          rowCount={rows.length}
          emptyText={t('complaints.empty')}
        >
          {rows.map((complaint) => (
            <ComplaintRow
              key={complaint.documentId}
              complaint={complaint}
              onResolve={allowedActions.canResolve ? () => setResolving(complaint) : undefined}
            />
          ))}
        </ListTable>
        {data && <Pager page={page} pageCount={data.meta.pagination.pageCount ?? 1} onPage={setPage} />}
        {resolving && (
          <ResolveDialog
            title={t('complaints.dialog.title')}
            summary={resolving.note ?? resolving.comment?.body ?? ''}
            outcomes={COMPLAINT_OUTCOMES.map((value) => ({ value, label: t(`complaints.outcome.${value}`) }))}
            note={{ outcome: 'upheld', label: t('complaints.correctionNote') }}
            busy={resolve.isLoading}
            onConfirm={confirm}
            onCancel={() => setResolving(null)}
          />
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

const ComplaintsPage = () => (
  <Page.Protect permissions={PERMISSIONS.editorialRead}>
    <ComplaintsList />
  </Page.Protect>
);

export default ComplaintsPage;
