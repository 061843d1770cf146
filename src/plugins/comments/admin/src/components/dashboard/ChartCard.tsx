import type { ReactNode } from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';

interface Props {
  id: string;
  title: string;
  description: string;
  /** The chart's message in one or two sentences, shown under it for everyone. */
  summary: string;
  /** The figures as a table, for screen readers (ScreenReaderTable). */
  table: ReactNode;
  children: ReactNode;
}

/** One chart of the dashboard: a heading, what it counts, the chart, its summary and its figures as a table. */
export const ChartCard = ({ id, title, description, summary, table, children }: Props) => (
  <Box
    tag="section"
    aria-labelledby={id}
    background="neutral0"
    padding={5}
    shadow="tableShadow"
    hasRadius
    data-testid={`chart-${id}`}
    height="100%"
  >
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Typography variant="delta" tag="h2" id={id}>
        {title}
      </Typography>
      <Typography variant="pi" tag="p" textColor="neutral600">
        {description}
      </Typography>
      {/* The SVG says nothing to a screen reader: the summary and the table below do. */}
      <Box aria-hidden height="220px" minWidth={0}>
        {children}
      </Box>
      <Typography variant="omega" tag="p" data-testid="chart-summary">
        {summary}
      </Typography>
      {table}
    </Flex>
  </Box>
);
