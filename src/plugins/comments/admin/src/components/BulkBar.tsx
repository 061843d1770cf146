import { Button, Flex, Typography } from '@strapi/design-system';
import { useT } from '../utils/translate';
import type { BulkAction } from '../../../shared/contracts/vocabulary';

/** Approve or hide the selected rows; shown only while some are selected. */
export const BulkBar = ({ count, onBulk }: { count: number; onBulk: (action: BulkAction) => void }) => {
  const t = useT();
  if (count === 0) return null;
  return (
    <Flex gap={2} paddingBottom={4}>
      <Typography>{t('queue.bulk.selected', { count })}</Typography>
      <Button variant="success-light" onClick={() => onBulk('approve')}>
        {t('queue.bulk.approve')}
      </Button>
      <Button variant="danger-light" onClick={() => onBulk('hide')}>
        {t('queue.bulk.hide')}
      </Button>
    </Flex>
  );
};
