import { useState } from 'react';
import { Badge, Flex, Td, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useRBAC } from '@strapi/strapi/admin';
import { AuditFilters, type AuditFilterValues } from '../components/AuditFilters';
import { CsvButton } from '../components/CsvButton';
import { ListTable } from '../components/ListTable';
import { Pager } from '../components/Pager';
import { PERMISSIONS } from '../permissions';
import { useAdminQuery } from '../utils/queries';
import { useT } from '../utils/translate';
import type { AuditEvent, AuditPage as Audit } from '../../../shared/contracts/admin';

const BASE = '/comments/moderation/audit';

/** What changed, compactly: the keys of `after` with their new values. */
const changeOf = (event: AuditEvent) =>
  event.after
    ? Object.entries(event.after)
        .map(([key, value]) => `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
        .join(', ')
    : '';

const AuditRow = ({ event }: { event: AuditEvent }) => (
  <Tr data-testid="audit-row" data-document-id={event.documentId}>
    <Td>
      <Typography>{new Date(event.at).toLocaleString()}</Typography>
    </Td>
    <Td>
      <Badge>{event.action}</Badge>
    </Td>
    <Td>
      <Typography>{event.actor.name ?? `${event.actor.type}${event.actor.id ? ` #${event.actor.id}` : ''}`}</Typography>
    </Td>
    <Td>
      <Typography variant="pi">{event.comment ?? '–'}</Typography>
    </Td>
    <Td>
      <Typography variant="pi">{event.user ? (event.user.documentId ?? `#${event.user.id}`) : '–'}</Typography>
    </Td>
    <Td style={{ maxWidth: 280 }}>
      <Typography ellipsis title={event.reason ?? undefined}>
        {event.reason ?? ''}
      </Typography>
    </Td>
    <Td style={{ maxWidth: 240 }}>
      <Typography ellipsis variant="pi" title={changeOf(event)}>
        {changeOf(event)}
      </Typography>
    </Td>
  </Tr>
);

/** The moderation audit, newest first, filtered by actor, action, comment, reader and dates, with its CSV. */
const AuditScreen = () => {
  const t = useT();
  const [filters, setFilters] = useState<AuditFilterValues>({});
  const [page, setPage] = useState(1);
  const { allowedActions } = useRBAC(PERMISSIONS.moderationRead);
  const { data, errorText } = useAdminQuery<Audit>('audit', BASE, { ...filters, page });
  const rows = data?.data ?? [];
  const apply = (next: AuditFilterValues) => {
    setFilters(next);
    setPage(1);
  };
  return (
    <Page.Main>
      <Layouts.Header
        title={t('audit.title')}
        subtitle={t('audit.subtitle')}
        primaryAction={
          <Flex gap={2}>
            <CsvButton
              url={`${BASE}/export`}
              filename="moderation-audit.csv"
              params={filters}
              label={t('audit.export')}
            />
            {allowedActions.canRead && (
              <CsvButton
                url="/comments/moderation/register.csv"
                filename="complaints-register.csv"
                params={{ from: filters.from, to: filters.to }}
                label={t('register.download')}
              />
            )}
          </Flex>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <AuditFilters onApply={apply} />
          {errorText && <Typography textColor="danger600">{errorText}</Typography>}
          <ListTable
            headers={[
              t('audit.column.at'),
              t('audit.column.action'),
              t('audit.column.actor'),
              t('audit.column.comment'),
              t('audit.column.user'),
              t('audit.column.reason'),
              t('audit.column.change'),
            ]}
            rowCount={rows.length}
            emptyText={t('audit.empty')}
          >
            {rows.map((event) => (
              <AuditRow key={event.documentId} event={event} />
            ))}
          </ListTable>
          {data && <Pager page={page} pageCount={data.meta.pagination.pageCount ?? 1} onPage={setPage} />}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

const AuditPage = () => (
  <Page.Protect permissions={PERMISSIONS.moderationAudit}>
    <AuditScreen />
  </Page.Protect>
);

export default AuditPage;
