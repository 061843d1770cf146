import { Button, Flex } from '@strapi/design-system';
import type { QueuePage } from '../utils/api';
import type { QueueName } from '../utils/queue-filters';
import { useT } from '../utils/translate';
import { QUEUES } from '../../../shared/contracts/vocabulary';

/** One tab per queue with its live count (`all`, their union, has none). */
export const QueueTabs = ({
  queue,
  counts,
  onSelect,
}: {
  queue: QueueName;
  counts: Partial<QueuePage['meta']['counts']>;
  onSelect: (queue: QueueName) => void;
}) => {
  const t = useT();
  return (
    <Flex gap={2} paddingBottom={4} wrap="wrap" role="tablist" data-testid="queue-tabs">
      {QUEUES.map((name) => (
        <Button
          key={name}
          role="tab"
          aria-selected={queue === name}
          variant={queue === name ? 'default' : 'tertiary'}
          onClick={() => onSelect(name)}
        >
          {name === 'all' ? t('queue.tab.all') : `${t(`queue.tab.${name}`)} (${counts[name] ?? 0})`}
        </Button>
      ))}
    </Flex>
  );
};
