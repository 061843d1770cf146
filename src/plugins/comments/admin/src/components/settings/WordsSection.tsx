import { Checkbox, Grid } from '@strapi/design-system';
import { useT } from '../../utils/translate';
import { ParsedTextarea, SettingsCard, fromLines, toLines } from './fields';
import { errorAt, type SectionProps } from './useSettingsDraft';

/** The word lists: banned words refuse a comment, suspect ones (and profanity) flag it for review. */
export const WordsSection = ({ draft, set, errors, readOnly }: SectionProps) => {
  const t = useT();
  const { words } = draft;
  return (
    <SettingsCard title={t('settings.section.words')}>
      <ParsedTextarea
        name="words.banned"
        label={t('settings.banned')}
        value={words.banned}
        onChange={(banned) => set('words', { ...words, banned })}
        format={fromLines}
        parse={toLines}
        error={errorAt(errors, 'words.banned')}
        disabled={readOnly}
      />
      <ParsedTextarea
        name="words.suspect"
        label={t('settings.suspect')}
        value={words.suspect}
        onChange={(suspect) => set('words', { ...words, suspect })}
        format={fromLines}
        parse={toLines}
        error={errorAt(errors, 'words.suspect')}
        disabled={readOnly}
      />
      <Grid.Item col={12}>
        <Checkbox
          checked={words.flagProfanity}
          disabled={readOnly}
          onCheckedChange={(on: boolean) => set('words', { ...words, flagProfanity: on })}
        >
          {t('settings.flagProfanity')}
        </Checkbox>
      </Grid.Item>
    </SettingsCard>
  );
};
