import { useState } from 'react';
import {
  Badge,
  Box,
  Button,
  Checkbox,
  Field,
  Flex,
  Grid,
  Switch,
  Table,
  Tbody,
  Td,
  TextInput,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { PERMISSIONS } from '../permissions';
import { errorMessage, useAdminGet } from '../utils/api';
import { useT } from '../utils/translate';
import { SUBSCRIBABLE_EVENT_TYPES } from '../../../shared/contracts/events';
import type { Webhook, WebhookDelivery } from '../../../shared/contracts/webhooks';

const BASE = '/comments/webhooks';

const STATE_COLOR: Record<WebhookDelivery['state'], string> = {
  succeeded: 'success600',
  pending: 'warning600',
  delivering: 'primary600',
  dead: 'danger600',
  cancelled: 'neutral600',
};

/** An endpoint's delivery log, with "redeliver" on each row. */
const Deliveries = ({ webhook }: { webhook: Webhook }) => {
  const t = useT();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { data, reload } = useAdminGet<{ data: WebhookDelivery[] }>(`${BASE}/${webhook.documentId}/deliveries`);
  const redeliver = async (delivery: WebhookDelivery) => {
    try {
      await post(`${BASE}/deliveries/${delivery.documentId}/redeliver`, {});
      toggleNotification({ type: 'success', message: t('webhooks.redelivered') });
      reload();
    } catch (error) {
      toggleNotification({ type: 'danger', message: t('notice.error', { message: errorMessage(error) }) });
    }
  };
  return (
    <Box paddingTop={4}>
      <Flex justifyContent="space-between" paddingBottom={2}>
        <Typography variant="delta">{t('webhooks.deliveries')}</Typography>
        <Button variant="tertiary" onClick={reload}>
          {t('webhooks.reload')}
        </Button>
      </Flex>
      <Table colCount={7} rowCount={(data?.data.length ?? 0) + 1}>
        <Thead>
          <Tr>
            {['event', 'state', 'status', 'duration', 'attempts', 'time', ''].map((key) => (
              <Th key={key}>
                <Typography variant="sigma">{key ? t(`webhooks.col.${key}` as 'webhooks.col.event') : ''}</Typography>
              </Th>
            ))}
          </Tr>
        </Thead>
        <Tbody>
          {(data?.data ?? []).map((delivery) => (
            <Tr key={delivery.documentId}>
              <Td>
                <Typography title={delivery.eventId}>{delivery.eventType}</Typography>
              </Td>
              <Td>
                <Typography textColor={STATE_COLOR[delivery.state]} title={delivery.error ?? undefined}>
                  {delivery.state}
                </Typography>
              </Td>
              <Td>
                <Typography>{delivery.responseStatus ?? '–'}</Typography>
              </Td>
              <Td>
                <Typography>{delivery.durationMs === null ? '–' : `${delivery.durationMs} ms`}</Typography>
              </Td>
              <Td>
                <Typography>{delivery.attempts}</Typography>
              </Td>
              <Td>
                <Typography>{new Date(delivery.lastAttemptAt ?? delivery.createdAt).toLocaleString()}</Typography>
              </Td>
              <Td>
                <Button variant="secondary" size="S" onClick={() => redeliver(delivery)}>
                  {t('webhooks.redeliver')}
                </Button>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </Box>
  );
};

/** Name, URL and events of a new endpoint; its secret is shown once, after creation. */
const NewWebhook = ({ onCreated }: { onCreated: () => void }) => {
  const t = useT();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<string[]>([]);
  const [secret, setSecret] = useState<string | null>(null);
  const create = async () => {
    try {
      const response = await post<{ data: Webhook & { secret: string } }>(BASE, { name, url, events });
      setSecret(response.data.data.secret);
      setName('');
      setUrl('');
      setEvents([]);
      onCreated();
    } catch (error) {
      toggleNotification({ type: 'danger', message: t('notice.error', { message: errorMessage(error) }) });
    }
  };
  const toggle = (type: string, on: boolean) =>
    setEvents(on ? [...events, type] : events.filter((selected) => selected !== type));
  return (
    <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
      <Typography variant="delta">{t('webhooks.new')}</Typography>
      <Grid.Root gap={4} paddingTop={4}>
        <Grid.Item col={4} s={12}>
          <Field.Root name="name">
            <Field.Label>{t('webhooks.name')}</Field.Label>
            <TextInput
              value={name}
              onChange={(event: React.ChangeEvent<HTMLInputElement>) => setName(event.target.value)}
            />
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={8} s={12}>
          <Field.Root name="url" hint={t('webhooks.url.hint')}>
            <Field.Label>{t('webhooks.url')}</Field.Label>
            <TextInput
              value={url}
              onChange={(event: React.ChangeEvent<HTMLInputElement>) => setUrl(event.target.value)}
            />
            <Field.Hint />
          </Field.Root>
        </Grid.Item>
        {SUBSCRIBABLE_EVENT_TYPES.map((type) => (
          <Grid.Item key={type} col={3} s={6}>
            <Checkbox checked={events.includes(type)} onCheckedChange={(on: boolean) => toggle(type, on)}>
              {type}
            </Checkbox>
          </Grid.Item>
        ))}
      </Grid.Root>
      <Flex paddingTop={4} gap={4}>
        <Button onClick={create} disabled={!name || !url || events.length === 0}>
          {t('webhooks.create')}
        </Button>
        {secret && <Typography data-testid="webhook-secret">{t('webhooks.secret', { secret })}</Typography>}
      </Flex>
    </Box>
  );
};

const WebhooksList = () => {
  const t = useT();
  const { post, put, del } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { data, reload } = useAdminGet<{ data: Webhook[] }>(BASE);
  const [open, setOpen] = useState<string | null>(null);
  const run = async (action: () => Promise<unknown>, success: string) => {
    try {
      await action();
      toggleNotification({ type: 'success', message: success });
      reload();
    } catch (error) {
      toggleNotification({ type: 'danger', message: t('notice.error', { message: errorMessage(error) }) });
    }
  };
  return (
    <Page.Main>
      <Layouts.Header title={t('webhooks.title')} subtitle={t('webhooks.subtitle')} />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <NewWebhook onCreated={reload} />
          {(data?.data ?? []).map((webhook) => (
            <Box key={webhook.documentId} background="neutral0" padding={6} shadow="tableShadow" hasRadius>
              <Flex justifyContent="space-between" gap={4}>
                <Flex direction="column" alignItems="flex-start" gap={1}>
                  <Typography variant="delta">{webhook.name}</Typography>
                  <Typography textColor="neutral600">{webhook.url}</Typography>
                  <Flex gap={1} wrap="wrap">
                    {webhook.events.map((type) => (
                      <Badge key={type}>{type}</Badge>
                    ))}
                  </Flex>
                </Flex>
                <Flex gap={2}>
                  <Switch
                    checked={webhook.enabled}
                    onCheckedChange={(enabled: boolean) =>
                      run(() => put(`${BASE}/${webhook.documentId}`, { enabled }), t('webhooks.saved'))
                    }
                    visibleLabels
                    onLabel={t('webhooks.enabled')}
                    offLabel={t('webhooks.disabled')}
                  />
                  <Button
                    variant="secondary"
                    onClick={() => run(() => post(`${BASE}/${webhook.documentId}/test`, {}), t('webhooks.tested'))}
                  >
                    {t('webhooks.test')}
                  </Button>
                  <Button
                    variant="tertiary"
                    onClick={() => setOpen(open === webhook.documentId ? null : webhook.documentId)}
                  >
                    {t('webhooks.deliveries')}
                  </Button>
                  <Button
                    variant="danger-light"
                    onClick={() => run(() => del(`${BASE}/${webhook.documentId}`), t('webhooks.deleted'))}
                  >
                    {t('webhooks.delete')}
                  </Button>
                </Flex>
              </Flex>
              {open === webhook.documentId && <Deliveries webhook={webhook} />}
            </Box>
          ))}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

const WebhooksPage = () => (
  <Page.Protect permissions={PERMISSIONS.webhooksManage}>
    <WebhooksList />
  </Page.Protect>
);

export default WebhooksPage;
