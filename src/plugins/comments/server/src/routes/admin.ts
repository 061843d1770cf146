import { ACTIONS } from '../config/actions';

type Method = 'GET' | 'POST' | 'PUT';

/** Every admin route checks the admin's session and its RBAC action itself: a hidden menu link is not access control. */
const adminRoute = (method: Method, path: string, handler: string, action: string) => ({
  method,
  path,
  handler,
  config: {
    policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [action] } }],
  },
});

export default {
  type: 'admin',
  routes: [
    adminRoute('GET', '/moderation/queue', 'moderation.queue', ACTIONS.moderationRead),
    adminRoute('GET', '/moderation/comments/:documentId', 'moderation.comment', ACTIONS.moderationRead),
    adminRoute('POST', '/moderation/comments/:documentId/actions', 'moderation.act', ACTIONS.moderationAct),
    adminRoute('POST', '/moderation/bulk', 'moderation.bulk', ACTIONS.moderationAct),
    adminRoute('POST', '/moderation/users/:userId/sanctions', 'moderation.sanction', ACTIONS.moderationSanction),
    adminRoute('GET', '/moderation/stats', 'moderation.stats', ACTIONS.moderationRead),
    adminRoute('GET', '/moderation/register.csv', 'moderation.register', ACTIONS.moderationRead),
    adminRoute('GET', '/moderation/appeals', 'appeals.queue', ACTIONS.moderationAppeals),
    adminRoute('POST', '/moderation/appeals/:documentId/resolution', 'appeals.resolve', ACTIONS.moderationAppeals),
    adminRoute('GET', '/moderation/audit', 'audit.list', ACTIONS.moderationAudit),
    adminRoute('GET', '/moderation/audit/export', 'audit.export', ACTIONS.moderationAudit),
    adminRoute('GET', '/moderation/settings', 'moderation-settings.read', ACTIONS.moderationRead),
    adminRoute('PUT', '/moderation/settings', 'moderation-settings.update', ACTIONS.settingsUpdate),
    adminRoute('GET', '/editorial/complaints', 'editorial.complaints', ACTIONS.editorialRead),
    adminRoute('POST', '/editorial/complaints/:documentId/resolution', 'editorial.resolve', ACTIONS.editorialResolve),
    adminRoute('GET', '/editorial/articles/:documentId', 'editorial.article', ACTIONS.editorialRead),
  ],
};
