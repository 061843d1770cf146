import { useState } from 'react';
import { Button, Field, Grid, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { useT } from '../../utils/translate';
import { ParsedTextarea, SettingsCard, TextField } from './fields';
import type { SectionProps } from './useSettingsDraft';
import type { NotificationKind, NotificationTemplateDefaults } from '../../../../shared/contracts/settings';

type Template = NotificationTemplateDefaults['defaults'];
const PARTS = ['subject', 'text', 'html'] as const;
const same = (text: string) => text;

/** Only the parts that differ from the default wording are stored, so a later change of a default still applies. */
const overrideOf = (defaults: Template, edited: Template): Partial<Template> =>
  Object.fromEntries(PARTS.filter((part) => edited[part] !== defaults[part]).map((part) => [part, edited[part]]));

const KindPicker = ({
  kinds,
  kind,
  onChange,
}: {
  kinds: NotificationKind[];
  kind: NotificationKind;
  onChange: (kind: NotificationKind) => void;
}) => {
  const t = useT();
  return (
    <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
      <Field.Root name="template-kind">
        <Field.Label>{t('settings.templates.kind')}</Field.Label>
        <SingleSelect value={kind} onChange={(value: string | number) => onChange(value as NotificationKind)}>
          {kinds.map((option) => (
            <SingleSelectOption key={option} value={option}>
              {t(`settings.templates.kind.${option}`)}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Field.Root>
    </Grid.Item>
  );
};

/** The wording of each kind of email, one kind at a time, starting from the default. */
export const TemplatesSection = ({
  draft,
  set,
  errors,
  readOnly,
  templates,
}: SectionProps & { templates: NotificationTemplateDefaults[] }) => {
  const t = useT();
  const [kind, setKind] = useState<NotificationKind>('moderation-notice');
  const entry = templates.find((template) => template.kind === kind);
  if (!entry) return null;
  const notifications = draft.notifications;
  const stored = notifications.templates[kind] ?? {};
  const current: Template = { ...entry.defaults, ...stored };
  const put = (override: Partial<Template>) =>
    set('notifications', {
      ...notifications,
      templates: { ...notifications.templates, [kind]: Object.keys(override).length > 0 ? override : undefined },
    });
  const edit = (part: (typeof PARTS)[number]) => (value: string) =>
    put(overrideOf(entry.defaults, { ...current, [part]: value }));
  const path = `notifications.templates.${kind}`;
  return (
    <SettingsCard title={t('settings.section.templates')}>
      <KindPicker kinds={templates.map((template) => template.kind)} kind={kind} onChange={setKind} />
      <Grid.Item col={6} s={12} alignItems="flex-end" justifyContent="flex-end">
        {!readOnly && (
          <Button variant="tertiary" disabled={Object.keys(stored).length === 0} onClick={() => put({})}>
            {t('settings.templates.reset')}
          </Button>
        )}
      </Grid.Item>
      <Grid.Item col={12}>
        <Typography textColor="neutral600" data-testid="template-placeholders">
          {t('settings.templates.placeholders', {
            placeholders: entry.placeholders.map((name) => `{{${name}}}`).join(', '),
          })}
        </Typography>
      </Grid.Item>
      <TextField
        name={`${path}.subject`}
        label={t('settings.templates.subject')}
        value={current.subject}
        onChange={edit('subject')}
        error={errors[`${path}.subject`]}
        disabled={readOnly}
        col={12}
      />
      <ParsedTextarea
        name={`${path}.text`}
        label={t('settings.templates.text')}
        value={current.text}
        onChange={edit('text')}
        format={same}
        parse={same}
        error={errors[`${path}.text`]}
        disabled={readOnly}
      />
      <ParsedTextarea
        name={`${path}.html`}
        label={t('settings.templates.html')}
        value={current.html}
        onChange={edit('html')}
        format={same}
        parse={same}
        error={errors[`${path}.html`]}
        disabled={readOnly}
      />
    </SettingsCard>
  );
};
