import { useState } from 'react';
import { Button, Checkbox, Field, Flex, TextInput } from '@strapi/design-system';
import { ReasonDialog } from '../ReasonDialog';
import { useT } from '../../utils/translate';
import { useSanction } from './hooks';
import type { SanctionAction } from '../../../../shared/contracts/vocabulary';

/** Suspend (until a time), ban or reinstate the author, each after a reason. */
export const SanctionForm = ({ authorDocumentId }: { authorDocumentId: string }) => {
  const t = useT();
  const sanction = useSanction(authorDocumentId);
  const [pending, setPending] = useState<SanctionAction | null>(null);
  const [until, setUntil] = useState('');
  const [hideComments, setHideComments] = useState(false);

  return (
    <Flex gap={2} paddingTop={3} alignItems="flex-end" wrap="wrap">
      <Field.Root name="until">
        <Field.Label>{t('panel.sanction.until')}</Field.Label>
        <TextInput
          type="datetime-local"
          value={until}
          onChange={(event: React.ChangeEvent<HTMLInputElement>) => setUntil(event.target.value)}
        />
      </Field.Root>
      <Button variant="secondary" disabled={!until} onClick={() => setPending('suspend')}>
        {t('panel.sanction.suspend')}
      </Button>
      <Button variant="danger-light" onClick={() => setPending('ban')}>
        {t('panel.sanction.ban')}
      </Button>
      <Button variant="tertiary" onClick={() => setPending('reinstate')}>
        {t('panel.sanction.reinstate')}
      </Button>
      <Checkbox
        checked={hideComments}
        onCheckedChange={(value: boolean | 'indeterminate') => setHideComments(value === true)}
      >
        {t('panel.sanction.hideComments')}
      </Checkbox>
      {pending && (
        <ReasonDialog
          title={t(`panel.sanction.${pending}`)}
          onConfirm={({ reason }) => {
            setPending(null);
            void sanction({ action: pending, reason, until, hideComments });
          }}
          onCancel={() => setPending(null)}
        />
      )}
    </Flex>
  );
};
