import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Dashboard } from '../../../../shared/contracts/admin';
import { useT } from '../../utils/translate';
import { ChartCard } from './ChartCard';
import { useChartTheme } from './chartTheme';
import { ScreenReaderTable } from './ScreenReaderTable';

type Stories = Dashboard['data']['busiestStories'];

/** Long titles are cut on the axis; the table and the tooltip keep them whole. */
const MAX_TITLE = 28;
const short = (title: string) => (title.length > MAX_TITLE ? `${title.slice(0, MAX_TITLE - 1)}…` : title);

/** The stories with the most comments and reports in the window. */
export const BusiestStoriesChart = ({ stories }: { stories: Stories }) => {
  const t = useT();
  const theme = useChartTheme();
  const data = stories.map((row) => ({
    title: row.story.title ?? t('dashboard.untitled'),
    comments: row.comments,
    reports: row.reports,
  }));
  return (
    <ChartCard
      id="busiest-stories"
      title={t('dashboard.busiest.title')}
      description={t('dashboard.busiest.description')}
      summary={
        data.length === 0
          ? t('dashboard.busiest.empty')
          : t('dashboard.busiest.summary', {
              title: data[0].title,
              comments: data[0].comments,
              reports: data[0].reports,
            })
      }
      table={
        <ScreenReaderTable
          caption={t('dashboard.busiest.title')}
          headers={[t('queue.column.story'), t('dashboard.comments'), t('dashboard.reports')]}
          rows={data.map((row) => [row.title, row.comments, row.reports])}
        />
      }
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          accessibilityLayer={false}
          data={data}
          layout="vertical"
          margin={{ top: 0, right: 16, bottom: 0, left: 8 }}
        >
          <CartesianGrid stroke={theme.grid} strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={theme.tick} stroke={theme.grid} />
          <YAxis
            type="category"
            dataKey="title"
            width={180}
            tick={theme.tick}
            tickFormatter={short}
            stroke={theme.grid}
            interval={0}
          />
          <Tooltip contentStyle={{ background: theme.tooltip.background, borderColor: theme.tooltip.border }} />
          <Legend wrapperStyle={{ color: theme.text }} />
          <Bar
            dataKey="comments"
            name={t('dashboard.comments')}
            stackId="activity"
            fill={theme.primary}
            isAnimationActive={false}
          />
          <Bar
            dataKey="reports"
            name={t('dashboard.reports')}
            stackId="activity"
            fill={theme.danger}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
};
