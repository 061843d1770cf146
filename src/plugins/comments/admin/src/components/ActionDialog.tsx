import { useState } from 'react';
import { Button, Dialog, Field, Flex, Textarea } from '@strapi/design-system';
import { useT } from '../utils/translate';

export type ModerationAction = 'approve' | 'hide' | 'restore' | 'amend' | 'remove' | 'release';

export interface ActionRequest {
  action: ModerationAction;
  reason: string;
  publicReason?: string;
  body?: string;
}

interface Props {
  action: ModerationAction | null;
  currentBody: string;
  onConfirm: (request: ActionRequest) => void;
  onCancel: () => void;
}

/** Confirms a moderation action and asks for the reason (and, for amend, the new text). */
export const ActionDialog = ({ action, currentBody, onConfirm, onCancel }: Props) => {
  const t = useT();
  const [reason, setReason] = useState('');
  const [publicReason, setPublicReason] = useState('');
  const [body, setBody] = useState(currentBody);
  if (!action) return null;
  const label = t(`action.${action}`);

  return (
    <Dialog.Root open onOpenChange={(open: boolean) => !open && onCancel()}>
      <Dialog.Content>
        <Dialog.Header>{t('dialog.title', { action: label })}</Dialog.Header>
        <Dialog.Body>
          <Flex direction="column" gap={4} alignItems="stretch" width="100%">
            {action === 'amend' && (
              <Field.Root name="body" required>
                <Field.Label>{t('dialog.body')}</Field.Label>
                <Textarea
                  value={body}
                  onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setBody(event.target.value)}
                />
              </Field.Root>
            )}
            <Field.Root name="reason" required>
              <Field.Label>{t('dialog.reason')}</Field.Label>
              <Textarea
                value={reason}
                onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setReason(event.target.value)}
              />
            </Field.Root>
            <Field.Root name="publicReason">
              <Field.Label>{t('dialog.publicReason')}</Field.Label>
              <Textarea
                value={publicReason}
                onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setPublicReason(event.target.value)}
              />
            </Field.Root>
          </Flex>
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button variant="tertiary" onClick={onCancel}>
              {t('dialog.cancel')}
            </Button>
          </Dialog.Cancel>
          <Button
            disabled={reason.trim() === '' || (action === 'amend' && body.trim() === '')}
            onClick={() =>
              onConfirm({
                action,
                reason,
                publicReason: publicReason.trim() || undefined,
                body: action === 'amend' ? body : undefined,
              })
            }
          >
            {t('dialog.confirm')}
          </Button>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};
