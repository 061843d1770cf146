import type { Core } from '@strapi/strapi';

export const MODERATOR_ROLE = {
  code: 'comments-moderator',
  name: 'Moderator',
  description: 'Triages reported and flagged comments: read the queue, act on comments, sanction commenters.',
};

/** Adds the missing actions to a role (never removes what an administrator granted by hand). */
const grantAdminActions = async (strapi: Core.Strapi, roleId: number, actions: string[]) => {
  const held = await strapi.db
    .query('admin::permission')
    .findMany({ where: { role: { id: roleId }, action: { $in: actions } } });
  const missing = actions.filter(
    (action) => !held.some((permission: { action: string }) => permission.action === action)
  );
  if (missing.length > 0) {
    await strapi.service('admin::role').addPermissions(
      roleId,
      missing.map((action) => ({ action, subject: null, properties: {}, conditions: [] }))
    );
  }
};

/**
 * The Moderator admin role, and editorial complaints for the built-in Editor. Runs in the app's
 * bootstrap, after the admin created its default roles: created earlier, the Moderator role would
 * stop the admin from creating Super Admin, Editor and Author on a fresh database.
 */
export const seedAdminRoles = async (strapi: Core.Strapi): Promise<void> => {
  const access = strapi.plugin('comments').service('access');
  let moderator = await strapi.db.query('admin::role').findOne({ where: { code: MODERATOR_ROLE.code } });
  if (!moderator) moderator = await strapi.service('admin::role').create(MODERATOR_ROLE);
  await grantAdminActions(strapi, moderator.id, access.moderatorActions());

  const editor = await strapi.db.query('admin::role').findOne({ where: { code: 'strapi-editor' } });
  if (editor) await grantAdminActions(strapi, editor.id, access.editorActions());
};
