import type { Core } from '@strapi/strapi';

const PERMISSION_UID = 'plugin::users-permissions.permission';
const ROLE_UID = 'plugin::users-permissions.role';

/**
 * Idempotently grants users-permissions actions (e.g. `api::article.article.find`) to the role of
 * the given type (`public`, `authenticated`). Grants nothing else and revokes nothing.
 */
export const grantRoleActions = async (
  strapi: Core.Strapi,
  roleType: string,
  actions: readonly string[]
): Promise<void> => {
  const role = await strapi.db.query(ROLE_UID).findOne({ where: { type: roleType } });
  if (!role) throw new Error(`users-permissions role "${roleType}" does not exist`);

  const existing = await strapi.db.query(PERMISSION_UID).findMany({
    where: { action: { $in: [...actions] }, role: { id: role.id } },
    select: ['action'],
  });
  const granted = new Set(existing.map((permission: { action: string }) => permission.action));
  for (const action of actions) {
    if (!granted.has(action)) {
      await strapi.db.query(PERMISSION_UID).create({ data: { action, role: role.id } });
    }
  }
};

/** Removes grants that must never be held by the role (e.g. `plugin::users-permissions.user.update`). */
export const revokeRoleActions = async (
  strapi: Core.Strapi,
  roleType: string,
  actions: readonly string[]
): Promise<void> => {
  const role = await strapi.db.query(ROLE_UID).findOne({ where: { type: roleType } });
  if (!role) return;
  await strapi.db.query(PERMISSION_UID).deleteMany({ where: { action: { $in: [...actions] }, role: { id: role.id } } });
};
