import { useEffect, useState } from 'react';
import { Combobox, ComboboxOption, Field } from '@strapi/design-system';
import { useDebouncedText } from '../utils/debounce';
import { useAdminQuery } from '../utils/queries';
import { useT } from '../utils/translate';
import type { StoryOption, StoryOptions } from '../../../shared/contracts/admin';

const STORIES = '/comments/moderation/stories';

/**
 * Picks the story to filter the queue by, searching published stories by title as the moderator
 * types; the story a link names is looked up by its documentId so the field shows its title.
 */
export const StoryPicker = ({ value, onChange }: { value?: string; onChange: (documentId?: string) => void }) => {
  const t = useT();
  const [search, setSearch] = useState('');
  const [typed, setTyped] = useDebouncedText(search, setSearch);
  const words = /[\p{L}\p{N}]/u.test(search) ? search.trim() : undefined;
  const found = useAdminQuery<StoryOptions>('stories', STORIES, { q: words });
  const chosen = useAdminQuery<StoryOptions>('stories', STORIES, { documentId: value }, { enabled: Boolean(value) });
  const chosenStory = value ? chosen.data?.data.find((story) => story.documentId === value) : undefined;
  const chosenTitle = chosenStory ? (chosenStory.title ?? chosenStory.documentId) : '';
  // The field shows the chosen story's title, and empties when the filter is cleared from outside.
  useEffect(() => setTyped(chosenTitle), [chosenTitle, setTyped]);
  const options = new Map<string, StoryOption>();
  for (const story of [...(chosenStory ? [chosenStory] : []), ...(found.data?.data ?? [])]) {
    options.set(story.documentId, story);
  }

  return (
    <Field.Root name="article">
      <Field.Label>{t('queue.filter.story')}</Field.Label>
      <Combobox
        data-testid="story-picker"
        placeholder={t('queue.filter.story.placeholder')}
        value={value ?? ''}
        textValue={typed}
        onTextValueChange={setTyped}
        onInputChange={(event: React.ChangeEvent<HTMLInputElement>) => setTyped(event.currentTarget.value)}
        onChange={(documentId?: string) => onChange(documentId || undefined)}
        onClear={() => {
          setTyped('');
          onChange(undefined);
        }}
        clearLabel={t('queue.filter.story.clear')}
        loading={found.isFetching}
        noOptionsMessage={() => t('queue.filter.story.none')}
        autocomplete="none"
      >
        {[...options.values()].map((story) => (
          <ComboboxOption key={story.documentId} value={story.documentId} textValue={story.title ?? story.documentId}>
            {story.title ?? story.documentId}
          </ComboboxOption>
        ))}
      </Combobox>
    </Field.Root>
  );
};
