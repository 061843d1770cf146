import * as c from '../../../shared/contracts/content-api';
import { readerStrategy } from '../strategies/reader';
import { contractRoute, json, type ContractRoute, type RouteContract } from './contract';

type Method = ContractRoute['method'];

const RATE_LIMITED = { 'Retry-After': 'Seconds until the limit resets (429 only)' };

/** Anyone, no login: the answer is the same for every caller. */
const publicRoute = (method: Method, path: string, handler: string, contract: Omit<RouteContract, 'audience'>) =>
  contractRoute(method, path, handler, { auth: false as const }, { ...contract, audience: 'public' });

/**
 * A logged-in reader whose role holds the route's action (granted to Authenticated in the app's
 * bootstrap), authenticated by the plugin's one-statement strategy (strategies/reader.ts).
 */
const readerRoute = (method: Method, path: string, handler: string, contract: Omit<RouteContract, 'audience'>) =>
  contractRoute(
    method,
    path,
    handler,
    { auth: { scope: [`plugin::comments.${handler}`], strategies: [readerStrategy] } },
    { ...contract, audience: 'reader', errors: [...new Set([401, ...contract.errors])].sort() }
  );

const threadRead = json('One page of top-level comments, each with its first replies', c.ThreadPage, {
  ETag: 'Weak validator of this page: send it back as If-None-Match',
  'Cache-Control': 'public, max-age=5, stale-while-revalidate=30',
});

// First match wins: the fixed paths come before `/:commentId`.
const routes = [
  publicRoute('GET', '/openapi.json', 'openapi.document', {
    summary: 'This OpenAPI description',
    responses: { 200: { description: 'The OpenAPI 3.1 description of the comments API and the core routes frontends use' } },
    errors: [],
  }),
  publicRoute('GET', '/policy', 'policy.read', {
    summary: 'The community policy and the rules in force',
    description: 'The house rules editors keep, the limits, and the moderation cover now (full-time or part-time).',
    responses: { 200: json('The policy', c.PolicyResponse) },
    errors: [],
  }),
  // Notification emails' one-click unsubscribe (RFC 8058): the signed token is the authority, no login.
  publicRoute('GET', '/notifications/unsubscribe', 'notifications.confirm', {
    summary: 'Confirm unsubscribing (the page an email link opens)',
    description: 'Shows a button that POSTs the same URL; a GET changes nothing, so link scanners unsubscribe nobody.',
    query: c.UnsubscribeQuery,
    responses: { 200: { description: 'An HTML confirmation page', mediaType: 'text/html' } },
    errors: [400],
  }),
  publicRoute('POST', '/notifications/unsubscribe', 'notifications.unsubscribe', {
    summary: 'Unsubscribe in one click',
    description:
      "What mail clients send for `List-Unsubscribe-Post: List-Unsubscribe=One-Click`: turns off that kind of email for the token's recipient.",
    query: c.UnsubscribeQuery,
    responses: { 200: json('What was turned off', c.UnsubscribeResponse) },
    errors: [400],
  }),
  readerRoute('GET', '/me', 'me.read', {
    summary: "The reader's commenting status",
    description: 'Whether the reader may comment and why not, subscription, terms, sanction and appealable decisions.',
    responses: { 200: json('The status', c.MeResponse) },
    errors: [],
  }),
  readerRoute('PATCH', '/me', 'me.update', {
    summary: 'Change the display name or the notification preferences',
    body: c.UpdateMeBody,
    responses: { 200: json('The status with the changes', c.MeResponse) },
    errors: [400],
  }),
  readerRoute('POST', '/me/terms', 'me.acceptTerms', {
    summary: 'Accept the current terms',
    description: "Records the acceptance of the policy's termsVersion; a stale version is refused (403 TERMS_VERSION_MISMATCH).",
    body: c.AcceptTermsBody,
    responses: { 200: json('The status', c.MeResponse) },
    errors: [400, 403],
  }),
  readerRoute('GET', '/me/comments', 'me.comments', {
    summary: "The reader's own comments, newest first",
    query: c.PageQuery,
    responses: { 200: json('A page of the reader’s comments', c.OwnCommentsPage) },
    errors: [400],
  }),
  readerRoute('GET', '/me/reports', 'me.reports', {
    summary: "The reader's reports and complaints, with their outcomes",
    query: c.PageQuery,
    responses: { 200: json('A page of reports', c.ReaderReportsPage) },
    errors: [400],
  }),
  readerRoute('GET', '/me/appeals', 'me.appeals', {
    summary: "The reader's appeals",
    query: c.PageQuery,
    responses: { 200: json('A page of appeals', c.AppealsPage) },
    errors: [400],
  }),
  readerRoute('POST', '/me/appeals', 'me.appeal', {
    summary: 'Appeal a moderator’s decision',
    body: c.AppealBody,
    responses: { 201: json('The appeal', c.AppealResponse) },
    errors: [400, 404, 409],
  }),
  readerRoute('GET', '/me/export', 'me.export', {
    summary: 'Everything the plugin holds about the reader (download)',
    responses: { 200: json('The reader’s data', c.MyDataResponse) },
    errors: [],
  }),
  readerRoute('DELETE', '/me', 'me.erase', {
    summary: "Erase the reader's commenting data",
    description: 'Blanks every comment of the reader (tombstones keep replies in place) and removes the profile.',
    responses: { 200: json('Erased', c.ErasedResponse) },
    errors: [],
  }),
  publicRoute('GET', '/threads/:documentId', 'threads.read', {
    summary: 'Read a story’s comment thread',
    description:
      'Top-level comments that show (and tombstones of removed ones that still have visible replies), each with its first replies. Send the ETag back as If-None-Match to get a 304 while nothing changed.',
    params: c.ThreadParams,
    query: c.ThreadQuery,
    responses: { 200: threadRead, 304: { description: 'Not modified since the ETag sent as If-None-Match' } },
    errors: [400, 404],
  }),
  readerRoute('POST', '/threads/:documentId', 'threads.post', {
    summary: 'Post a comment or a reply',
    description: 'Subscribers who accepted the current terms; shows at once (post-moderation).',
    params: c.ThreadParams,
    body: c.PostCommentBody,
    responses: { 201: json('The comment as its author sees it', c.OwnCommentResponse) },
    errors: [400, 403, 404, 413, 429],
  }),
  readerRoute('POST', '/threads/:documentId/complaints', 'threads.complain', {
    summary: 'Complain about a factual error in the story',
    params: c.ThreadParams,
    body: c.StoryComplaintBody,
    responses: { 200: json('The complaint', c.ReaderReportResponse, RATE_LIMITED) },
    errors: [400, 403, 404, 429],
  }),
  contractRoute(
    'POST',
    '/subscriptions',
    'subscriptions.sync',
    // Server-to-server only: a reader's JWT is refused; a full-access token or one holding this scope works.
    { auth: { strategies: ['content-api-token'], scope: ['plugin::comments.subscriptions.sync'] } },
    {
      summary: 'Sync a subscription from the billing system',
      description: 'API token only. Keyed by email; applies to the account with that email once it is confirmed.',
      audience: 'api-token',
      body: c.SubscriptionSyncBody,
      responses: { 200: json('The stored subscription', c.SubscriptionSyncResponse) },
      errors: [400, 401, 403],
    }
  ),
  publicRoute('GET', '/:commentId/replies', 'comments.replies', {
    summary: 'All visible replies of a comment, oldest first',
    params: c.CommentParams,
    query: c.PageQuery,
    responses: { 200: json('A page of replies', c.RepliesPage) },
    errors: [400, 404],
  }),
  readerRoute('PATCH', '/:commentId', 'comments.edit', {
    summary: 'Edit one’s comment within the edit window',
    params: c.CommentParams,
    body: c.EditCommentBody,
    responses: { 200: json('The edited comment', c.OwnCommentResponse) },
    errors: [400, 403, 404],
  }),
  readerRoute('DELETE', '/:commentId', 'comments.withdraw', {
    summary: 'Withdraw one’s comment',
    params: c.CommentParams,
    responses: { 200: json('The withdrawn comment', c.OwnCommentResponse) },
    errors: [403, 404],
  }),
  readerRoute('POST', '/:commentId/reports', 'comments.report', {
    summary: 'Report a comment to the moderators',
    description: 'One report per reader per comment: repeating it answers the same report.',
    params: c.CommentParams,
    body: c.ReportBody,
    responses: { 200: json('The report', c.ReaderReportResponse, RATE_LIMITED) },
    errors: [400, 403, 404, 429],
  }),
];

/** The users-permissions actions of the reader routes, for the app to grant to Public and Authenticated. */
export const readerActions = (): string[] =>
  routes.filter((route) => route.contract.audience === 'reader').map((route) => `plugin::comments.${route.handler}`);

export default { type: 'content-api', routes };
