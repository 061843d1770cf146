import type { Core } from '@strapi/strapi';

const USER_UID = 'plugin::users-permissions.user';

/** Ends every refresh session of a reader: the next `POST /api/auth/refresh` with an old token is refused. */
export const revokeReaderSessions = async (strapi: Core.Strapi, userId: number | string): Promise<void> => {
  await strapi.sessionManager('users-permissions').invalidateRefreshToken(String(userId));
};

type UserEvent = { result?: { id?: number; blocked?: boolean } | null };

/**
 * Sessions end with the account: when a user is blocked (Content Manager, API or code) or deleted
 * (erasure, admin), whatever the path, because the hook sits on the table. Password resets already
 * revoke them in users-permissions itself.
 */
export const endSessionsWithAccount = (strapi: Core.Strapi): void => {
  strapi.db.lifecycles.subscribe({
    models: [USER_UID],
    async afterUpdate(event: UserEvent) {
      if (event.result?.blocked && event.result.id) await revokeReaderSessions(strapi, event.result.id);
    },
    async afterDelete(event: UserEvent) {
      if (event.result?.id) await revokeReaderSessions(strapi, event.result.id);
    },
  });
};
