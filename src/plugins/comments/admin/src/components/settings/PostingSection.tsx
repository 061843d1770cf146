import { useT } from '../../utils/translate';
import { NumberField, SettingsCard, TextField } from './fields';
import type { SectionProps } from './useSettingsDraft';
import { COMMENT_URL_PLACEHOLDERS } from '../../../../shared/contracts/settings';

/** What a commenter may do and how often, and the link from the queue to the comment on the site. */
export const PostingSection = ({ draft, set, errors, readOnly }: SectionProps) => {
  const t = useT();
  const { rateLimits } = draft;
  return (
    <SettingsCard title={t('settings.section.posting')}>
      <NumberField
        name="editWindowMinutes"
        label={t('settings.editWindow')}
        value={draft.editWindowMinutes}
        onChange={(value) => set('editWindowMinutes', value)}
        error={errors.editWindowMinutes}
        disabled={readOnly}
      />
      <NumberField
        name="repeatWindowMinutes"
        label={t('settings.repeatWindow')}
        value={draft.repeatWindowMinutes}
        onChange={(value) => set('repeatWindowMinutes', value)}
        error={errors.repeatWindowMinutes}
        disabled={readOnly}
      />
      <NumberField
        name="rateLimits.post.points"
        label={t('settings.rate.post')}
        value={rateLimits.post.points}
        onChange={(points) => set('rateLimits', { ...rateLimits, post: { ...rateLimits.post, points } })}
        error={errors['rateLimits.post.points']}
        disabled={readOnly}
      />
      <NumberField
        name="rateLimits.report.points"
        label={t('settings.rate.report')}
        value={rateLimits.report.points}
        onChange={(points) => set('rateLimits', { ...rateLimits, report: { ...rateLimits.report, points } })}
        error={errors['rateLimits.report.points']}
        disabled={readOnly}
      />
      <TextField
        name="frontendCommentUrl"
        label={t('settings.frontendCommentUrl')}
        hint={t('settings.frontendCommentUrl.hint', {
          placeholders: COMMENT_URL_PLACEHOLDERS.map((name) => `{${name}}`).join(', '),
          example: 'https://www.example.com/{articleSlug}#comment-{documentId}',
        })}
        value={draft.frontendCommentUrl}
        onChange={(value) => set('frontendCommentUrl', value)}
        error={errors.frontendCommentUrl}
        disabled={readOnly}
        col={12}
      />
    </SettingsCard>
  );
};
