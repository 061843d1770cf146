import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

/*
 * A small typed client for readers' frontends, over openapi-fetch and the types openapi-typescript
 * generates from docs/openapi.json (`npm run openapi`). It covers the reader journey: sign up, log
 * in, keep the 10-minute access token fresh, read threads with ETag revalidation, post, reply,
 * edit, withdraw, report, and the reader's own status and lists. See README ("The reader journey").
 */

type Schemas = components['schemas'];
export type ThreadPage = Schemas['ThreadPage'];
export type PublicComment = Schemas['PublicComment'];
export type OwnComment = Schemas['OwnComment'];
export type ReaderReport = Schemas['ReaderReport'];
export type Me = Schemas['Me'];
export type ReportReason = Schemas['ReportBody']['data']['reason'];
export type ApiError = Schemas['Error']['error'];

/** An answer outside 2xx, with Strapi's error envelope (`details.code` says why a refusal refused). */
export class CommentsApiError extends Error {
  constructor(
    readonly status: number,
    readonly error: ApiError | null
  ) {
    super(error?.message ?? `HTTP ${status}`);
    this.name = 'CommentsApiError';
  }

  get code(): string | undefined {
    return this.error?.details?.code;
  }
}

export interface Session {
  jwt: string;
  refreshToken: string | null;
}

export interface CommentsClientOptions {
  /** Where Strapi listens, e.g. https://cms.example.com */
  baseUrl: string;
  fetch?: typeof fetch;
  /** A session kept from an earlier login (e.g. in the frontend's storage). */
  session?: Session | null;
  /** Called whenever the session changes (login, refresh, logout), to store it. */
  onSession?: (session: Session | null) => void;
}

export interface PageOptions {
  page?: number;
  pageSize?: number;
  sort?: 'createdAt:asc' | 'createdAt:desc';
}

type Result<Data> = { data?: Data; error?: unknown; response: Response };

const unwrap = <Data>({ data, error, response }: Result<Data>): Data => {
  if (response.ok && data !== undefined) return data;
  const envelope = error as { error?: ApiError } | undefined;
  throw new CommentsApiError(response.status, envelope?.error ?? null);
};

const queryOf = ({ page, pageSize, sort }: PageOptions = {}) => ({
  ...(page || pageSize ? { pagination: { ...(page ? { page } : {}), ...(pageSize ? { pageSize } : {}) } } : {}),
  ...(sort ? { sort } : {}),
});

export const createCommentsClient = (options: CommentsClientOptions) => {
  const api = createClient<paths>({ baseUrl: options.baseUrl, fetch: options.fetch });
  let session = options.session ?? null;
  const setSession = (next: Session | null) => {
    session = next;
    options.onSession?.(next);
  };
  const auth = (): Record<string, string> => (session ? { Authorization: `Bearer ${session.jwt}` } : {});

  /** A reader call: on 401 with a refresh token, refreshes the access token once and retries. */
  const asReader = async <Data>(call: (headers: Record<string, string>) => Promise<Result<Data>>) => {
    const first = await call(auth());
    if (first.response.status !== 401 || !session?.refreshToken) return unwrap(first);
    await client.refresh();
    return unwrap(await call(auth()));
  };

  /** The last page of each thread read, by URL, to revalidate with If-None-Match. */
  const threadCache = new Map<string, { etag: string; page: ThreadPage }>();

  const client = {
    get session() {
      return session;
    },

    /** Creates the account; users-permissions then emails a confirmation link (GET /api/auth/email-confirmation). */
    async register(input: { username: string; email: string; password: string }) {
      return unwrap(await api.POST('/api/auth/local/register', { body: input }));
    },

    async login(identifier: string, password: string) {
      const data = unwrap(await api.POST('/api/auth/local', { body: { identifier, password } })) as {
        jwt: string;
        refreshToken?: string;
      };
      setSession({ jwt: data.jwt, refreshToken: data.refreshToken ?? null });
      return data;
    },

    /** Trades the refresh token for a new 10-minute access token (the refresh token rotates). */
    async refresh() {
      if (!session?.refreshToken) throw new CommentsApiError(401, null);
      try {
        const data = unwrap(await api.POST('/api/auth/refresh', { body: { refreshToken: session.refreshToken } }));
        setSession({ jwt: data.jwt, refreshToken: data.refreshToken ?? session.refreshToken });
      } catch (error) {
        setSession(null);
        throw error;
      }
    },

    async logout() {
      if (session) await api.POST('/api/auth/logout', { headers: auth(), body: {} });
      setSession(null);
    },

    /**
     * One page of a thread. Asking again for the same page sends its ETag: an unchanged thread
     * answers 304 and the page kept from the last answer is returned (`notModified: true`).
     */
    async thread(documentId: string, page: PageOptions = {}) {
      const key = `${documentId}?${JSON.stringify(queryOf(page))}`;
      const cached = threadCache.get(key);
      const { data, error, response } = await api.GET('/api/comments/threads/{documentId}', {
        params: { path: { documentId }, query: queryOf(page) },
        headers: cached ? { 'If-None-Match': cached.etag } : {},
      });
      if (response.status === 304 && cached) return { ...cached.page, notModified: true };
      const fresh = unwrap({ data, error, response });
      const etag = response.headers.get('ETag');
      if (etag) threadCache.set(key, { etag, page: fresh });
      return { ...fresh, notModified: false };
    },

    async replies(commentId: string, page: PageOptions = {}) {
      return unwrap(
        await api.GET('/api/comments/{commentId}/replies', { params: { path: { commentId }, query: queryOf(page) } })
      );
    },

    async post(documentId: string, body: string) {
      return asReader((headers) =>
        api.POST('/api/comments/threads/{documentId}', { params: { path: { documentId } }, headers, body: { data: { body } } })
      ).then((answer) => answer.data);
    },

    /** A reply to a top-level comment of the thread (a reply to a reply joins its top-level comment). */
    async reply(documentId: string, parent: string, body: string) {
      return asReader((headers) =>
        api.POST('/api/comments/threads/{documentId}', {
          params: { path: { documentId } },
          headers,
          body: { data: { body, parent } },
        })
      ).then((answer) => answer.data);
    },

    async edit(commentId: string, body: string) {
      return asReader((headers) =>
        api.PATCH('/api/comments/{commentId}', { params: { path: { commentId } }, headers, body: { data: { body } } })
      ).then((answer) => answer.data);
    },

    async withdraw(commentId: string) {
      return asReader((headers) =>
        api.DELETE('/api/comments/{commentId}', { params: { path: { commentId } }, headers })
      ).then((answer) => answer.data);
    },

    async report(commentId: string, reason: ReportReason, note?: string) {
      return asReader((headers) =>
        api.POST('/api/comments/{commentId}/reports', {
          params: { path: { commentId } },
          headers,
          body: { data: { reason, ...(note ? { note } : {}) } },
        })
      ).then((answer) => answer.data);
    },

    async me() {
      return asReader((headers) => api.GET('/api/comments/me', { headers })).then((answer) => answer.data);
    },

    async acceptTerms(version: string) {
      return asReader((headers) => api.POST('/api/comments/me/terms', { headers, body: { data: { version } } })).then(
        (answer) => answer.data
      );
    },

    async setDisplayName(displayName: string) {
      return asReader((headers) => api.PATCH('/api/comments/me', { headers, body: { data: { displayName } } })).then(
        (answer) => answer.data
      );
    },

    async myComments(page: PageOptions = {}) {
      return asReader((headers) => api.GET('/api/comments/me/comments', { headers, params: { query: queryOf(page) } }));
    },

    async myReports(page: PageOptions = {}) {
      return asReader((headers) => api.GET('/api/comments/me/reports', { headers, params: { query: queryOf(page) } }));
    },

    async myAppeals(page: PageOptions = {}) {
      return asReader((headers) => api.GET('/api/comments/me/appeals', { headers, params: { query: queryOf(page) } }));
    },

    /** The community policy: the house rules, the terms version to accept, the moderation cover now. */
    async policy() {
      return unwrap(await api.GET('/api/comments/policy')).data;
    },
  };
  return client;
};

export type CommentsClient = ReturnType<typeof createCommentsClient>;
