import { NavLink } from 'react-router-dom';
import { Box, Flex, Link, Typography } from '@strapi/design-system';
import { PERMISSIONS } from '../permissions';
import { PLUGIN_ID } from '../pluginId';
import { useAdminQuery } from '../utils/queries';
import { useAllowed } from '../utils/rbac';
import { useT } from '../utils/translate';
import type { ArticleSummary } from '../../../shared/contracts/admin';

const ARTICLE_UID = 'api::article.article';

const Section = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <Box>
    <Typography variant="sigma">{title}</Typography>
    {children}
  </Box>
);

const Figures = ({ figures }: { figures: ArticleSummary['data']['inconsistentFigures'] }) => {
  const t = useT();
  return (
    <Section title={t('editorial.figures')}>
      {figures.length === 0 && <Typography tag="p">{t('editorial.none')}</Typography>}
      {figures.map((figure) => (
        <Typography key={figure.documentId} tag="p" textColor="danger600" data-testid="inconsistent-figure">
          {t('editorial.figure', {
            label: figure.label,
            total: figure.value,
            sum: figure.consistency.breakdownTotal ?? '–',
            kind: figure.breakdownKind ?? '',
          })}
        </Typography>
      ))}
    </Section>
  );
};

const Summary = ({ documentId }: { documentId: string }) => {
  const t = useT();
  const { allowed: canOpenQueue } = useAllowed(PERMISSIONS.moderationRead);
  const { data } = useAdminQuery<ArticleSummary>('editorial-article', `/comments/editorial/articles/${documentId}`);
  if (!data) return null;
  const { comments, openReports, factualErrorComplaints, inconsistentFigures } = data.data;
  const reasons = Object.entries(openReports);
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="editorial-panel" width="100%">
      <Typography>{t('editorial.comments', { total: comments.total, visible: comments.visible })}</Typography>
      <Section title={t('editorial.openReports')}>
        <Typography tag="p">
          {reasons.length ? reasons.map(([reason, count]) => `${reason}: ${count}`).join(', ') : t('editorial.none')}
        </Typography>
      </Section>
      <Figures figures={inconsistentFigures} />
      <Section title={t('editorial.complaints', { count: factualErrorComplaints.length })}>
        {factualErrorComplaints.map((complaint) => (
          <Typography key={complaint.documentId} tag="p" textColor="neutral600">
            {complaint.note ?? complaint.comment?.body ?? ''}
          </Typography>
        ))}
      </Section>
      {canOpenQueue && (
        <Link
          tag={NavLink}
          to={{ pathname: `/plugins/${PLUGIN_ID}`, search: `?${new URLSearchParams({ article: documentId })}` }}
        >
          {t('editorial.queueLink')}
        </Link>
      )}
    </Flex>
  );
};

/** The article edit view's side panel: what readers say about the story, for editors with editorial.read. */
export const EditorialPanel = ({ model, documentId }: { model: string; documentId?: string }) => {
  const t = useT();
  const { allowed } = useAllowed(PERMISSIONS.editorialRead);
  if (model !== ARTICLE_UID || !documentId || !allowed) return null;
  return { title: t('editorial.panel.title'), content: <Summary documentId={documentId} /> };
};
