import { useEffect, useState } from 'react';
import { useAdminMutation, useAdminQuery } from '../../utils/queries';
import { useT } from '../../utils/translate';
import type {
  NotificationTemplatesResponse,
  PublicSettings as Settings,
  SettingsOverrides,
  SettingsResponse,
} from '../../../../shared/contracts/settings';

export type { Settings };
export const SETTINGS_URL = '/comments/moderation/settings';

/** Validation messages by field path below `data` (`presetReasons.0.label`), as the settings route reports them. */
export type Errors = Record<string, string>;

/** What every section of the settings page is given: the draft, a setter per top-level key, the errors. */
export interface SectionProps {
  draft: Settings;
  set: <Key extends keyof Settings>(key: Key, value: Settings[Key]) => void;
  errors: Errors;
  readOnly: boolean;
}

/** The first message at `path` or below it (a list's errors sit at its items' paths). */
export const errorAt = (errors: Errors, path: string): string | undefined =>
  errors[path] ?? Object.entries(errors).find(([key]) => key.startsWith(`${path}.`))?.[1];

const fieldErrors = (error: unknown): Errors => {
  const details = (
    error as { response?: { data?: { error?: { details?: { errors?: Array<{ path: string[]; message: string }> } } } } }
  ).response?.data?.error?.details?.errors;
  return Object.fromEntries((details ?? []).map((problem) => [problem.path.slice(1).join('.'), problem.message]));
};

/**
 * The stored overrides with what the page edits put in. The route replaces the overrides, so parts the page does
 * not show (the holiday region and extra dates, set through the API) are carried over as they are.
 */
const overridesOf = (draft: Settings, stored: SettingsOverrides): SettingsOverrides => ({
  ...stored,
  editWindowMinutes: draft.editWindowMinutes,
  repeatWindowMinutes: draft.repeatWindowMinutes,
  words: draft.words,
  rateLimits: draft.rateLimits,
  schedule: { ...stored.schedule, timezone: draft.schedule.timezone, fullTime: draft.schedule.fullTime },
  autoHide: draft.autoHide,
  presetReasons: draft.presetReasons,
  frontendCommentUrl: draft.frontendCommentUrl,
  notifications: {
    ...stored.notifications,
    dutyModerators: draft.notifications.dutyModerators,
    perRecipient: draft.notifications.perRecipient,
    digestGraceMinutes: draft.notifications.digestGraceMinutes,
    templates: draft.notifications.templates,
  },
});

/** The settings in force as an editable draft, saved in one PUT; the route's validation messages by field. */
export const useSettingsDraft = () => {
  const t = useT();
  const settings = useAdminQuery<SettingsResponse>('settings', SETTINGS_URL);
  const templates = useAdminQuery<NotificationTemplatesResponse>(
    'notification-templates',
    `${SETTINGS_URL}/notification-templates`
  );
  const { mutateAsync, isLoading: saving } = useAdminMutation<{ data: SettingsOverrides }>(
    'put',
    ['settings'],
    t('settings.saved')
  );
  const [draft, setDraft] = useState<Settings | null>(null);
  const [errors, setErrors] = useState<Errors>({});

  // Taken once: a later refetch must not wipe what is being edited (a save puts its answer in instead).
  useEffect(() => {
    if (settings.data && !draft) setDraft(settings.data.data.settings);
  }, [settings.data, draft]);

  const set: SectionProps['set'] = (key, value) => setDraft((current) => current && { ...current, [key]: value });

  const save = async () => {
    if (!draft || !settings.data) return;
    setErrors({});
    try {
      const response = await mutateAsync({
        url: SETTINGS_URL,
        body: { data: overridesOf(draft, settings.data.data.overrides) },
      });
      setDraft((response.data as SettingsResponse).data.settings);
    } catch (error) {
      setErrors(fieldErrors(error));
    }
  };

  return { draft, set, save, saving, errors, templates: templates.data?.data ?? [], errorText: settings.errorText };
};
