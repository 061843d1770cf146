import { Flex, Typography } from '@strapi/design-system';
import { useT } from '../../utils/translate';
import { Section } from './Section';
import type { Detail } from './hooks';

/** Every audit row of the comment, oldest first, one line each. */
export const HistoryList = ({ history }: { history: Detail['history'] }) => {
  const t = useT();
  return (
    <Section id="panel-history" title={t('panel.history')}>
      <Flex tag="ol" direction="column" alignItems="stretch" gap={1}>
        {history.map((event, index) => (
          <Typography key={index} tag="li" variant="pi" data-testid="history-row" textColor="neutral700">
            <time dateTime={event.at}>{new Date(event.at).toLocaleString()}</time> · <strong>{event.action}</strong> ·{' '}
            {event.actor.name ?? t(`panel.actor.${event.actor.type}`)}
            {event.reason ? ` · ${event.reason}` : ''}
          </Typography>
        ))}
      </Flex>
    </Section>
  );
};
