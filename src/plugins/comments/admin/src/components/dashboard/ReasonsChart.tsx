import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Dashboard } from '../../../../shared/contracts/admin';
import { useT } from '../../utils/translate';
import { ChartCard } from './ChartCard';
import { useChartTheme } from './chartTheme';
import { ScreenReaderTable } from './ScreenReaderTable';

type Reasons = Dashboard['data']['reasons'];

/** Reports made in the window, by reason. */
export const ReasonsChart = ({ reasons }: { reasons: Reasons }) => {
  const t = useT();
  const theme = useChartTheme();
  const total = reasons.reduce((sum, row) => sum + row.count, 0);
  const top = reasons[0];
  return (
    <ChartCard
      id="reasons"
      title={t('dashboard.reasons.title')}
      description={t('dashboard.reasons.description')}
      summary={
        total === 0
          ? t('dashboard.reasons.empty')
          : t('dashboard.reasons.summary', { total, reason: top.reason, count: top.count })
      }
      table={
        <ScreenReaderTable
          caption={t('dashboard.reasons.title')}
          headers={[t('queue.filter.reason'), t('dashboard.reports')]}
          rows={reasons.map((row) => [row.reason, row.count])}
        />
      }
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          accessibilityLayer={false}
          data={reasons}
          layout="vertical"
          margin={{ top: 0, right: 32, bottom: 0, left: 8 }}
        >
          <CartesianGrid stroke={theme.grid} strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={theme.tick} stroke={theme.grid} />
          <YAxis type="category" dataKey="reason" width={104} tick={theme.tick} stroke={theme.grid} interval={0} />
          <Tooltip contentStyle={{ background: theme.tooltip.background, borderColor: theme.tooltip.border }} />
          <Bar dataKey="count" name={t('dashboard.reports')} fill={theme.primary} isAnimationActive={false}>
            <LabelList dataKey="count" position="right" fill={theme.text} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
};
