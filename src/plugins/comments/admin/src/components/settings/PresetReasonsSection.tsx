import { Button, Flex, Grid, IconButton, Typography } from '@strapi/design-system';
import { ArrowDown, ArrowUp, Plus, Trash } from '@strapi/icons';
import { useT } from '../../utils/translate';
import { SettingsCard, TextField } from './fields';
import type { SectionProps } from './useSettingsDraft';
import { MAX_PRESET_REASONS, type PresetReason } from '../../../../shared/contracts/settings';

/** `list` with the item at `from` moved to `to`. */
const moved = <Item,>(list: Item[], from: number, to: number) => {
  const next = [...list];
  next.splice(to, 0, ...next.splice(from, 1));
  return next;
};

interface RowProps {
  index: number;
  reason: PresetReason;
  count: number;
  errors: SectionProps['errors'];
  readOnly: boolean;
  onChange: (reason: PresetReason) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}

const ReasonRow = ({ index, reason, count, errors, readOnly, onChange, onMove, onRemove }: RowProps) => {
  const t = useT();
  const path = `presetReasons.${index}`;
  return (
    <Grid.Item col={12} direction="column" alignItems="stretch" data-testid="preset-row">
      <Flex gap={2} alignItems="flex-end">
        <Typography variant="omega" fontWeight="bold" paddingBottom={3}>
          {`${index + 1}.`}
        </Typography>
        <Grid.Root gap={2} flex={1}>
          <TextField
            name={`${path}.label`}
            label={t('settings.presets.label')}
            value={reason.label}
            onChange={(label) => onChange({ ...reason, label })}
            error={errors[`${path}.label`]}
            disabled={readOnly}
            col={5}
          />
          <TextField
            name={`${path}.publicReason`}
            label={t('settings.presets.publicReason')}
            value={reason.publicReason}
            onChange={(publicReason) => onChange({ ...reason, publicReason })}
            error={errors[`${path}.publicReason`]}
            disabled={readOnly}
            col={7}
          />
        </Grid.Root>
        {!readOnly && (
          <Flex gap={1} paddingBottom={1}>
            <IconButton
              label={t('settings.presets.up', { n: index + 1 })}
              disabled={index === 0}
              onClick={() => onMove(index - 1)}
            >
              <ArrowUp />
            </IconButton>
            <IconButton
              label={t('settings.presets.down', { n: index + 1 })}
              disabled={index === count - 1}
              onClick={() => onMove(index + 1)}
            >
              <ArrowDown />
            </IconButton>
            <IconButton label={t('settings.presets.remove', { n: index + 1 })} onClick={onRemove}>
              <Trash />
            </IconButton>
          </Flex>
        )}
      </Flex>
    </Grid.Item>
  );
};

/** The house rules the reason dialog offers, in order (number keys pick the first nine). */
export const PresetReasonsSection = ({ draft, set, errors, readOnly }: SectionProps) => {
  const t = useT();
  const reasons = draft.presetReasons;
  const change = (next: PresetReason[]) => set('presetReasons', next);
  return (
    <SettingsCard title={t('settings.section.presets')}>
      <Grid.Item col={12}>
        <Typography textColor="neutral600">{t('settings.presets.help', { max: MAX_PRESET_REASONS })}</Typography>
      </Grid.Item>
      {reasons.map((reason, index) => (
        <ReasonRow
          // Rows have no id of their own; the position is what number key picks them.
          key={index}
          index={index}
          reason={reason}
          count={reasons.length}
          errors={errors}
          readOnly={readOnly}
          onChange={(edited) => change(reasons.map((item, at) => (at === index ? edited : item)))}
          onMove={(to) => change(moved(reasons, index, to))}
          onRemove={() => change(reasons.filter((_, at) => at !== index))}
        />
      ))}
      {!readOnly && (
        <Grid.Item col={12}>
          <Button
            variant="secondary"
            startIcon={<Plus />}
            disabled={reasons.length >= MAX_PRESET_REASONS}
            onClick={() => change([...reasons, { label: '', publicReason: '' }])}
          >
            {t('settings.presets.add')}
          </Button>
        </Grid.Item>
      )}
    </SettingsCard>
  );
};
