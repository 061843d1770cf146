import type { Core } from '@strapi/strapi';
import { demoAccounts, type DemoAccount } from './demo-accounts';
import type { SeedCounter } from './counter';

const account = (key: DemoAccount['key']) => demoAccounts().find((entry) => entry.key === key) as DemoAccount;

const ensureAdmin = async (strapi: Core.Strapi, key: DemoAccount['key'], roleCode: string, counter: SeedCounter) => {
  const { email, password } = account(key);
  if (await strapi.db.query('admin::user').findOne({ where: { email } })) return counter.unchanged(`admin:${key}`);
  const role = await strapi.db.query('admin::role').findOne({ where: { code: roleCode } });
  if (!role) return undefined;
  await strapi
    .service('admin::user')
    .create({
      email,
      password,
      firstname: 'Demo',
      lastname: key === 'admin' ? 'Admin' : 'Moderator',
      isActive: true,
      roles: [role.id],
    });
  return counter.created(`admin:${key}`);
};

/** A confirmed users-permissions account, optionally a subscriber who accepted the current terms. */
const ensureReader = async (
  strapi: Core.Strapi,
  key: DemoAccount['key'],
  subscriber: boolean,
  counter: SeedCounter
) => {
  const { email, password } = account(key);
  let user = await strapi.db.query('plugin::users-permissions.user').findOne({ where: { email } });
  if (user) counter.unchanged(`reader:${key}`);
  else {
    const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
    user = await strapi
      .plugin('users-permissions')
      .service('user')
      .add({
        username: key === 'subscriber' ? 'demo-subscriber' : 'demo-reader',
        email,
        password,
        provider: 'local',
        confirmed: true,
        blocked: false,
        role: role.id,
      });
    counter.created(`reader:${key}`);
  }
  if (!subscriber) return;
  const comments = strapi.plugin('comments');
  await comments.service('subscriptions').sync({ email, status: 'active', expiresAt: null });
  const reader = { id: user.id, documentId: user.documentId, email, username: user.username, confirmed: true };
  const profile = await comments.service('commenters').profileOf(reader);
  const termsVersion = await comments.service('policy').currentTermsVersion();
  if (termsVersion && profile.termsVersion !== termsVersion)
    await comments.service('commenters').acceptTerms(reader, termsVersion);
  if (profile.displayName !== 'Demo Subscriber')
    await comments.service('commenters').setDisplayName(reader, 'Demo Subscriber');
};

/** The accounts `npm run demo` prints: super admin, moderator, a subscriber who may comment, and a plain reader. */
export const seedDemoUsers = async (
  strapi: Core.Strapi,
  counter: SeedCounter,
  moderatorRoleCode: string
): Promise<void> => {
  await ensureAdmin(strapi, 'admin', 'strapi-super-admin', counter);
  await ensureAdmin(strapi, 'moderator', moderatorRoleCode, counter);
  await ensureReader(strapi, 'subscriber', true, counter);
  await ensureReader(strapi, 'reader', false, counter);
};
