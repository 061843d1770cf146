import { useTheme } from 'styled-components';

/** The design system's colours and type for recharts, which draws SVG with inline attributes. */
export const useChartTheme = () => {
  const { colors, fontSizes } = useTheme();
  return {
    queues: {
      reported: colors.warning600,
      'auto-hidden': colors.danger600,
      flagged: colors.alternative600,
      held: colors.secondary600,
    },
    primary: colors.primary600,
    secondary: colors.alternative500,
    danger: colors.danger500,
    grid: colors.neutral200,
    text: colors.neutral800,
    muted: colors.neutral600,
    tooltip: { background: colors.neutral0, border: colors.neutral200 },
    tick: { fill: colors.neutral600, fontSize: fontSizes[1] },
  };
};

export type ChartTheme = ReturnType<typeof useChartTheme>;
