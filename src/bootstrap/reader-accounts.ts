import type { Core } from '@strapi/strapi';
import { grantRoleActions, revokeRoleActions } from './role-permissions';

// `user.update` has no ownership check and accepts `role`; listing users exposes every account.
const NEVER_GRANTED = [
  'plugin::users-permissions.user.update',
  'plugin::users-permissions.user.find',
  'plugin::users-permissions.user.destroy',
];

/**
 * Readers' accounts out of the box: the comments routes work without ticking anything in the
 * admin, email confirmation is on, and the dangerous users-permissions grants are never held.
 */
export const seedReaderAccounts = async (strapi: Core.Strapi): Promise<void> => {
  for (const roleType of ['public', 'authenticated']) {
    await grantRoleActions(strapi, roleType, strapi.plugin('comments').service('access').readerActions());
    await revokeRoleActions(strapi, roleType, NEVER_GRANTED);
  }

  const advanced = strapi.store({ type: 'plugin', name: 'users-permissions', key: 'advanced' });
  const settings = ((await advanced.get({})) ?? {}) as Record<string, unknown>;
  // Where the links in confirmation and password-reset emails lead: the readers' frontend.
  const publicUrl = process.env.FRONTEND_URL ?? 'http://localhost:3000';
  const wanted = {
    email_confirmation: true,
    email_confirmation_redirection: settings.email_confirmation_redirection || `${publicUrl}/account/confirmed`,
    email_reset_password: settings.email_reset_password || `${publicUrl}/account/reset-password`,
    allow_register: true,
    unique_email: true,
  };
  if (Object.entries(wanted).some(([key, value]) => settings[key] !== value)) {
    await advanced.set({ value: { ...settings, ...wanted } });
  }
};
