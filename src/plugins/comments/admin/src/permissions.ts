/** The plugin's RBAC actions as the admin's permission checks want them. */
const permission = (action: string) => [{ action, subject: null }];

export const PERMISSIONS = {
  moderationRead: permission('plugin::comments.moderation.read'),
  moderationAct: permission('plugin::comments.moderation.act'),
  moderationSanction: permission('plugin::comments.moderation.sanction'),
  moderationAudit: permission('plugin::comments.moderation.audit'),
  moderationAppeals: permission('plugin::comments.moderation.appeals'),
  editorialRead: permission('plugin::comments.editorial.read'),
  editorialResolve: permission('plugin::comments.editorial.resolve'),
  settingsUpdate: permission('plugin::comments.settings.update'),
  webhooksManage: permission('plugin::comments.webhooks.manage'),
};
