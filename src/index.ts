import type { Core } from '@strapi/strapi';

export default {
  register(_: { strapi: Core.Strapi }) {},

  /**
   * Runs after every plugin's bootstrap and the admin's, so the admin's default roles and the
   * users-permissions Public and Authenticated roles exist by now: role and grant seeding lives here.
   */
  async bootstrap(_: { strapi: Core.Strapi }) {},
};
