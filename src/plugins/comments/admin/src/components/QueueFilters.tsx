import { Box, Button, Field, Flex, Grid, SingleSelect, SingleSelectOption, TextInput } from '@strapi/design-system';
import { StoryPicker } from './StoryPicker';
import { useDebouncedText } from '../utils/debounce';
import { QUEUE_REASONS, type FilterKey, type QueueSortName, type QueueView } from '../utils/queue-filters';
import { useT } from '../utils/translate';
import { QUEUE_SORTS, QUEUE_TRUST } from '../../../shared/contracts/vocabulary';

type Change = (changes: Partial<Record<FilterKey | 'sort', string | undefined>>) => void;

const Cell = ({ children }: { children: React.ReactNode }) => (
  <Grid.Item col={3} s={6} xs={12} direction="column" alignItems="stretch">
    {children}
  </Grid.Item>
);

/** A text filter that follows the URL but changes it only once typing pauses. */
const TextFilter = ({ name, value, onChange }: { name: 'q' | 'author'; value?: string; onChange: Change }) => {
  const t = useT();
  const [text, setText] = useDebouncedText(value ?? '', (next) => onChange({ [name]: next || undefined }));
  return (
    <Field.Root name={name} hint={t(`queue.filter.${name}.hint`)}>
      <Field.Label>{t(`queue.filter.${name}`)}</Field.Label>
      <TextInput
        type="search"
        value={text}
        onChange={(event: React.ChangeEvent<HTMLInputElement>) => setText(event.target.value)}
      />
      <Field.Hint />
    </Field.Root>
  );
};

/** A choice among a few values, with "any" as the cleared state. */
const ChoiceFilter = ({
  name,
  value,
  choices,
  label,
  onChange,
}: {
  name: 'reason' | 'trust';
  value?: string;
  choices: readonly string[];
  label: (choice: string) => string;
  onChange: Change;
}) => {
  const t = useT();
  return (
    <Field.Root name={name}>
      <Field.Label>{t(`queue.filter.${name}`)}</Field.Label>
      <SingleSelect
        placeholder={t(`queue.filter.${name}.any`)}
        value={value ?? ''}
        onChange={(next: string | number) => onChange({ [name]: String(next) || undefined })}
        onClear={() => onChange({ [name]: undefined })}
      >
        {choices.map((choice) => (
          <SingleSelectOption key={choice} value={choice}>
            {label(choice)}
          </SingleSelectOption>
        ))}
      </SingleSelect>
    </Field.Root>
  );
};

const DayFilter = ({ name, value, onChange }: { name: 'from' | 'to'; value?: string; onChange: Change }) => {
  const t = useT();
  return (
    <Field.Root name={name}>
      <Field.Label>{t(`queue.filter.${name}`)}</Field.Label>
      <TextInput
        type="date"
        value={value ?? ''}
        onChange={(event: React.ChangeEvent<HTMLInputElement>) => onChange({ [name]: event.target.value || undefined })}
      />
    </Field.Root>
  );
};

/** The filter bar above the queue: every value lives in the URL (utils/queue-filters.ts). */
export const QueueFilters = ({
  view,
  filtered,
  onChange,
  onClear,
}: {
  view: QueueView;
  filtered: boolean;
  onChange: Change;
  onClear: () => void;
}) => {
  const t = useT();
  const { filters } = view;
  return (
    <Box background="neutral0" padding={4} marginBottom={4} shadow="tableShadow" hasRadius>
      <Grid.Root gap={4} role="search" aria-label={t('queue.filters')} data-testid="queue-filters">
        <Cell>
          <TextFilter name="q" value={filters.q} onChange={onChange} />
        </Cell>
        <Cell>
          <TextFilter name="author" value={filters.author} onChange={onChange} />
        </Cell>
        <Cell>
          <StoryPicker value={filters.article} onChange={(article) => onChange({ article })} />
        </Cell>
        <Cell>
          <ChoiceFilter
            name="reason"
            value={filters.reason}
            choices={QUEUE_REASONS}
            label={(reason) => reason}
            onChange={onChange}
          />
        </Cell>
        <Cell>
          <ChoiceFilter
            name="trust"
            value={filters.trust}
            choices={QUEUE_TRUST}
            label={(trust) => t(`queue.filter.trust.${trust as 'trusted' | 'untrusted'}`)}
            onChange={onChange}
          />
        </Cell>
        <Cell>
          <DayFilter name="from" value={filters.from} onChange={onChange} />
        </Cell>
        <Cell>
          <DayFilter name="to" value={filters.to} onChange={onChange} />
        </Cell>
        <Cell>
          <Field.Root name="sort">
            <Field.Label>{t('queue.filter.sort')}</Field.Label>
            <SingleSelect
              value={view.sort}
              onChange={(value: string | number) => onChange({ sort: String(value) as QueueSortName })}
            >
              {QUEUE_SORTS.map((name) => (
                <SingleSelectOption key={name} value={name}>
                  {t(`queue.sort.${name}`)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
        </Cell>
      </Grid.Root>
      <Flex paddingTop={4} justifyContent="flex-end">
        <Button variant="tertiary" disabled={!filtered} onClick={onClear} data-testid="clear-filters">
          {t('queue.filter.clear')}
        </Button>
      </Flex>
    </Box>
  );
};
