import { useMutation, useQuery, useQueryClient } from 'react-query';
import { useAPIErrorHandler, useFetchClient, useNotification, type FetchError } from '@strapi/strapi/admin';
import { PLUGIN_ID } from '../pluginId';

/** Query parameters as an object (the fetch client encodes them); empty values are left out. */
export type Params = Record<string, string | number | undefined>;

const compact = (params: Params = {}) =>
  Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined && value !== ''));

/** Keys start with the plugin id and a resource name, so one invalidation refreshes every page of a list. */
const keyOf = (resource: string, params?: Params) => [PLUGIN_ID, resource, compact(params)];

/** How often and whether to fetch: `refetchInterval` (ms) and window focus keep a screen live; `enabled` false waits. */
export interface QueryOptions {
  refetchInterval?: number;
  enabled?: boolean;
}

/** A GET of the admin API through Strapi's fetch client, cached by react-query under `resource`. */
export const useAdminQuery = <T>(resource: string, url: string, params?: Params, options: QueryOptions = {}) => {
  const { get } = useFetchClient();
  const { formatAPIError } = useAPIErrorHandler();
  const query = useQuery(
    // The URL too: one resource may have several documents (each comment in context).
    [...keyOf(resource, params), url],
    async ({ signal }) => (await get<T>(url, { params: compact(params), signal })).data,
    {
      keepPreviousData: true,
      ...options,
      ...(options.refetchInterval ? { refetchOnWindowFocus: true } : {}),
    }
  );
  return { ...query, errorText: query.error ? formatAPIError(query.error as FetchError) : null };
};

/** Refetches every cached page of these resources (after a change made elsewhere, such as the comment panel). */
export const useInvalidate = (resources: string[]) => {
  const client = useQueryClient();
  return () => Promise.all(resources.map((resource) => client.invalidateQueries([PLUGIN_ID, resource])));
};

/**
 * A write (POST, PUT or DELETE) that refreshes the `invalidates` resources when it succeeds and shows Strapi's
 * error message when not; `successMessage` null when the caller says so itself.
 */
export const useAdminMutation = <Body>(
  method: 'post' | 'put' | 'del',
  invalidates: string[],
  successMessage: string | null
) => {
  const client = useFetchClient();
  const invalidate = useInvalidate(invalidates);
  const { toggleNotification } = useNotification();
  const { formatAPIError } = useAPIErrorHandler();
  const send = ({ url, body }: { url: string; body?: Body }) =>
    method === 'del' ? client.del(url) : client[method](url, body);
  return useMutation(send, {
    onSuccess: async () => {
      if (successMessage) toggleNotification({ type: 'success', message: successMessage });
      await invalidate();
    },
    onError: (error) => toggleNotification({ type: 'danger', message: formatAPIError(error as FetchError) }),
  });
};

export const useAdminPost = <Body>(invalidates: string[], successMessage: string | null) =>
  useAdminMutation<Body>('post', invalidates, successMessage);

/** Fetches a file with the admin's session (a plain link would carry no token) and saves it as `filename`. */
export const useDownload = () => {
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { formatAPIError } = useAPIErrorHandler();
  return async (url: string, filename: string, params?: Params) => {
    try {
      const { data } = await get<Blob>(url, { params: compact(params), responseType: 'blob' });
      const href = URL.createObjectURL(data);
      const anchor = Object.assign(document.createElement('a'), { href, download: filename });
      anchor.click();
      // Revoked after the browser has started the download.
      setTimeout(() => URL.revokeObjectURL(href), 10000);
    } catch (error) {
      toggleNotification({ type: 'danger', message: formatAPIError(error as FetchError) });
    }
  };
};
