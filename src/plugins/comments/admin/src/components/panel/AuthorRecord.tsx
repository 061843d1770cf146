import { Box, Flex, Typography } from '@strapi/design-system';
import { useT } from '../../utils/translate';
import { Section } from './Section';
import { SanctionForm } from './SanctionForm';
import { StatusBadge } from './StatusBadge';
import type { Detail } from './hooks';

type AuthorData = NonNullable<Detail['author']>;

/** The author's latest comments, each with its status and story. */
const RecentComments = ({ recent }: { recent: AuthorData['recent'] }) => {
  const t = useT();
  if (recent.length === 0) return <Typography textColor="neutral600">{t('panel.author.noOthers')}</Typography>;
  return (
    <Flex tag="ul" direction="column" alignItems="stretch" gap={2} data-testid="recent-comments">
      {recent.map((comment) => (
        <Box tag="li" key={comment.documentId} data-testid="recent-comment" data-status={comment.status}>
          <Flex gap={2} wrap="wrap">
            <StatusBadge status={comment.status} />
            <Typography variant="pi" textColor="neutral600">
              {new Date(comment.createdAt).toLocaleString()} · {comment.thread.title ?? comment.thread.documentId}
            </Typography>
          </Flex>
          <Typography tag="p" ellipsis>
            {comment.body ?? t('panel.body.none')}
          </Typography>
        </Box>
      ))}
    </Flex>
  );
};

/** Their sanctions so far, newest first. */
const Sanctions = ({ sanctions }: { sanctions: AuthorData['sanctions'] }) => {
  const t = useT();
  if (sanctions.length === 0) return null;
  return (
    <Box paddingTop={3}>
      <Typography variant="sigma" tag="h4">
        {t('panel.sanctions')}
      </Typography>
      {sanctions.map((sanction, index) => (
        <Typography key={index} tag="p" variant="pi" data-testid="sanction-row">
          {new Date(sanction.at).toLocaleString()} · {sanction.action} · {sanction.by ?? '–'}
          {sanction.reason ? ` · ${sanction.reason}` : ''}
        </Typography>
      ))}
    </Box>
  );
};

/** Who wrote it: counts, standing, sanctions, their latest comments, and the sanctions a moderator may apply. */
export const AuthorRecord = ({
  author,
  authorDocumentId,
  canSanction,
}: {
  author: AuthorData;
  authorDocumentId: string | null;
  canSanction: boolean;
}) => {
  const t = useT();
  return (
    <Section id="panel-author" title={t('panel.author')}>
      <Typography tag="p" data-testid="author-record">
        {t('panel.author.record', {
          comments: author.comments,
          upheld: author.upheldAgainst,
          sanction: t(`panel.sanction.state.${author.sanction}`),
        })}
        {author.suspendedUntil
          ? ` ${t('panel.author.until', { until: new Date(author.suspendedUntil).toLocaleString() })}`
          : ''}
      </Typography>
      <Sanctions sanctions={author.sanctions} />
      <Box paddingTop={3}>
        <Typography variant="sigma" tag="h4">
          {t('panel.author.recent')}
        </Typography>
        <RecentComments recent={author.recent} />
      </Box>
      {canSanction && authorDocumentId && <SanctionForm authorDocumentId={authorDocumentId} />}
    </Section>
  );
};
