import { useState } from 'react';
import { Button, Flex } from '@strapi/design-system';
import { ReasonDialog } from '../ReasonDialog';
import { usePresetReasons } from '../../utils/decisions';
import { useT } from '../../utils/translate';
import { useCommentAction, type Detail } from './hooks';
import type { ModerationAction } from '../../../../shared/contracts/vocabulary';

const variantOf = (action: ModerationAction) =>
  action === 'approve' || action === 'release' ? 'success-light' : action === 'remove' ? 'danger' : 'secondary';

/** The actions the comment's status allows, each confirmed with a reason (a house rule for hide and remove). */
export const DecisionButtons = ({ comment }: { comment: Detail['comment'] }) => {
  const t = useT();
  const act = useCommentAction(comment);
  const presets = usePresetReasons();
  const [pending, setPending] = useState<ModerationAction | null>(null);

  return (
    <Flex gap={2} wrap="wrap" paddingTop={4}>
      {comment.actions.map((action) => (
        <Button key={action} variant={variantOf(action)} onClick={() => setPending(action)}>
          {t(`action.${action}`)}
        </Button>
      ))}
      {pending && (
        <ReasonDialog
          title={t('dialog.title', { action: t(`action.${pending}`) })}
          body={pending === 'amend' ? (comment.body ?? '') : undefined}
          withPublicReason
          presets={pending === 'hide' || pending === 'remove' ? presets : undefined}
          onConfirm={(result) => {
            setPending(null);
            void act(pending, result);
          }}
          onCancel={() => setPending(null)}
        />
      )}
    </Flex>
  );
};
