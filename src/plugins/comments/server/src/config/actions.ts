/** The plugin's admin RBAC actions; each becomes `plugin::comments.<uid>`. */
export const ACTIONS = {
  moderationRead: 'plugin::comments.moderation.read',
  moderationAct: 'plugin::comments.moderation.act',
  moderationSanction: 'plugin::comments.moderation.sanction',
  moderationAudit: 'plugin::comments.moderation.audit',
  moderationAppeals: 'plugin::comments.moderation.appeals',
  editorialRead: 'plugin::comments.editorial.read',
  editorialResolve: 'plugin::comments.editorial.resolve',
  settingsUpdate: 'plugin::comments.settings.update',
  webhooksManage: 'plugin::comments.webhooks.manage',
} as const;

export const actions = [
  {
    section: 'plugins',
    displayName: 'Read the moderation queue',
    uid: 'moderation.read',
    subCategory: 'moderation',
    pluginName: 'comments',
  },
  {
    section: 'plugins',
    displayName: 'Act on comments (approve, hide, amend, remove…)',
    uid: 'moderation.act',
    subCategory: 'moderation',
    pluginName: 'comments',
  },
  {
    section: 'plugins',
    displayName: 'Sanction commenters (suspend, ban, reinstate)',
    uid: 'moderation.sanction',
    subCategory: 'moderation',
    pluginName: 'comments',
  },
  {
    section: 'plugins',
    displayName: 'Read the moderation audit (list and CSV export)',
    uid: 'moderation.audit',
    subCategory: 'moderation',
    pluginName: 'comments',
  },
  {
    section: 'plugins',
    displayName: "Resolve commenters' appeals against moderation decisions",
    uid: 'moderation.appeals',
    subCategory: 'moderation',
    pluginName: 'comments',
  },
  {
    section: 'plugins',
    displayName: "Read readers' factual-error complaints",
    uid: 'editorial.read',
    subCategory: 'editorial',
    pluginName: 'comments',
  },
  {
    section: 'plugins',
    displayName: 'Resolve factual-error complaints (upheld or not upheld)',
    uid: 'editorial.resolve',
    subCategory: 'editorial',
    pluginName: 'comments',
  },
  {
    section: 'plugins',
    displayName: 'Change the moderation settings',
    uid: 'settings.update',
    subCategory: 'settings',
    pluginName: 'comments',
  },
  {
    section: 'plugins',
    displayName: 'Manage webhook endpoints (they receive every event they subscribe to)',
    uid: 'webhooks.manage',
    subCategory: 'settings',
    pluginName: 'comments',
  },
];

/** The Moderator admin role the app seeds: everything but settings. */
export const MODERATOR_ACTIONS = [
  ACTIONS.moderationRead,
  ACTIONS.moderationAct,
  ACTIONS.moderationSanction,
  ACTIONS.moderationAudit,
  ACTIONS.moderationAppeals,
];
