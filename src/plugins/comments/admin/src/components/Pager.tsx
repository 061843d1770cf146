import { Button, Flex, Typography } from '@strapi/design-system';
import { useT } from '../utils/translate';

/** Previous / next for a paginated admin list; hidden when there is one page. */
export const Pager = ({
  page,
  pageCount,
  onPage,
}: {
  page: number;
  pageCount: number;
  onPage: (page: number) => void;
}) => {
  const t = useT();
  if (pageCount <= 1) return null;
  return (
    <Flex gap={2} paddingTop={4} justifyContent="flex-end">
      <Button variant="tertiary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('queue.previous')}
      </Button>
      <Typography>{t('queue.page', { page, pageCount })}</Typography>
      <Button variant="tertiary" disabled={page >= pageCount} onClick={() => onPage(page + 1)}>
        {t('queue.next')}
      </Button>
    </Flex>
  );
};
