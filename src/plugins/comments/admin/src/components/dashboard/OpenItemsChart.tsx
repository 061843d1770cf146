import { useIntl } from 'react-intl';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Dashboard } from '../../../../shared/contracts/admin';
import { useT } from '../../utils/translate';
import { ChartCard } from './ChartCard';
import { useChartTheme } from './chartTheme';
import { ScreenReaderTable } from './ScreenReaderTable';

type Point = Dashboard['data']['openOverTime'][number];
const QUEUES = ['reported', 'auto-hidden', 'flagged', 'held'] as const;

const totalOf = (point: Point) => QUEUES.reduce((sum, queue) => sum + point[queue], 0);

/** Open items per queue at the end of each day of the window. */
export const OpenItemsChart = ({ points }: { points: Point[] }) => {
  const t = useT();
  const { formatDate } = useIntl();
  const theme = useChartTheme();
  const dayLabel = (day: string) => formatDate(`${day}T12:00:00Z`, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const label = (queue: (typeof QUEUES)[number]) => t(`queue.tab.${queue}`);
  const data = points.map((point) => ({ ...point, label: dayLabel(point.day) }));
  const now = points[points.length - 1];
  const peak = points.reduce((best, point) => (totalOf(point) > totalOf(best) ? point : best), points[0]);
  return (
    <ChartCard
      id="open-items"
      title={t('dashboard.open.title')}
      description={t('dashboard.open.description')}
      summary={t('dashboard.open.summary', {
        reported: now.reported,
        autoHidden: now['auto-hidden'],
        flagged: now.flagged,
        held: now.held,
        peak: totalOf(peak),
        day: dayLabel(peak.day),
      })}
      table={
        <ScreenReaderTable
          caption={t('dashboard.open.title')}
          headers={[t('dashboard.day'), ...QUEUES.map(label)]}
          rows={data.map((point) => [point.label, ...QUEUES.map((queue) => point[queue])])}
        />
      }
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 16, bottom: 0, left: -16 }}>
          <CartesianGrid stroke={theme.grid} strokeDasharray="3 3" />
          <XAxis dataKey="label" tick={theme.tick} stroke={theme.grid} minTickGap={16} />
          <YAxis allowDecimals={false} tick={theme.tick} stroke={theme.grid} />
          <Tooltip contentStyle={{ background: theme.tooltip.background, borderColor: theme.tooltip.border }} />
          <Legend wrapperStyle={{ color: theme.text }} />
          {QUEUES.map((queue) => (
            <Line
              key={queue}
              type="linear"
              dataKey={queue}
              name={label(queue)}
              stroke={theme.queues[queue]}
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </ChartCard>
  );
};
