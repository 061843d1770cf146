import { Flex } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { NewWebhook } from '../components/webhooks/NewWebhook';
import { WebhookCard } from '../components/webhooks/WebhookCard';
import { WEBHOOKS_URL } from '../components/webhooks/urls';
import { PERMISSIONS } from '../permissions';
import { useAdminQuery } from '../utils/queries';
import { useT } from '../utils/translate';
import type { WebhookListResponse } from '../../../shared/contracts/webhooks';

const WebhooksList = () => {
  const t = useT();
  const { data, errorText } = useAdminQuery<WebhookListResponse>('webhooks', WEBHOOKS_URL);
  if (errorText) return <Page.Error />;
  return (
    <Page.Main>
      <Layouts.Header title={t('webhooks.title')} subtitle={t('webhooks.subtitle')} />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <NewWebhook />
          {(data?.data ?? []).map((webhook) => (
            <WebhookCard key={webhook.documentId} webhook={webhook} />
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
