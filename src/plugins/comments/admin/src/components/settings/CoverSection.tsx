import { useT } from '../../utils/translate';
import { NumberField, ParsedTextarea, SettingsCard, TextField } from './fields';
import { errorAt, type SectionProps, type Settings } from './useSettingsDraft';

type Windows = Settings['schedule']['fullTime'];

/** `1,2,3,4,5 09:00-18:00`, one window a line. */
const windowsToText = (windows: Windows) => windows.map((w) => `${w.days.join(',')} ${w.start}-${w.end}`).join('\n');
const textToWindows = (text: string): Windows =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [days = '', hours = ''] = line.split(/\s+/);
      const [start = '', end = ''] = hours.split('-');
      return { days: days.split(',').map(Number), start, end };
    });

/** Moderation cover: when full-time cover runs, and how many reporters hide a comment under each cover. */
export const CoverSection = ({ draft, set, errors, readOnly }: SectionProps) => {
  const t = useT();
  const { autoHide, schedule } = draft;
  return (
    <SettingsCard title={t('settings.section.cover')}>
      <NumberField
        name="autoHide.fullTime"
        label={t('settings.autoHide.fullTime')}
        value={autoHide.fullTime}
        onChange={(fullTime) => set('autoHide', { ...autoHide, fullTime })}
        error={errors['autoHide.fullTime']}
        disabled={readOnly}
      />
      <NumberField
        name="autoHide.partTime"
        label={t('settings.autoHide.partTime')}
        value={autoHide.partTime}
        onChange={(partTime) => set('autoHide', { ...autoHide, partTime })}
        error={errors['autoHide.partTime']}
        disabled={readOnly}
      />
      <TextField
        name="schedule.timezone"
        label={t('settings.timezone')}
        value={schedule.timezone}
        onChange={(timezone) => set('schedule', { ...schedule, timezone })}
        error={errors['schedule.timezone']}
        disabled={readOnly}
      />
      <ParsedTextarea
        name="schedule.fullTime"
        label={t('settings.fullTime')}
        value={schedule.fullTime}
        onChange={(fullTime) => set('schedule', { ...schedule, fullTime })}
        format={windowsToText}
        parse={textToWindows}
        error={errorAt(errors, 'schedule.fullTime')}
        disabled={readOnly}
        col={12}
      />
    </SettingsCard>
  );
};
