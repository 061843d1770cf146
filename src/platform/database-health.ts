import type { Core } from '@strapi/strapi';

/** Whether the database answers a trivial query now (bounded by the pool's acquire and statement timeouts). */
export const databaseAnswers = async (strapi: Core.Strapi): Promise<boolean> => {
  try {
    await strapi.db.connection.raw('select 1');
    return true;
  } catch {
    return false;
  }
};
