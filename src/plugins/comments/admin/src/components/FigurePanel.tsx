import { useEffect } from 'react';
import { Flex, Typography } from '@strapi/design-system';
import { PERMISSIONS } from '../permissions';
import { useAdminQuery } from '../utils/queries';
import { useAllowed } from '../utils/rbac';
import { useT } from '../utils/translate';
import type { FigureSummary } from '../../../shared/contracts/admin';

const FIGURE_UID = 'api::figure.figure';

const STATUS_COLOR = { consistent: 'success600', inconsistent: 'danger600', 'no-breakdown': 'neutral600' } as const;

/** The verdict of the saved draft; refetched after each save (the document's `updatedAt` changes). */
const Verdict = ({ documentId, savedAt }: { documentId: string; savedAt?: string }) => {
  const t = useT();
  const { data, refetch } = useAdminQuery<FigureSummary>(
    'editorial-figure',
    `/comments/editorial/figures/${documentId}`
  );
  useEffect(() => {
    void refetch();
  }, [savedAt, refetch]);
  if (!data) return null;
  const { display, consistency } = data.data;
  return (
    <Flex direction="column" alignItems="stretch" gap={2} width="100%" data-testid="figure-panel">
      <Typography variant="sigma">{t('figure.display')}</Typography>
      <Typography tag="p" data-testid="figure-display">
        {display ?? t('editorial.none')}
      </Typography>
      <Typography variant="sigma">{t('figure.verdict')}</Typography>
      <Typography
        tag="p"
        fontWeight="bold"
        textColor={STATUS_COLOR[consistency.status]}
        data-testid="figure-verdict"
        data-status={consistency.status}
      >
        {t(`figure.status.${consistency.status}`)}
      </Typography>
      {consistency.status !== 'no-breakdown' && (
        <Typography tag="p" textColor="neutral600" data-testid="figure-sums">
          {t(consistency.breakdownKind === 'partial' ? 'figure.sums.partial' : 'figure.sums.complete', {
            sum: consistency.breakdownTotal ?? '–',
            total: consistency.total ?? '–',
          })}
        </Typography>
      )}
    </Flex>
  );
};

/** The figure edit view's side panel: how the number reads and whether its parts add up, for editors. */
export const FigurePanel = ({
  model,
  documentId,
  document,
}: {
  model: string;
  documentId?: string;
  document?: { updatedAt?: string };
}) => {
  const t = useT();
  const { allowed } = useAllowed(PERMISSIONS.editorialRead);
  if (model !== FIGURE_UID || !documentId || !allowed) return null;
  return {
    title: t('figure.panel.title'),
    content: <Verdict documentId={documentId} savedAt={document?.updatedAt} />,
  };
};
