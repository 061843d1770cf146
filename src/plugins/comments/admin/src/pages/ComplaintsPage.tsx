import { useState } from 'react';
import { Td, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { ListTable } from '../components/ListTable';
import { Pager } from '../components/Pager';
import { PERMISSIONS } from '../permissions';
import { useAdminGet } from '../utils/api';
import { useT } from '../utils/translate';
import type { ComplaintsPage as Complaints } from '../../../shared/contracts/admin';


/** Every factual-error complaint, for editors, newest first. */
const ComplaintsList = () => {
  const t = useT();
  const [page, setPage] = useState(1);
  const { data } = useAdminGet<Complaints>(`/comments/editorial/complaints?page=${page}`);
  const rows = data?.data ?? [];
  return (
    <Page.Main>
      <Layouts.Header title={t('complaints.title')} subtitle={t('complaints.subtitle')} />
      <Layouts.Content>
        <ListTable
          headers={[
            t('complaints.column.story'),
            t('complaints.column.comment'),
            t('complaints.column.note'),
            t('complaints.column.when'),
          ]}
          rowCount={rows.length}
          emptyText={t('complaints.empty')}
        >
          {rows.map((row) => (
            <Tr key={row.documentId} data-testid="complaint-row">
              <Td>
                <Typography>{row.story.title ?? row.story.documentId}</Typography>
              </Td>
              <Td style={{ maxWidth: 360 }}>
                <Typography ellipsis>{row.comment?.body ?? '–'}</Typography>
              </Td>
              <Td style={{ maxWidth: 360 }}>
                <Typography ellipsis>{row.note ?? ''}</Typography>
              </Td>
              <Td>
                <Typography>{new Date(row.createdAt).toLocaleString()}</Typography>
              </Td>
            </Tr>
          ))}
        </ListTable>
        {data && <Pager page={page} pageCount={data.meta.pagination.pageCount ?? 1} onPage={setPage} />}
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
