import type { Core } from '@strapi/strapi';
import { seedAdminRoles } from './bootstrap/admin-roles';
import { seedContentManagerLayouts } from './bootstrap/content-manager-layouts';
import { seedEditorialPermissions } from './bootstrap/editorial-permissions';
import { seedReaderAccounts } from './bootstrap/reader-accounts';
import { registerEditorialRules } from './editorial';
import { platformOf, registerPlatform } from './platform';
import { assertProductionSecrets } from './secrets';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    // At start-up, not in `strapi build`, which loads the config without the runtime secrets.
    assertProductionSecrets();
    registerPlatform(strapi);
    registerEditorialRules(strapi);
  },

  /**
   * Runs after every plugin's bootstrap and the admin's, so the admin's default roles and the
   * users-permissions Public and Authenticated roles exist by now: role and grant seeding lives here.
   */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await seedEditorialPermissions(strapi);
    await seedReaderAccounts(strapi);
    await seedAdminRoles(strapi);
    await seedContentManagerLayouts(strapi);
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await platformOf(strapi).close();
  },
};
