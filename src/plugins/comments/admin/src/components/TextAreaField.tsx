import { Field, Textarea } from '@strapi/design-system';

interface Props {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  hint?: string;
}

/** A labelled multi-line field, as every dialog of the plugin asks for reasons and notes. */
export const TextAreaField = ({ name, label, value, onChange, required, hint }: Props) => (
  <Field.Root name={name} required={required} hint={hint}>
    <Field.Label>{label}</Field.Label>
    <Textarea
      value={value}
      onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => onChange(event.target.value)}
    />
    {hint && <Field.Hint />}
  </Field.Root>
);
