import * as a from '../../../shared/contracts/admin';
import { NotificationTemplatesResponse, SettingsBody, SettingsResponse } from '../../../shared/contracts/settings';
import { ACTIONS } from '../config/actions';
import { contractRoute, json, type ContractRoute, type RouteContract } from './contract';
import { webhookRoutes } from './webhooks';

type Method = ContractRoute['method'];

/** Every admin route checks the admin's session and its RBAC action itself: a hidden menu link is not access control. */
const adminRoute = (
  method: Method,
  path: string,
  handler: string,
  action: string,
  contract: Omit<RouteContract, 'audience'>
) =>
  contractRoute(
    method,
    path,
    handler,
    {
      policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [action] } }],
    },
    {
      ...contract,
      description: [contract.description, `Needs the admin permission \`${action}\`.`].filter(Boolean).join(' '),
      audience: 'admin',
      errors: [...new Set([401, 403, ...contract.errors])].sort(),
    }
  );

const csv = (description: string) => ({ description, mediaType: 'text/csv' });

export default {
  type: 'admin',
  routes: [
    adminRoute('GET', '/moderation/queue', 'moderation.queue', ACTIONS.moderationRead, {
      summary: 'The moderation queue',
      description:
        'Open items in priority order (auto-hidden first, then severity of the reasons, reporter reliability, reporters, age), with the count of each queue.',
      query: a.QueueQuery,
      responses: { 200: json('A page of the queue', a.QueuePage) },
      errors: [400],
    }),
    adminRoute('GET', '/moderation/stories', 'moderation.stories', ACTIONS.moderationRead, {
      summary: 'Stories to filter the queue by, found by title',
      description:
        'Published commentable stories whose title contains `q` (any case), at most 10, by title; without `q`, the latest published.',
      query: a.StoriesQuery,
      responses: { 200: json('The matching stories', a.StoryOptions) },
      errors: [400],
    }),
    adminRoute('GET', '/moderation/comments/:documentId', 'moderation.comment', ACTIONS.moderationRead, {
      summary: 'One comment in context',
      description: 'Story, parent, neighbours, the author’s record, the reports and the history.',
      params: a.DocumentIdParams,
      responses: { 200: json('The comment in context', a.CommentDetail) },
      errors: [400, 404],
    }),
    adminRoute('POST', '/moderation/comments/:documentId/actions', 'moderation.act', ACTIONS.moderationAct, {
      summary: 'Decide on a comment',
      description: 'approve, hide, restore, amend, remove or release; 409 STALE_VERSION when someone acted first.',
      params: a.DocumentIdParams,
      body: a.ActionBody,
      responses: { 200: json('The comment after the decision', a.ActionResult) },
      errors: [400, 404, 409],
    }),
    adminRoute('POST', '/moderation/bulk', 'moderation.bulk', ACTIONS.moderationAct, {
      summary: 'Approve or hide up to 100 comments',
      description: 'Each item is its own decision; the answer gives each item’s result.',
      body: a.BulkBody,
      responses: { 200: json('Per-item results', a.BulkResult) },
      errors: [400],
    }),
    adminRoute('POST', '/moderation/users/:userId/sanctions', 'moderation.sanction', ACTIONS.moderationSanction, {
      summary: 'Suspend, ban or reinstate a commenter',
      description: 'With hideComments, a comment changed meanwhile refuses the whole sanction (409 STALE_VERSION).',
      params: a.UserIdParams,
      body: a.SanctionBody,
      responses: { 200: json('The commenter’s sanction now', a.SanctionResult) },
      errors: [400, 404, 409],
    }),
    adminRoute('GET', '/moderation/stats', 'moderation.stats', ACTIONS.moderationRead, {
      summary: 'Moderation figures',
      description: 'Open items per queue, the oldest open item, and response times by cover.',
      responses: { 200: json('The figures', a.Stats) },
      errors: [],
    }),
    adminRoute('GET', '/moderation/dashboard', 'moderation.dashboard', ACTIONS.moderationRead, {
      summary: 'The moderation dashboard',
      description:
        'Over the last 7, 30 or 90 days: open items per queue at the end of each day (rebuilt from report, settlement and posting times and the audit log), response times by cover, reports by reason and the busiest stories.',
      query: a.DashboardQuery,
      responses: { 200: json('The dashboard figures', a.Dashboard) },
      errors: [400],
    }),
    adminRoute('GET', '/moderation/register.csv', 'moderation.register', ACTIONS.moderationRead, {
      summary: 'The complaints register (CSV)',
      query: a.RangeQuery,
      responses: { 200: csv('One line per complaint, formula-safe') },
      errors: [400],
    }),
    adminRoute('GET', '/moderation/appeals', 'appeals.queue', ACTIONS.moderationAppeals, {
      summary: 'The appeals queue, oldest first',
      query: a.AppealsQuery,
      responses: { 200: json('A page of appeals', a.AppealQueuePage) },
      errors: [400],
    }),
    adminRoute('POST', '/moderation/appeals/:documentId/resolution', 'appeals.resolve', ACTIONS.moderationAppeals, {
      summary: 'Resolve an appeal',
      description: 'By a moderator other than the one who decided; upholding reverses the decision.',
      params: a.DocumentIdParams,
      body: a.AppealResolutionBody,
      responses: { 200: json('The resolved appeal', a.AppealResolved) },
      errors: [400, 404, 409],
    }),
    adminRoute('GET', '/moderation/audit', 'audit.list', ACTIONS.moderationAudit, {
      summary: 'The moderation audit log, newest first',
      query: a.AuditQuery,
      responses: { 200: json('A page of audit events', a.AuditPage) },
      errors: [400],
    }),
    adminRoute('GET', '/moderation/audit/export', 'audit.export', ACTIONS.moderationAudit, {
      summary: 'The audit log as CSV',
      query: a.AuditExportQuery,
      responses: { 200: csv('One line per audit event, formula-safe') },
      errors: [400],
    }),
    adminRoute('GET', '/moderation/settings', 'moderation-settings.read', ACTIONS.moderationRead, {
      summary: 'The moderation settings',
      responses: { 200: json('Settings in force, defaults and stored overrides', SettingsResponse) },
      errors: [],
    }),
    adminRoute(
      'GET',
      '/moderation/settings/notification-templates',
      'moderation-settings.templates',
      ACTIONS.moderationRead,
      {
        summary: 'The default wording of each notification email',
        description:
          'With the placeholders each uses. Overrides are part of the settings (`notifications.templates`), changed with PUT /moderation/settings.',
        responses: { 200: json('One entry per kind of notification', NotificationTemplatesResponse) },
        errors: [],
      }
    ),
    adminRoute('PUT', '/moderation/settings', 'moderation-settings.update', ACTIONS.settingsUpdate, {
      summary: 'Replace the stored overrides of the settings',
      body: SettingsBody,
      responses: { 200: json('Settings in force, defaults and stored overrides', SettingsResponse) },
      errors: [400],
    }),
    adminRoute('GET', '/editorial/complaints', 'editorial.complaints', ACTIONS.editorialRead, {
      summary: 'Factual-error complaints about stories',
      query: a.ComplaintsQuery,
      responses: { 200: json('A page of complaints', a.ComplaintsPage) },
      errors: [400],
    }),
    adminRoute(
      'POST',
      '/editorial/complaints/:documentId/resolution',
      'editorial.resolve',
      ACTIONS.editorialResolve,
      {
        summary: 'Resolve a complaint (upheld with a correction note, or not upheld)',
        params: a.DocumentIdParams,
        body: a.ComplaintResolutionBody,
        responses: { 200: json('The resolved complaint', a.ComplaintResolved) },
        errors: [400, 404, 409],
      }
    ),
    adminRoute('GET', '/editorial/figures/:documentId', 'editorial.figure', ACTIONS.editorialRead, {
      summary: 'A figure’s display string and whether its parts add up (its draft, as the edit view edits it)',
      params: a.DocumentIdParams,
      responses: { 200: json('The figure and its verdict', a.FigureSummary) },
      errors: [400, 404],
    }),
    adminRoute('GET', '/editorial/articles/:documentId', 'editorial.article', ACTIONS.editorialRead, {
      summary: 'A story’s comments, reports, complaints and inconsistent figures',
      params: a.DocumentIdParams,
      responses: { 200: json('The story summary', a.ArticleSummary) },
      errors: [400, 404],
    }),
    ...webhookRoutes(adminRoute),
  ],
};
