import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { dayBound } from './days';
import {
  EDITORIAL_REASON,
  QUEUES,
  QUEUE_SORTS,
  QUEUE_TRUST,
  REPORT_REASONS,
} from '../../../shared/contracts/vocabulary';

// The editorial reason goes to the editors' complaints, never to this queue.
export const QUEUE_REASONS = REPORT_REASONS.filter((reason) => reason !== EDITORIAL_REASON);

/** What the moderator narrows the queue by; `from` and `to` are calendar days. Each is a URL query parameter. */
export const FILTER_KEYS = ['q', 'author', 'article', 'reason', 'trust', 'from', 'to'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type QueueFilterValues = Partial<Record<FilterKey, string>>;

export type QueueName = (typeof QUEUES)[number];
export type QueueSortName = (typeof QUEUE_SORTS)[number];

export interface QueueView {
  queue: QueueName;
  sort: QueueSortName;
  page: number;
  filters: QueueFilterValues;
}

const oneOf = <T extends string>(values: readonly T[], value: string | null, fallback: T): T =>
  values.includes(value as T) ? (value as T) : fallback;

/** Values a hand-edited link may carry that no control offers are dropped, not sent. */
const CHOICES: Partial<Record<FilterKey, readonly string[]>> = { reason: QUEUE_REASONS, trust: QUEUE_TRUST };

const readView = (search: URLSearchParams): QueueView => {
  const filters: QueueFilterValues = {};
  for (const key of FILTER_KEYS) {
    const value = search.get(key);
    if (value && (!CHOICES[key] || CHOICES[key]!.includes(value))) filters[key] = value;
  }
  const page = Number(search.get('page'));
  return {
    queue: oneOf(QUEUES, search.get('queue'), 'reported'),
    sort: oneOf(QUEUE_SORTS, search.get('sort'), 'priority'),
    page: Number.isInteger(page) && page > 0 ? page : 1,
    filters,
  };
};

/** The queue route's query: text trimmed, empty values left out, days as the bounds of the local day. */
export const queueParams = ({ queue, sort, page, filters }: QueueView) => {
  const text = (value?: string) => value?.trim() || undefined;
  return {
    queue,
    sort,
    page,
    q: text(filters.q),
    author: text(filters.author),
    article: filters.article,
    reason: filters.reason,
    trust: filters.trust,
    from: dayBound(filters.from, false),
    to: dayBound(filters.to, true),
  };
};

/**
 * The queue's tab, sort, page and filters, kept in the URL's query string: a link shows the same
 * rows to whoever opens it, and a reload keeps them. Any change but the page's goes back to page 1.
 */
export const useQueueView = () => {
  const [search, setSearch] = useSearchParams();
  const view = useMemo(() => readView(search), [search]);

  const change = useCallback(
    (changes: Partial<Record<FilterKey | 'queue' | 'sort' | 'page', string | number | undefined>>) =>
      setSearch(
        (previous) => {
          const next = new URLSearchParams(previous);
          if (!('page' in changes)) next.delete('page');
          for (const [key, value] of Object.entries(changes)) {
            if (value === undefined || value === '' || (key === 'page' && value === 1)) next.delete(key);
            else next.set(key, String(value));
          }
          return next;
        },
        // Typing and picking replace the entry: Back leaves the screen rather than undoing each keystroke.
        { replace: true }
      ),
    [setSearch]
  );

  const clearFilters = useCallback(
    () => change(Object.fromEntries(FILTER_KEYS.map((key) => [key, undefined]))),
    [change]
  );

  return {
    view,
    params: queueParams(view),
    filtered: FILTER_KEYS.some((key) => view.filters[key] !== undefined),
    change,
    clearFilters,
  };
};
