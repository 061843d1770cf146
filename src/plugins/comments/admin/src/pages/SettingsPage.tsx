import { Button, Flex, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { CoverSection } from '../components/settings/CoverSection';
import { NotificationsSection } from '../components/settings/NotificationsSection';
import { PostingSection } from '../components/settings/PostingSection';
import { PresetReasonsSection } from '../components/settings/PresetReasonsSection';
import { TemplatesSection } from '../components/settings/TemplatesSection';
import { WordsSection } from '../components/settings/WordsSection';
import { useSettingsDraft, type Errors } from '../components/settings/useSettingsDraft';
import { PERMISSIONS } from '../permissions';
import { useAllowed } from '../utils/rbac';
import { useT } from '../utils/translate';

/** Every message of the last refused save, field by field, also those of fields no section shows. */
const ErrorList = ({ errors }: { errors: Errors }) =>
  Object.keys(errors).length === 0 ? null : (
    <Flex direction="column" alignItems="flex-start" data-testid="settings-errors" role="alert">
      {Object.entries(errors).map(([key, message]) => (
        <Typography key={key} textColor="danger600">{`${key}: ${message}`}</Typography>
      ))}
    </Flex>
  );

/** The settings, editable by holders of settings.update; read-only for the other moderators (the route refuses them anyway). */
const SettingsForm = () => {
  const t = useT();
  const { allowed: canUpdate } = useAllowed(PERMISSIONS.settingsUpdate);
  const { draft, set, save, saving, errors, templates, errorText } = useSettingsDraft();
  if (errorText) return <Page.Error />;
  if (!draft) return <Page.Loading />;
  const section = { draft, set, errors, readOnly: !canUpdate };
  return (
    <Page.Main>
      <Layouts.Header
        title={t('settings.title')}
        subtitle={t(canUpdate ? 'settings.subtitle' : 'settings.readOnly')}
        primaryAction={
          canUpdate ? (
            <Button onClick={save} loading={saving}>
              {t('settings.save')}
            </Button>
          ) : undefined
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <ErrorList errors={errors} />
          <PresetReasonsSection {...section} />
          <CoverSection {...section} />
          <PostingSection {...section} />
          <WordsSection {...section} />
          <NotificationsSection {...section} />
          <TemplatesSection {...section} templates={templates} />
        </Flex>
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
