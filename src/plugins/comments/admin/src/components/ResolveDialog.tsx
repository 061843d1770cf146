import { useState } from 'react';
import { Button, Dialog, Field, Flex, Radio, Typography } from '@strapi/design-system';
import { useT } from '../utils/translate';
import { TextAreaField } from './TextAreaField';

export interface Resolution<Outcome extends string> {
  outcome: Outcome;
  reason: string;
  note?: string;
}

interface Props<Outcome extends string> {
  title: string;
  /** What is being decided, quoted for the one deciding. */
  summary: string;
  outcomes: Array<{ value: Outcome; label: string }>;
  /** The outcome that also takes a note for the reader (a complaint's correction), and its label. */
  note?: { outcome: Outcome; label: string };
  busy: boolean;
  onConfirm: (resolution: Resolution<Outcome>) => void;
  onCancel: () => void;
}

/** Picks the outcome of an appeal or a complaint and asks for the reason the audit keeps. */
export const ResolveDialog = <Outcome extends string>({
  title,
  summary,
  outcomes,
  note: noteField,
  busy,
  onConfirm,
  onCancel,
}: Props<Outcome>) => {
  const t = useT();
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const withNote = noteField !== undefined && outcome === noteField.outcome;
  return (
    <Dialog.Root open onOpenChange={(open: boolean) => !open && onCancel()}>
      <Dialog.Content>
        <Dialog.Header>{title}</Dialog.Header>
        <Dialog.Body>
          <Flex direction="column" gap={4} alignItems="stretch" width="100%">
            <Typography data-testid="resolve-summary">{summary}</Typography>
            <Field.Root name="outcome" required>
              <Field.Label>{t('resolve.outcome')}</Field.Label>
              <Radio.Group
                value={outcome}
                onValueChange={(value: string) => setOutcome(value as Outcome)}
                aria-label={t('resolve.outcome')}
              >
                {outcomes.map((option) => (
                  <Radio.Item key={option.value} value={option.value}>
                    {option.label}
                  </Radio.Item>
                ))}
              </Radio.Group>
            </Field.Root>
            {withNote && (
              <TextAreaField
                name="note"
                label={noteField!.label}
                value={note}
                onChange={setNote}
                hint={t('resolve.note.hint')}
              />
            )}
            <TextAreaField name="reason" label={t('dialog.reason')} value={reason} onChange={setReason} required />
          </Flex>
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button variant="tertiary" onClick={onCancel}>
              {t('dialog.cancel')}
            </Button>
          </Dialog.Cancel>
          <Button
            loading={busy}
            disabled={!outcome || reason.trim() === ''}
            onClick={() => outcome && onConfirm({ outcome, reason, note: withNote && note.trim() ? note : undefined })}
          >
            {t('dialog.confirm')}
          </Button>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};
