import type { Core } from '@strapi/strapi';
import { grantRoleActions } from './role-permissions';

/** Public (and so every reader) may read the editorial types, nothing else. */
export const EDITORIAL_READ_ACTIONS = ['article', 'person', 'quote', 'figure', 'tag'].flatMap((name) => [
  `api::${name}.${name}.find`,
  `api::${name}.${name}.findOne`,
]);

export const seedEditorialPermissions = async (strapi: Core.Strapi): Promise<void> => {
  await grantRoleActions(strapi, 'public', EDITORIAL_READ_ACTIONS);
  await grantRoleActions(strapi, 'authenticated', EDITORIAL_READ_ACTIONS);
};
