import { Box, Flex, Link, Typography } from '@strapi/design-system';
import { useRBAC } from '@strapi/strapi/admin';
import { PERMISSIONS } from '../permissions';
import { useAdminGet } from '../utils/api';
import { useT } from '../utils/translate';
import type { ArticleSummary } from '../../../shared/contracts/admin';

const ARTICLE_UID = 'api::article.article';

const Summary = ({ documentId }: { documentId: string }) => {
  const t = useT();
  const { allowedActions } = useRBAC({ queue: PERMISSIONS.moderationRead });
  const { data } = useAdminGet<ArticleSummary>(`/comments/editorial/articles/${documentId}`);
  if (!data) return null;
  const { comments, openReports, factualErrorComplaints, inconsistentFigures } = data.data;
  const reasons = Object.entries(openReports);
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="editorial-panel" width="100%">
      <Typography>{t('editorial.comments', { total: comments.total, visible: comments.visible })}</Typography>
      <Box>
        <Typography variant="sigma">{t('editorial.openReports')}</Typography>
        <Typography tag="p">
          {reasons.length ? reasons.map(([reason, count]) => `${reason}: ${count}`).join(', ') : t('editorial.none')}
        </Typography>
      </Box>
      <Box>
        <Typography variant="sigma">{t('editorial.figures')}</Typography>
        {inconsistentFigures.length === 0 && <Typography tag="p">{t('editorial.none')}</Typography>}
        {inconsistentFigures.map((figure) => (
          <Typography key={figure.documentId} tag="p" textColor="danger600" data-testid="inconsistent-figure">
            {t('editorial.figure', {
              label: figure.label,
              total: figure.value,
              sum: figure.consistency.breakdownTotal ?? '–',
              kind: figure.breakdownKind ?? '',
            })}
          </Typography>
        ))}
      </Box>
      <Box>
        <Typography variant="sigma">{t('editorial.complaints', { count: factualErrorComplaints.length })}</Typography>
        {factualErrorComplaints.map((complaint) => (
          <Typography key={complaint.documentId} tag="p" textColor="neutral600">
            {complaint.note ?? complaint.comment?.body ?? ''}
          </Typography>
        ))}
      </Box>
      {allowedActions.canQueue && (
        <Link href={`/admin/plugins/comments?article=${documentId}`}>{t('editorial.queueLink')}</Link>
      )}
    </Flex>
  );
};

/** The article edit view's side panel: what readers say about the story, for editors with editorial.read. */
export const EditorialPanel = ({ model, documentId }: { model: string; documentId?: string }) => {
  const t = useT();
  const { allowedActions, isLoading } = useRBAC({ read: PERMISSIONS.editorialRead });
  if (model !== ARTICLE_UID || !documentId || isLoading || !allowedActions.canRead) return null;
  return { title: t('editorial.panel.title'), content: <Summary documentId={documentId} /> };
};
