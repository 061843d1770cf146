import { useState } from 'react';
import { Box, Button, Flex, Td, Tr, Typography } from '@strapi/design-system';
import { ListTable } from '../ListTable';
import { Pager } from '../Pager';
import { useAdminPost, useAdminQuery } from '../../utils/queries';
import { useT } from '../../utils/translate';
import { WEBHOOKS_URL } from './urls';
import type { Webhook, WebhookDeliveriesResponse, WebhookDelivery } from '../../../../shared/contracts/webhooks';

const STATE_COLOR: Record<WebhookDelivery['state'], string> = {
  succeeded: 'success600',
  pending: 'warning600',
  delivering: 'primary600',
  dead: 'danger600',
  cancelled: 'neutral600',
};
const COLUMNS = ['event', 'state', 'status', 'duration', 'attempts', 'time', 'actions'] as const;

const DeliveryRow = ({ delivery, onRedeliver }: { delivery: WebhookDelivery; onRedeliver: () => void }) => {
  const t = useT();
  return (
    <Tr data-testid="delivery-row" data-event-type={delivery.eventType} data-state={delivery.state}>
      <Td>
        <Typography title={delivery.eventId}>{delivery.eventType}</Typography>
      </Td>
      <Td>
        <Typography textColor={STATE_COLOR[delivery.state]} title={delivery.error ?? undefined}>
          {t(`webhooks.state.${delivery.state}`)}
        </Typography>
      </Td>
      <Td>
        <Typography>{delivery.responseStatus ?? '–'}</Typography>
      </Td>
      <Td>
        <Typography>{delivery.durationMs === null ? '–' : t('webhooks.ms', { ms: delivery.durationMs })}</Typography>
      </Td>
      <Td>
        <Typography>{delivery.attempts}</Typography>
      </Td>
      <Td>
        <Typography>{new Date(delivery.lastAttemptAt ?? delivery.createdAt).toLocaleString()}</Typography>
      </Td>
      <Td>
        <Button variant="secondary" size="S" onClick={onRedeliver}>
          {t('webhooks.redeliver')}
        </Button>
      </Td>
    </Tr>
  );
};

/** An endpoint's delivery log, newest first, with "redeliver" on each row. */
export const Deliveries = ({ webhook }: { webhook: Webhook }) => {
  const t = useT();
  const [page, setPage] = useState(1);
  const { data, refetch, isFetching } = useAdminQuery<WebhookDeliveriesResponse>(
    'webhook-deliveries',
    `${WEBHOOKS_URL}/${webhook.documentId}/deliveries`,
    { page, pageSize: 10 }
  );
  const redeliver = useAdminPost<Record<string, never>>(['webhook-deliveries'], t('webhooks.redelivered'));
  const rows = data?.data ?? [];
  return (
    <Box paddingTop={4} data-testid="webhook-deliveries">
      <Flex justifyContent="space-between" paddingBottom={2}>
        <Typography variant="delta" tag="h3">
          {t('webhooks.deliveries')}
        </Typography>
        <Button variant="tertiary" loading={isFetching} onClick={() => refetch()}>
          {t('webhooks.reload')}
        </Button>
      </Flex>
      <ListTable
        headers={COLUMNS.map((column) => t(`webhooks.col.${column}`))}
        rowCount={rows.length}
        emptyText={t('webhooks.noDeliveries')}
      >
        {rows.map((delivery) => (
          <DeliveryRow
            key={delivery.documentId}
            delivery={delivery}
            onRedeliver={() =>
              redeliver.mutate({ url: `${WEBHOOKS_URL}/deliveries/${delivery.documentId}/redeliver`, body: {} })
            }
          />
        ))}
      </ListTable>
      <Pager page={page} pageCount={data?.meta.pagination.pageCount ?? 1} onPage={setPage} />
    </Box>
  );
};
