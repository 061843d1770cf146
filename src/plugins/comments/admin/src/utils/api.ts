export type { QueuePage, QueueRow } from '../../../shared/contracts/admin';

/** "5 min", "3 h", "2 d" since an ISO time. */
export const ageOf = (iso: string | null, now = Date.now()): string => {
  if (!iso) return '–';
  const minutes = Math.max(0, Math.round((now - new Date(iso).getTime()) / 60000));
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 60)} h`;
  return `${Math.round(minutes / 1440)} d`;
};
