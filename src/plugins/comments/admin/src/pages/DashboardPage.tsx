import { useState } from 'react';
import { Flex, Grid, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { BusiestStoriesChart } from '../components/dashboard/BusiestStoriesChart';
import { OpenItemsChart } from '../components/dashboard/OpenItemsChart';
import { ReasonsChart } from '../components/dashboard/ReasonsChart';
import { ResponseTimesChart } from '../components/dashboard/ResponseTimesChart';
import { PERMISSIONS } from '../permissions';
import { useAdminQuery } from '../utils/queries';
import { useT } from '../utils/translate';
import { DASHBOARD_WINDOWS, type Dashboard } from '../../../shared/contracts/admin';

type Days = (typeof DASHBOARD_WINDOWS)[number];

const WindowSelect = ({ days, onChange }: { days: Days; onChange: (days: Days) => void }) => {
  const t = useT();
  return (
    <SingleSelect
      aria-label={t('dashboard.window')}
      value={days}
      onChange={(value: string | number) => onChange(String(value) as Days)}
      size="S"
    >
      {DASHBOARD_WINDOWS.map((option) => (
        <SingleSelectOption key={option} value={option}>
          {t('dashboard.window.days', { days: option })}
        </SingleSelectOption>
      ))}
    </SingleSelect>
  );
};

const Charts = ({ data }: { data: Dashboard['data'] }) => (
  <Grid.Root gap={4}>
    <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
      <OpenItemsChart points={data.openOverTime} />
    </Grid.Item>
    <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
      <ResponseTimesChart times={data.responseTimes} />
    </Grid.Item>
    <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
      <ReasonsChart reasons={data.reasons} />
    </Grid.Item>
    <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
      <BusiestStoriesChart stories={data.busiestStories} />
    </Grid.Item>
  </Grid.Root>
);

/** The moderation desk's figures over a window: open items, response times, reasons and busiest stories. */
const DashboardScreen = () => {
  const t = useT();
  const [days, setDays] = useState<Days>('30');
  const { data, errorText, isLoading } = useAdminQuery<Dashboard>('dashboard', '/comments/moderation/dashboard', {
    days,
  });
  return (
    <Page.Main>
      <Layouts.Header
        title={t('dashboard.title')}
        subtitle={t('dashboard.subtitle')}
        primaryAction={<WindowSelect days={days} onChange={setDays} />}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          {errorText && <Typography textColor="danger600">{errorText}</Typography>}
          {isLoading && <Page.Loading />}
          {data && <Charts data={data.data} />}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

const DashboardPage = () => (
  <Page.Protect permissions={PERMISSIONS.moderationRead}>
    <DashboardScreen />
  </Page.Protect>
);

export default DashboardPage;
