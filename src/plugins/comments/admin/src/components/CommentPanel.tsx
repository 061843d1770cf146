import { Box, Button, Flex, Link, Loader, Typography } from '@strapi/design-system';
import { useT } from '../utils/translate';
import { AuthorRecord } from './panel/AuthorRecord';
import { CommentContext } from './panel/CommentContext';
import { DecisionButtons } from './panel/DecisionButtons';
import { HistoryList } from './panel/HistoryList';
import { ReportList } from './panel/ReportList';
import { StatusBadge, ToneBadge } from './panel/StatusBadge';
import { useCommentDetail, type Detail } from './panel/hooks';

interface Props {
  documentId: string;
  canAct: boolean;
  canSanction: boolean;
  onClose: () => void;
}

/** Title, story (with the link to the comment on the site) and why the system flagged it. */
const PanelHeader = ({ detail, onClose }: { detail: Detail; onClose: () => void }) => {
  const t = useT();
  const { comment, thread } = detail;
  return (
    <>
      <Flex justifyContent="space-between" alignItems="center" gap={2}>
        <Flex gap={2}>
          <Typography variant="beta" tag="h2">
            {t('panel.title')}
          </Typography>
          <StatusBadge status={comment.status} />
        </Flex>
        <Button variant="tertiary" onClick={onClose}>
          {t('panel.close')}
        </Button>
      </Flex>
      <Flex gap={3} paddingTop={2} wrap="wrap">
        <Typography textColor="neutral600">
          {t('panel.story')}: {thread.title ?? thread.documentId}
        </Typography>
        {thread.url && (
          <Link href={thread.url} isExternal data-testid="frontend-link">
            {t('panel.frontendLink')}
          </Link>
        )}
      </Flex>
      {comment.flagReasons.length > 0 && (
        <Flex gap={2} paddingTop={2} wrap="wrap" data-testid="panel-flags">
          <Typography variant="pi">{t('panel.flagged')}</Typography>
          {comment.flagReasons.map((flag) => (
            <ToneBadge key={flag} tone="warning" data-testid="flag-reason">
              {flag}
            </ToneBadge>
          ))}
        </Flex>
      )}
    </>
  );
};

/** One comment in context, with the moderator's actions. Comment text is rendered as text, never HTML. */
export const CommentPanel = ({ documentId, canAct, canSanction, onClose }: Props) => {
  const t = useT();
  const { data, errorText } = useCommentDetail(documentId);
  if (!data) {
    return (
      <Box padding={6} data-testid="comment-panel-loading">
        {errorText ? <Typography textColor="danger600">{errorText}</Typography> : <Loader>{t('panel.loading')}</Loader>}
      </Box>
    );
  }
  const detail = data.data;
  return (
    <Box data-testid="comment-panel" background="neutral0" padding={6}>
      <PanelHeader detail={detail} onClose={onClose} />
      {canAct && <DecisionButtons comment={detail.comment} />}
      <CommentContext detail={detail} />
      <ReportList reports={detail.reports} total={detail.reportsTotal} />
      {detail.author && (
        <AuthorRecord
          author={detail.author}
          authorDocumentId={detail.comment.author.documentId}
          canSanction={canSanction}
        />
      )}
      <HistoryList history={detail.history} />
    </Box>
  );
};
