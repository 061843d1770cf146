import { useState } from 'react';
import { Badge, Box, Button, Flex, Switch, Typography } from '@strapi/design-system';
import { Deliveries } from './Deliveries';
import { useAdminMutation, useAdminPost } from '../../utils/queries';
import { useT } from '../../utils/translate';
import { WEBHOOKS_URL } from './urls';
import type { Webhook, WebhookUpdateBody } from '../../../../shared/contracts/webhooks';

/** One endpoint: on/off, a test event, its delivery log, delete. */
export const WebhookCard = ({ webhook }: { webhook: Webhook }) => {
  const t = useT();
  const [open, setOpen] = useState(false);
  const url = `${WEBHOOKS_URL}/${webhook.documentId}`;
  const update = useAdminMutation<WebhookUpdateBody>('put', ['webhooks'], t('webhooks.saved'));
  const remove = useAdminMutation<never>('del', ['webhooks'], t('webhooks.deleted'));
  const test = useAdminPost<Record<string, never>>(['webhook-deliveries'], t('webhooks.tested'));
  const sendTest = async () => {
    try {
      await test.mutateAsync({ url: `${url}/test`, body: {} });
      // The log is where the outcome shows.
      setOpen(true);
    } catch {
      // The refusal has been shown.
    }
  };
  return (
    <Box
      background="neutral0"
      padding={6}
      shadow="tableShadow"
      hasRadius
      tag="section"
      aria-label={webhook.name}
      data-testid="webhook-card"
    >
      <Flex justifyContent="space-between" gap={4} wrap="wrap">
        <Flex direction="column" alignItems="flex-start" gap={1} style={{ minWidth: 0, flex: 1 }}>
          <Typography variant="delta" tag="h2">
            {webhook.name}
          </Typography>
          <Typography textColor="neutral600" style={{ overflowWrap: 'anywhere' }}>
            {webhook.url}
          </Typography>
          <Flex gap={1} wrap="wrap">
            {webhook.events.map((type) => (
              <Badge key={type}>{type}</Badge>
            ))}
          </Flex>
        </Flex>
        <Flex gap={2} wrap="wrap">
          <Switch
            checked={webhook.enabled}
            onCheckedChange={(enabled: boolean) => update.mutate({ url, body: { enabled } })}
            visibleLabels
            onLabel={t('webhooks.enabled')}
            offLabel={t('webhooks.disabled')}
            aria-label={t('webhooks.enabled')}
          />
          <Button variant="secondary" loading={test.isLoading} onClick={sendTest}>
            {t('webhooks.test')}
          </Button>
          <Button variant="tertiary" onClick={() => setOpen(!open)} aria-expanded={open}>
            {t('webhooks.deliveries')}
          </Button>
          <Button variant="danger-light" onClick={() => remove.mutate({ url })}>
            {t('webhooks.delete')}
          </Button>
        </Flex>
      </Flex>
      {open && <Deliveries webhook={webhook} />}
    </Box>
  );
};
