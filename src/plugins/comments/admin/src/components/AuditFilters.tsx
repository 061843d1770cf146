import { useState } from 'react';
import { Box, Button, Field, Flex, Grid, TextInput } from '@strapi/design-system';
import { dayBound } from '../utils/days';
import { useT } from '../utils/translate';

export type AuditFilterValues = {
  actor?: string;
  action?: string;
  comment?: string;
  user?: string;
  from?: string;
  to?: string;
};

const TEXT_FIELDS = ['actor', 'action', 'comment', 'user'] as const;

/** The audit filters as a form: applied together, so the list and the CSV export always agree. */
export const AuditFilters = ({ onApply }: { onApply: (filters: AuditFilterValues) => void }) => {
  const t = useT();
  const [text, setText] = useState<Record<(typeof TEXT_FIELDS)[number], string>>({
    actor: '',
    action: '',
    comment: '',
    user: '',
  });
  const [days, setDays] = useState({ from: '', to: '' });
  const apply = (event: React.FormEvent) => {
    event.preventDefault();
    const trimmed = Object.fromEntries(TEXT_FIELDS.map((name) => [name, text[name].trim() || undefined]));
    onApply({ ...trimmed, from: dayBound(days.from, false), to: dayBound(days.to, true) });
  };
  return (
    <Box background="neutral0" padding={4} shadow="tableShadow" hasRadius>
      <form onSubmit={apply} aria-label={t('audit.filters')}>
        <Grid.Root gap={4}>
          {TEXT_FIELDS.map((name) => (
            <Grid.Item key={name} col={3} s={6} xs={12} direction="column" alignItems="stretch">
              <Field.Root name={name} hint={t(`audit.filter.${name}.hint`)}>
                <Field.Label>{t(`audit.filter.${name}`)}</Field.Label>
                <TextInput
                  value={text[name]}
                  onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                    setText({ ...text, [name]: event.target.value })
                  }
                />
                <Field.Hint />
              </Field.Root>
            </Grid.Item>
          ))}
          {(['from', 'to'] as const).map((name) => (
            <Grid.Item key={name} col={3} s={6} xs={12} direction="column" alignItems="stretch">
              <Field.Root name={name}>
                <Field.Label>{t(`audit.filter.${name}`)}</Field.Label>
                <TextInput
                  type="date"
                  value={days[name]}
                  onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                    setDays({ ...days, [name]: event.target.value })
                  }
                />
              </Field.Root>
            </Grid.Item>
          ))}
        </Grid.Root>
        <Flex paddingTop={4} justifyContent="flex-end">
          <Button type="submit">{t('audit.apply')}</Button>
        </Flex>
      </form>
    </Box>
  );
};
