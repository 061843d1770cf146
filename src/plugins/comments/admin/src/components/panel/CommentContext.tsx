import { Box, Flex, Typography } from '@strapi/design-system';
import { useT } from '../../utils/translate';
import { HighlightedBody } from './HighlightedBody';
import { StatusBadge, isPublic } from './StatusBadge';
import type { Detail } from './hooks';

type Brief = Detail['neighbours']['before'][number];

/**
 * A comment of the thread around the one in question. Out of public view, its text is still shown
 * to the moderator, on a tinted ground in a dashed frame and labelled with its status.
 */
const ThreadComment = ({ comment, role }: { comment: Brief; role: 'parent' | 'neighbour' }) => {
  const marked = !isPublic(comment.status);
  return (
    <Box
      tag="li"
      data-testid={`context-${role}`}
      data-document-id={comment.documentId}
      data-status={comment.status}
      padding={3}
      hasRadius
      borderColor={marked ? 'neutral500' : 'neutral200'}
      borderStyle={marked ? 'dashed' : 'solid'}
      borderWidth={marked ? '2px' : '1px'}
      background={marked ? 'neutral150' : 'neutral0'}
    >
      <Flex gap={2} wrap="wrap">
        <Typography variant="omega" fontWeight="bold">
          {comment.author.displayName ?? '–'}
        </Typography>
        <Typography variant="pi" textColor="neutral600">
          {new Date(comment.createdAt).toLocaleString()}
        </Typography>
        {marked && <StatusBadge status={comment.status} />}
      </Flex>
      <Typography tag="p" textColor="neutral800" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {comment.body}
      </Typography>
    </Box>
  );
};

/** The comment in question, highlighted in its place in the thread. */
const CurrentComment = ({ comment }: { comment: Detail['comment'] }) => {
  const t = useT();
  return (
    <Box
      tag="li"
      data-testid="context-current"
      data-document-id={comment.documentId}
      aria-current="true"
      padding={3}
      hasRadius
      background="primary100"
      borderColor="primary600"
      borderWidth="2px"
    >
      <Flex gap={2} wrap="wrap">
        <Typography variant="sigma" textColor="primary700">
          {t('panel.context.current')}
        </Typography>
        <Typography variant="omega" fontWeight="bold">
          {comment.author.displayName ?? '–'}
        </Typography>
        <StatusBadge status={comment.status} />
      </Flex>
      <HighlightedBody body={comment.body} matches={comment.matches} />
    </Box>
  );
};

/** The parent (for a reply), then its siblings before, itself and its siblings after, in thread order. */
export const CommentContext = ({ detail }: { detail: Detail }) => {
  const t = useT();
  const { parent, neighbours, comment } = detail;
  return (
    <Box tag="section" aria-labelledby="panel-context" paddingTop={4}>
      <Typography variant="sigma" tag="h3" id="panel-context">
        {t('panel.neighbours')}
      </Typography>
      {parent && (
        <Box paddingTop={2} tag="ul" aria-label={t('panel.parent')}>
          <ThreadComment comment={parent} role="parent" />
        </Box>
      )}
      <Flex
        tag="ol"
        direction="column"
        alignItems="stretch"
        gap={2}
        paddingTop={2}
        paddingLeft={parent ? 6 : 0}
        aria-label={t(parent ? 'panel.context.replies' : 'panel.context.thread')}
      >
        {neighbours.before.map((neighbour) => (
          <ThreadComment key={neighbour.documentId} comment={neighbour} role="neighbour" />
        ))}
        <CurrentComment comment={comment} />
        {neighbours.after.map((neighbour) => (
          <ThreadComment key={neighbour.documentId} comment={neighbour} role="neighbour" />
        ))}
      </Flex>
    </Box>
  );
};
