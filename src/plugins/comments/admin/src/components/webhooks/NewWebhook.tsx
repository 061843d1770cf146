import { useState } from 'react';
import { Box, Button, Checkbox, Field, Flex, Grid, TextInput, Typography } from '@strapi/design-system';
import { useAdminPost } from '../../utils/queries';
import { useT } from '../../utils/translate';
import { WEBHOOKS_URL } from './urls';
import { SUBSCRIBABLE_EVENT_TYPES } from '../../../../shared/contracts/events';
import type { WebhookCreateBody, WebhookCreated } from '../../../../shared/contracts/webhooks';

const EMPTY = { name: '', url: '', events: [] as WebhookCreateBody['events'] };

/** Name, URL and events of a new endpoint; its secret is shown once, after creation. */
export const NewWebhook = () => {
  const t = useT();
  const [form, setForm] = useState(EMPTY);
  const [secret, setSecret] = useState<string | null>(null);
  const { mutateAsync, isLoading } = useAdminPost<WebhookCreateBody>(['webhooks'], null);
  const create = async () => {
    try {
      const response = await mutateAsync({ url: WEBHOOKS_URL, body: form });
      setSecret((response.data as WebhookCreated).data.secret);
      setForm(EMPTY);
    } catch {
      // The refusal (an address the SSRF guard refuses, say) has been shown.
    }
  };
  const toggle = (type: string, on: boolean) =>
    setForm({ ...form, events: on ? [...form.events, type] : form.events.filter((selected) => selected !== type) });
  return (
    <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius tag="section" aria-label={t('webhooks.new')}>
      <Typography variant="delta" tag="h2">
        {t('webhooks.new')}
      </Typography>
      <Grid.Root gap={4} paddingTop={4}>
        <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
          <Field.Root name="name">
            <Field.Label>{t('webhooks.name')}</Field.Label>
            <TextInput
              value={form.name}
              onChange={(event: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, name: event.target.value })}
            />
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={8} s={12} direction="column" alignItems="stretch">
          <Field.Root name="url" hint={t('webhooks.url.hint')}>
            <Field.Label>{t('webhooks.url')}</Field.Label>
            <TextInput
              value={form.url}
              onChange={(event: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, url: event.target.value })}
            />
            <Field.Hint />
          </Field.Root>
        </Grid.Item>
        {SUBSCRIBABLE_EVENT_TYPES.map((type) => (
          <Grid.Item key={type} col={4} s={6}>
            <Checkbox checked={form.events.includes(type)} onCheckedChange={(on: boolean) => toggle(type, on)}>
              {type}
            </Checkbox>
          </Grid.Item>
        ))}
      </Grid.Root>
      <Flex paddingTop={4} gap={4} wrap="wrap">
        <Button onClick={create} loading={isLoading} disabled={!form.name || !form.url || form.events.length === 0}>
          {t('webhooks.create')}
        </Button>
        {secret && (
          <Typography data-testid="webhook-secret" style={{ overflowWrap: 'anywhere' }}>
            {t('webhooks.secret', { secret })}
          </Typography>
        )}
      </Flex>
    </Box>
  );
};
