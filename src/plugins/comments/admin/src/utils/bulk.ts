import { useState } from 'react';
import { useNotification } from '@strapi/strapi/admin';
import { useAdminPost } from './queries';
import { useT } from './translate';
import type { QueueRow } from './api';
import type { BulkBody, BulkResult } from '../../../shared/contracts/admin';
import type { BulkAction } from '../../../shared/contracts/vocabulary';

/**
 * The rows selected for a bulk decision, emptied whenever the rows asked for change (`resetKey`),
 * and the decision itself through the bulk route, with each item's result in one notice; the items
 * it did not change stay selected, so the moderator sees which and can open them.
 */
export const useBulk = (rows: QueueRow[], resetKey: string) => {
  const t = useT();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [shownFor, setShownFor] = useState(resetKey);
  const post = useAdminPost<BulkBody>(['queue', 'stats', 'audit'], null);
  const { toggleNotification } = useNotification();
  if (shownFor !== resetKey) {
    setShownFor(resetKey);
    setSelected(new Set());
  }

  const toggle = (id: string) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const run = async (action: BulkAction, reason: string) => {
    const items = rows
      .filter((row) => selected.has(row.documentId))
      .map((row) => ({ documentId: row.documentId, version: row.version }));
    if (items.length === 0) return;
    const response = await post
      .mutateAsync({ url: '/comments/moderation/bulk', body: { action, reason, items } })
      .catch(() => null);
    if (!response) return;
    const results = (response.data as BulkResult).data.results;
    const notDone = results.filter((r) => r.result !== 'done').map((r) => r.documentId);
    toggleNotification({
      type: notDone.length > 0 ? 'warning' : 'success',
      message: t(notDone.length > 0 ? 'queue.bulk.resultsLeft' : 'queue.bulk.results', {
        done: results.length - notDone.length,
        stale: results.filter((r) => r.result === 'stale').length,
        missing: results.filter((r) => r.result === 'not-found').length,
        invalid: results.filter((r) => r.result === 'invalid').length,
      }),
    });
    setSelected(new Set(notDone));
  };

  return { selected, toggle, run };
};
