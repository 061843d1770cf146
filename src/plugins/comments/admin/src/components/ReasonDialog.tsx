import { useState } from 'react';
import { Button, Dialog, Field, Flex, Textarea } from '@strapi/design-system';
import { useT } from '../utils/translate';

export interface ReasonDialogResult {
  reason: string;
  publicReason?: string;
  body?: string;
}

interface Props {
  title: string;
  /** The text to amend, when the action replaces the comment's body. */
  body?: string;
  withPublicReason?: boolean;
  onConfirm: (result: ReasonDialogResult) => void;
  onCancel: () => void;
}

/** Confirms a moderation step and asks for the reason the audit trail keeps (and, to amend, the new text). */
export const ReasonDialog = ({ title, body: initialBody, withPublicReason = false, onConfirm, onCancel }: Props) => {
  const t = useT();
  const [reason, setReason] = useState('');
  const [publicReason, setPublicReason] = useState('');
  const [body, setBody] = useState(initialBody ?? '');
  const amending = initialBody !== undefined;

  return (
    <Dialog.Root open onOpenChange={(open: boolean) => !open && onCancel()}>
      <Dialog.Content>
        <Dialog.Header>{title}</Dialog.Header>
        <Dialog.Body>
          <Flex direction="column" gap={4} alignItems="stretch" width="100%">
            {amending && (
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
            {withPublicReason && (
              <Field.Root name="publicReason">
                <Field.Label>{t('dialog.publicReason')}</Field.Label>
                <Textarea
                  value={publicReason}
                  onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setPublicReason(event.target.value)}
                />
              </Field.Root>
            )}
          </Flex>
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button variant="tertiary" onClick={onCancel}>
              {t('dialog.cancel')}
            </Button>
          </Dialog.Cancel>
          <Button
            disabled={reason.trim() === '' || (amending && body.trim() === '')}
            onClick={() =>
              onConfirm({ reason, publicReason: publicReason.trim() || undefined, body: amending ? body : undefined })
            }
          >
            {t('dialog.confirm')}
          </Button>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};
