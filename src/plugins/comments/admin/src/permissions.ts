/** The plugin's RBAC actions as the admin's permission checks want them. */
const permission = (action: string) => [{ action, subject: null }];

export const PERMISSIONS = {
  moderationRead: permission('plugin::comments.moderation.read'),
  moderationAct: permission('plugin::comments.moderation.act'),
  moderationSanction: permission('plugin::comments.moderation.sanction'),
  editorialRead: permission('plugin::comments.editorial.read'),
  settingsUpdate: permission('plugin::comments.settings.update'),
  webhooksManage: permission('plugin::comments.webhooks.manage'),
};
