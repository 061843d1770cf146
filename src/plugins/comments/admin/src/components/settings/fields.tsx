import { useEffect, useState, type ReactNode } from 'react';
import { Box, Field, Grid, NumberInput, TextInput, Textarea, Typography } from '@strapi/design-system';

interface FieldProps<Value> {
  name: string;
  label: string;
  value: Value;
  onChange: (value: Value) => void;
  error?: string;
  hint?: string;
  disabled?: boolean;
}

/** One titled card of the settings page. */
export const SettingsCard = ({ title, children }: { title: string; children: ReactNode }) => (
  <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius tag="section" aria-label={title}>
    <Typography variant="delta" tag="h2">
      {title}
    </Typography>
    <Grid.Root gap={4} paddingTop={4}>
      {children}
    </Grid.Root>
  </Box>
);

export const NumberField = ({ name, label, value, onChange, error, hint, disabled }: FieldProps<number>) => (
  <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
    <Field.Root name={name} error={error} hint={hint}>
      <Field.Label>{label}</Field.Label>
      <NumberInput
        value={value}
        disabled={disabled}
        onValueChange={(next: number | undefined) => onChange(next ?? 0)}
      />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  </Grid.Item>
);

export const TextField = ({
  name,
  label,
  value,
  onChange,
  error,
  hint,
  disabled,
  col = 6,
}: FieldProps<string> & { col?: number }) => (
  <Grid.Item col={col} s={12} direction="column" alignItems="stretch">
    <Field.Root name={name} error={error} hint={hint}>
      <Field.Label>{label}</Field.Label>
      <TextInput
        value={value}
        disabled={disabled}
        onChange={(event: React.ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
      />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  </Grid.Item>
);

/**
 * A textarea over a parsed value (a word list, the cover windows). The text typed is kept as typed — parsing each
 * keystroke would swallow the new line just started — and replaced only when the value changes from outside.
 */
export const ParsedTextarea = <Value,>({
  name,
  label,
  value,
  onChange,
  error,
  hint,
  disabled,
  format,
  parse,
  col = 6,
}: FieldProps<Value> & { format: (value: Value) => string; parse: (text: string) => Value; col?: number }) => {
  const [text, setText] = useState(() => format(value));
  useEffect(() => {
    setText((typed) => (format(parse(typed)) === format(value) ? typed : format(value)));
  }, [value, format, parse]);
  return (
    <Grid.Item col={col} s={12} direction="column" alignItems="stretch">
      <Field.Root name={name} error={error} hint={hint}>
        <Field.Label>{label}</Field.Label>
        <Textarea
          value={text}
          disabled={disabled}
          onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => {
            setText(event.target.value);
            onChange(parse(event.target.value));
          }}
        />
        <Field.Hint />
        <Field.Error />
      </Field.Root>
    </Grid.Item>
  );
};

/** One entry per non-empty line. */
export const toLines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
export const fromLines = (lines: string[]) => lines.join('\n');
