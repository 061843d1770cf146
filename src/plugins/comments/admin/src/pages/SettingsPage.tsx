import { useEffect, useState } from 'react';
import { Box, Button, Field, Flex, Grid, NumberInput, TextInput, Textarea, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import { PERMISSIONS } from '../permissions';
import { errorMessage, useAdminGet } from '../utils/api';
import { useT } from '../utils/translate';
import type { PublicSettings as Settings, SettingsResponse } from '../../../shared/contracts/settings';


const windowsToText = (windows: Settings['schedule']['fullTime']) =>
  windows.map((w) => `${w.days.join(',')} ${w.start}-${w.end}`).join('\n');
const textToWindows = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [days = '', hours = ''] = line.split(/\s+/);
      const [start = '', end = ''] = hours.split('-');
      return { days: days.split(',').map(Number), start, end };
    });
const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** Thresholds, schedule, word lists, edit window and rate limits, with the API's validation messages. */
const SettingsForm = () => {
  const t = useT();
  const { put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { allowedActions } = useRBAC({ update: PERMISSIONS.settingsUpdate });
  const { data, reload } = useAdminGet<SettingsResponse>(
    '/comments/moderation/settings'
  );
  const [form, setForm] = useState<Settings | null>(null);
  const [windowsText, setWindowsText] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    if (data) {
      setForm(data.data.settings);
      setWindowsText(windowsToText(data.data.settings.schedule.fullTime));
    }
  }, [data]);
  if (!form) return <Page.Loading />;

  const save = async () => {
    setErrors({});
    try {
      await put('/comments/moderation/settings', {
        data: {
          ...data?.data.overrides,
          editWindowMinutes: form.editWindowMinutes,
          repeatWindowMinutes: form.repeatWindowMinutes,
          words: form.words,
          rateLimits: form.rateLimits,
          // Spread first: the holiday region and extra dates set through the API stay as they are.
          schedule: {
            ...data?.data.overrides.schedule,
            timezone: form.schedule.timezone,
            fullTime: textToWindows(windowsText),
          },
          autoHide: form.autoHide,
        },
      });
      toggleNotification({ type: 'success', message: t('settings.saved') });
      reload();
    } catch (error) {
      const problems =
        (
          error as {
            response?: { data?: { error?: { details?: { errors?: Array<{ path: string[]; message: string }> } } } };
          }
        ).response?.data?.error?.details?.errors ?? [];
      setErrors(Object.fromEntries(problems.map((problem) => [problem.path.slice(1).join('.'), problem.message])));
      toggleNotification({ type: 'danger', message: t('notice.error', { message: errorMessage(error) }) });
    }
  };

  const number = (label: string, key: string, value: number, onChange: (value: number) => void) => (
    <Grid.Item col={6} s={12}>
      <Field.Root name={key} error={errors[key]}>
        <Field.Label>{label}</Field.Label>
        <NumberInput value={value} onValueChange={(next: number | undefined) => onChange(next ?? 0)} />
        <Field.Error />
      </Field.Root>
    </Grid.Item>
  );

  return (
    <Page.Main>
      <Layouts.Header
        title={t('settings.title')}
        subtitle={t('settings.subtitle')}
        primaryAction={allowedActions.canUpdate ? <Button onClick={save}>{t('settings.save')}</Button> : undefined}
      />
      <Layouts.Content>
        <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
          <Grid.Root gap={4}>
            {number(t('settings.autoHide.fullTime'), 'autoHide.fullTime', form.autoHide.fullTime, (v) =>
              setForm({ ...form, autoHide: { ...form.autoHide, fullTime: v } })
            )}
            {number(t('settings.autoHide.partTime'), 'autoHide.partTime', form.autoHide.partTime, (v) =>
              setForm({ ...form, autoHide: { ...form.autoHide, partTime: v } })
            )}
            <Grid.Item col={6} s={12}>
              <Field.Root name="schedule.timezone" error={errors['schedule.timezone']}>
                <Field.Label>{t('settings.timezone')}</Field.Label>
                <TextInput
                  value={form.schedule.timezone}
                  onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                    setForm({ ...form, schedule: { ...form.schedule, timezone: event.target.value } })
                  }
                />
                <Field.Error />
              </Field.Root>
            </Grid.Item>
            {number(t('settings.editWindow'), 'editWindowMinutes', form.editWindowMinutes, (v) =>
              setForm({ ...form, editWindowMinutes: v })
            )}
            {number(t('settings.repeatWindow'), 'repeatWindowMinutes', form.repeatWindowMinutes, (v) =>
              setForm({ ...form, repeatWindowMinutes: v })
            )}
            <Grid.Item col={12}>
              <Field.Root
                name="schedule.fullTime"
                error={Object.entries(errors).find(([key]) => key.startsWith('schedule.fullTime'))?.[1]}
              >
                <Field.Label>{t('settings.fullTime')}</Field.Label>
                <Textarea
                  value={windowsText}
                  onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setWindowsText(event.target.value)}
                />
                <Field.Error />
              </Field.Root>
            </Grid.Item>
            <Grid.Item col={6} s={12}>
              <Field.Root name="words.banned">
                <Field.Label>{t('settings.banned')}</Field.Label>
                <Textarea
                  value={form.words.banned.join('\n')}
                  onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) =>
                    setForm({ ...form, words: { ...form.words, banned: lines(event.target.value) } })
                  }
                />
              </Field.Root>
            </Grid.Item>
            <Grid.Item col={6} s={12}>
              <Field.Root name="words.suspect">
                <Field.Label>{t('settings.suspect')}</Field.Label>
                <Textarea
                  value={form.words.suspect.join('\n')}
                  onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) =>
                    setForm({ ...form, words: { ...form.words, suspect: lines(event.target.value) } })
                  }
                />
              </Field.Root>
            </Grid.Item>
            {number(t('settings.rate.post'), 'rateLimits.post.points', form.rateLimits.post.points, (v) =>
              setForm({ ...form, rateLimits: { ...form.rateLimits, post: { ...form.rateLimits.post, points: v } } })
            )}
            {number(t('settings.rate.report'), 'rateLimits.report.points', form.rateLimits.report.points, (v) =>
              setForm({ ...form, rateLimits: { ...form.rateLimits, report: { ...form.rateLimits.report, points: v } } })
            )}
          </Grid.Root>
          {Object.keys(errors).length > 0 && (
            <Flex direction="column" paddingTop={4} alignItems="flex-start" data-testid="settings-errors">
              {Object.entries(errors).map(([key, message]) => (
                <Typography key={key} textColor="danger600">{`${key}: ${message}`}</Typography>
              ))}
            </Flex>
          )}
        </Box>
      </Layouts.Content>
    </Page.Main>
  );
};

const SettingsPage = () => (
  <Page.Protect permissions={PERMISSIONS.moderationRead}>
    <SettingsForm />
  </Page.Protect>
);

export default SettingsPage;
