import { Fragment } from 'react';
import { Typography } from '@strapi/design-system';
import { useT } from '../../utils/translate';
import type { Detail } from './hooks';

interface Props {
  body: string | null;
  matches: Detail['comment']['matches'];
}

/** Splits the body at the matches: plain text, and each match as its own part. */
const partsOf = (body: string, matches: Props['matches']) => {
  const parts: Array<{ text: string; word?: string }> = [];
  let at = 0;
  for (const { start, end, word } of matches) {
    if (start < at || end > body.length) continue;
    if (start > at) parts.push({ text: body.slice(at, start) });
    parts.push({ text: body.slice(start, end), word });
    at = end;
  }
  if (at < body.length) parts.push({ text: body.slice(at) });
  return parts;
};

/** The comment's text, as text (never HTML), with the suspect words that flagged it marked. */
export const HighlightedBody = ({ body, matches }: Props) => {
  const t = useT();
  if (body === null) {
    return (
      <Typography tag="p" textColor="neutral600" style={{ fontStyle: 'italic' }}>
        {t('panel.body.none')}
      </Typography>
    );
  }
  return (
    <Typography tag="p" data-testid="panel-body" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {partsOf(body, matches).map((part, index) =>
        part.word ? (
          <mark key={index} title={t('panel.match', { word: part.word })} data-word={part.word}>
            {part.text}
          </mark>
        ) : (
          <Fragment key={index}>{part.text}</Fragment>
        )
      )}
    </Typography>
  );
};
