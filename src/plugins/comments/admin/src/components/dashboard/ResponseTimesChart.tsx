import { useIntl } from 'react-intl';
import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Dashboard } from '../../../../shared/contracts/admin';
import { useT } from '../../utils/translate';
import { ChartCard } from './ChartCard';
import { useChartTheme } from './chartTheme';
import { ScreenReaderTable } from './ScreenReaderTable';

type Times = Dashboard['data']['responseTimes'];
const COVERS = ['fullTime', 'partTime', 'all'] as const;

/** Median and 90th percentile of the minutes to a first decision, for each cover. */
export const ResponseTimesChart = ({ times }: { times: Times }) => {
  const t = useT();
  const { formatNumber } = useIntl();
  const theme = useChartTheme();
  const minutes = (value: number | null) =>
    value === null ? t('dashboard.none') : formatNumber(value, { maximumFractionDigits: value < 10 ? 1 : 0 });
  const data = COVERS.map((cover) => ({
    label: t(`dashboard.cover.${cover}`),
    items: times[cover].items,
    median: times[cover].medianMinutes,
    p90: times[cover].p90Minutes,
  }));
  const summaryOf = (cover: 'fullTime' | 'partTime') =>
    times[cover].items === 0
      ? t('dashboard.response.coverEmpty', { cover: t(`dashboard.cover.${cover}`) })
      : t('dashboard.response.coverSummary', {
          cover: t(`dashboard.cover.${cover}`),
          median: minutes(times[cover].medianMinutes),
          p90: minutes(times[cover].p90Minutes),
          items: times[cover].items,
        });
  return (
    <ChartCard
      id="response-times"
      title={t('dashboard.response.title')}
      description={t('dashboard.response.description')}
      summary={`${summaryOf('fullTime')} ${summaryOf('partTime')}`}
      table={
        <ScreenReaderTable
          caption={t('dashboard.response.title')}
          headers={[t('dashboard.cover'), t('dashboard.items'), t('dashboard.median'), t('dashboard.p90')]}
          rows={data.map((row) => [row.label, row.items, minutes(row.median), minutes(row.p90)])}
        />
      }
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} data={data} margin={{ top: 20, right: 16, bottom: 0, left: -8 }}>
          <CartesianGrid stroke={theme.grid} strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={theme.tick} stroke={theme.grid} />
          <YAxis allowDecimals={false} tick={theme.tick} stroke={theme.grid} />
          <Tooltip
            formatter={(value) => minutes(typeof value === 'number' ? value : null)}
            contentStyle={{ background: theme.tooltip.background, borderColor: theme.tooltip.border }}
          />
          <Legend wrapperStyle={{ color: theme.text }} />
          <Bar dataKey="median" name={t('dashboard.median')} fill={theme.primary} isAnimationActive={false}>
            <LabelList
              dataKey="median"
              position="top"
              fill={theme.text}
              formatter={(value) => minutes(typeof value === 'number' ? value : null)}
            />
          </Bar>
          <Bar dataKey="p90" name={t('dashboard.p90')} fill={theme.secondary} isAnimationActive={false}>
            <LabelList
              dataKey="p90"
              position="top"
              fill={theme.text}
              formatter={(value) => minutes(typeof value === 'number' ? value : null)}
            />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
};
