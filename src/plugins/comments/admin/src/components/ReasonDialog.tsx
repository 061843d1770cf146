import { useRef, useState } from 'react';
import { Box, Button, Dialog, Flex, Typography } from '@strapi/design-system';
import { useT } from '../utils/translate';
import type { PresetReason } from '../../../shared/contracts/settings';
import { TextAreaField } from './TextAreaField';

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
  /** The house rules from the settings; 1–9 pick the first nine. */
  presets?: PresetReason[];
  /** A reason already filled in (Enter alone confirms it). */
  initialReason?: string;
  /** Whether closing gives the focus back to where it was (false: the caller moves it on). */
  restoreFocus?: boolean;
  onConfirm: (result: ReasonDialogResult) => void;
  onCancel: () => void;
}

const isTextField = (target: EventTarget | null) =>
  target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement;

/**
 * Confirms a moderation step and asks for the reason the audit trail keeps (and, to amend, the new
 * text). Keyboard: a number picks a preset, Enter confirms (Shift+Enter is a new line), Esc cancels.
 */
export const ReasonDialog = ({
  title,
  body: initialBody,
  withPublicReason = false,
  presets = [],
  initialReason = '',
  restoreFocus = true,
  onConfirm,
  onCancel,
}: Props) => {
  const t = useT();
  const [reason, setReason] = useState(initialReason);
  const [publicReason, setPublicReason] = useState('');
  const [body, setBody] = useState(initialBody ?? '');
  const content = useRef<HTMLDivElement>(null);
  const amending = initialBody !== undefined;
  const valid = reason.trim() !== '' && (!amending || body.trim() !== '');

  const pick = (preset: PresetReason) => {
    setReason(preset.label);
    if (withPublicReason) setPublicReason(preset.publicReason);
  };
  const confirm = () => {
    if (valid) onConfirm({ reason, publicReason: publicReason.trim() || undefined, body: amending ? body : undefined });
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    const preset = /^[1-9]$/.test(event.key) && !isTextField(event.target) ? presets[Number(event.key) - 1] : undefined;
    if (preset) pick(preset);
    // A focused button (Cancel, a preset) keeps its own Enter.
    else if (event.key === 'Enter' && !event.shiftKey && !(event.target instanceof HTMLButtonElement)) confirm();
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <Dialog.Root open onOpenChange={(open: boolean) => !open && onCancel()}>
      <Dialog.Content
        ref={content}
        onKeyDown={onKeyDown}
        // The dialog itself takes the focus, so that number keys pick a preset rather than type into a field.
        onOpenAutoFocus={(event: Event) => {
          event.preventDefault();
          content.current?.focus();
        }}
        onCloseAutoFocus={(event: Event) => !restoreFocus && event.preventDefault()}
        tabIndex={-1}
        data-testid="reason-dialog"
      >
        <Dialog.Header>{title}</Dialog.Header>
        <Dialog.Body>
          <Flex direction="column" gap={4} alignItems="stretch" width="100%">
            {presets.length > 0 && (
              <Box>
                <Typography variant="sigma" id="preset-reasons">
                  {t('dialog.presets')}
                </Typography>
                <Flex
                  tag="ol"
                  direction="column"
                  alignItems="stretch"
                  gap={1}
                  paddingTop={2}
                  aria-labelledby="preset-reasons"
                >
                  {presets.map((preset, index) => (
                    <li key={preset.label}>
                      <Button
                        variant={reason === preset.label ? 'secondary' : 'tertiary'}
                        fullWidth
                        aria-pressed={reason === preset.label}
                        data-testid="preset-reason"
                        onClick={() => pick(preset)}
                        style={{ justifyContent: 'flex-start' }}
                      >
                        {index < 9 ? `${index + 1}. ${preset.label}` : preset.label}
                      </Button>
                    </li>
                  ))}
                </Flex>
              </Box>
            )}
            {amending && (
              <TextAreaField name="body" label={t('dialog.body')} value={body} onChange={setBody} required />
            )}
            <TextAreaField name="reason" label={t('dialog.reason')} value={reason} onChange={setReason} required />
            {withPublicReason && (
              <TextAreaField
                name="publicReason"
                label={t('dialog.publicReason')}
                value={publicReason}
                onChange={setPublicReason}
              />
            )}
            <Typography variant="pi" textColor="neutral600">
              {t(presets.length > 0 ? 'dialog.keys.presets' : 'dialog.keys')}
            </Typography>
          </Flex>
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button variant="tertiary" onClick={onCancel}>
              {t('dialog.cancel')}
            </Button>
          </Dialog.Cancel>
          <Button disabled={!valid} onClick={confirm}>
            {t('dialog.confirm')}
          </Button>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};
