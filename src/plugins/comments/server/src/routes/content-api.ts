type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

const AUTHENTICATED = 'plugin::comments.is-authenticated';

/** Anyone, no login: the answer is the same for every caller. */
const publicRoute = (method: Method, path: string, handler: string) => ({
  method,
  path,
  handler,
  config: { auth: false as const },
});

/**
 * A logged-in reader. The scope is granted to Public and Authenticated (seeded in the app's
 * bootstrap) so that the policy, not a generic 403, answers anonymous callers with 401.
 */
const readerRoute = (method: Method, path: string, handler: string) => ({
  method,
  path,
  handler,
  config: { auth: { scope: [`plugin::comments.${handler}`] }, policies: [AUTHENTICATED] },
});

// First match wins: the fixed paths come before `/:commentId`.
const routes = [
  publicRoute('GET', '/policy', 'policy.read'),
  readerRoute('GET', '/me', 'me.read'),
  readerRoute('PATCH', '/me', 'me.update'),
  readerRoute('POST', '/me/terms', 'me.acceptTerms'),
  readerRoute('GET', '/me/comments', 'me.comments'),
  readerRoute('GET', '/me/reports', 'me.reports'),
  readerRoute('GET', '/me/appeals', 'me.appeals'),
  readerRoute('POST', '/me/appeals', 'me.appeal'),
  readerRoute('GET', '/me/export', 'me.export'),
  readerRoute('DELETE', '/me', 'me.erase'),
  publicRoute('GET', '/threads/:documentId', 'threads.read'),
  readerRoute('POST', '/threads/:documentId', 'threads.post'),
  readerRoute('POST', '/threads/:documentId/complaints', 'threads.complain'),
  {
    method: 'POST',
    path: '/subscriptions',
    handler: 'subscriptions.sync',
    // Server-to-server only: a reader's JWT is refused; a full-access token or one holding this scope works.
    config: { auth: { strategies: ['content-api-token'], scope: ['plugin::comments.subscriptions.sync'] } },
  },
  publicRoute('GET', '/:commentId/replies', 'comments.replies'),
  readerRoute('PATCH', '/:commentId', 'comments.edit'),
  readerRoute('DELETE', '/:commentId', 'comments.withdraw'),
  readerRoute('POST', '/:commentId/reports', 'comments.report'),
];

/** The users-permissions actions of the reader routes, for the app to grant to Public and Authenticated. */
export const readerActions = (): string[] =>
  routes
    .filter((route) => 'policies' in route.config && route.config.policies.includes(AUTHENTICATED))
    .map((route) => `plugin::comments.${route.handler}`);

export default { type: 'content-api', routes };
