import { useCallback, useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

export type { QueuePage, QueueRow } from '../../../shared/contracts/admin';

/** The error message of a failed admin request, in Strapi's envelope. */
export const errorMessage = (error: unknown): string => {
  const response = (error as { response?: { data?: { error?: { message?: string } } } }).response;
  return response?.data?.error?.message ?? (error instanceof Error ? error.message : String(error));
};

export const errorStatus = (error: unknown): number | undefined =>
  (error as { status?: number; response?: { status?: number } }).response?.status ??
  (error as { status?: number }).status;

/** GETs `url` (re-fetching when it changes or on `reload`); `url` null skips the request. */
export const useAdminGet = <T>(url: string | null) => {
  const { get } = useFetchClient();
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    if (!url) return;
    let cancelled = false;
    setLoading(true);
    get<T>(url)
      .then((response) => {
        if (!cancelled) {
          setData(response.data);
          setError(null);
        }
      })
      .catch((failure) => !cancelled && setError(errorMessage(failure)))
      .finally(() => !cancelled && setLoading(false));
    return () => {
      cancelled = true;
    };
  }, [url, tick, get]);

  const reload = useCallback(() => setTick((value) => value + 1), []);
  return { data, error, loading, reload };
};

/** "5 min", "3 h", "2 d" since an ISO time. */
export const ageOf = (iso: string | null, now = Date.now()): string => {
  if (!iso) return '–';
  const minutes = Math.max(0, Math.round((now - new Date(iso).getTime()) / 60000));
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 60)} h`;
  return `${Math.round(minutes / 1440)} d`;
};
