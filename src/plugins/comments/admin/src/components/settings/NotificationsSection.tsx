import { useT } from '../../utils/translate';
import { NumberField, ParsedTextarea, SettingsCard, fromLines, toLines } from './fields';
import { errorAt, type SectionProps } from './useSettingsDraft';

/** Who is alerted to urgent reports, how many emails one address may get, and when the duty digest goes. */
export const NotificationsSection = ({ draft, set, errors, readOnly }: SectionProps) => {
  const t = useT();
  const notifications = draft.notifications;
  const { perRecipient } = notifications;
  return (
    <SettingsCard title={t('settings.section.notifications')}>
      <ParsedTextarea
        name="notifications.dutyModerators"
        label={t('settings.notifications.dutyModerators')}
        hint={t('settings.notifications.dutyModerators.hint')}
        value={notifications.dutyModerators}
        onChange={(dutyModerators) => set('notifications', { ...notifications, dutyModerators })}
        format={fromLines}
        parse={toLines}
        error={errorAt(errors, 'notifications.dutyModerators')}
        disabled={readOnly}
        col={12}
      />
      <NumberField
        name="notifications.perRecipient.points"
        label={t('settings.notifications.perRecipient')}
        value={perRecipient.points}
        onChange={(points) => set('notifications', { ...notifications, perRecipient: { ...perRecipient, points } })}
        error={errors['notifications.perRecipient.points']}
        disabled={readOnly}
      />
      <NumberField
        name="notifications.perRecipient.durationSeconds"
        label={t('settings.notifications.perRecipientSeconds')}
        value={perRecipient.durationSeconds}
        onChange={(durationSeconds) =>
          set('notifications', { ...notifications, perRecipient: { ...perRecipient, durationSeconds } })
        }
        error={errors['notifications.perRecipient.durationSeconds']}
        disabled={readOnly}
      />
      <NumberField
        name="notifications.digestGraceMinutes"
        label={t('settings.notifications.digestGrace')}
        value={notifications.digestGraceMinutes}
        onChange={(digestGraceMinutes) => set('notifications', { ...notifications, digestGraceMinutes })}
        error={errors['notifications.digestGraceMinutes']}
        disabled={readOnly}
      />
    </SettingsCard>
  );
};
