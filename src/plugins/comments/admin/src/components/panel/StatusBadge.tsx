import { Badge } from '@strapi/design-system';
import { useT } from '../../utils/translate';
import type { CommentStatus } from '../../../../shared/contracts/vocabulary';

export type Tone = 'success' | 'warning' | 'danger' | 'neutral';

/**
 * A badge in one tone, its text dark enough on its ground for small type (4.5:1): the variants' own
 * colours are not, nor is warning700 on any warning ground.
 */
const COLOURS = {
  success: { textColor: 'success700', backgroundColor: 'success100' },
  warning: { textColor: 'neutral800', backgroundColor: 'warning200' },
  danger: { textColor: 'danger700', backgroundColor: 'danger100' },
  neutral: { textColor: 'neutral800', backgroundColor: 'neutral150' },
} as const;

export const ToneBadge = ({ tone, ...props }: { tone: Tone } & React.ComponentProps<typeof Badge>) => (
  <Badge {...COLOURS[tone]} {...props} />
);

const TONES: Record<CommentStatus, Tone> = {
  visible: 'success',
  held: 'warning',
  hidden: 'danger',
  removed: 'danger',
  withdrawn: 'neutral',
  'withdrawn-under-review': 'warning',
  erased: 'neutral',
};

/** Whether readers see it: anything else is marked wherever moderators see its text. */
export const isPublic = (status: CommentStatus) => status === 'visible';

/** A comment's status, in words and colour. */
export const StatusBadge = ({ status }: { status: CommentStatus }) => {
  const t = useT();
  return (
    <ToneBadge tone={TONES[status]} data-testid="comment-status" data-status={status}>
      {t(`panel.status.${status}`)}
    </ToneBadge>
  );
};
