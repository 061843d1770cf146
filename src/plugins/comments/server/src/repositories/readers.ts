import type { Core } from '@strapi/strapi';
import type { Reader } from '../utils/reader';

const USER = 'plugin::users-permissions.user';
const PERMISSION = 'plugin::users-permissions.permission';
const CORE_STORE = 'strapi::core-store';
const ADVANCED_SETTINGS_KEY = 'plugin_users-permissions_advanced';

interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
}

/** A reader's account as authentication needs it, with whether their role holds `action`. */
export interface AuthenticatedAccount extends Reader {
  confirmed: boolean;
  blocked: boolean;
  allowed: boolean;
  /** users-permissions' "advanced" settings as stored (JSON text), for `email_confirmation`. */
  advancedSettings: string | null;
}

/**
 * users-permissions' accounts, read for authentication: the user, whether their role holds the
 * route's action and the "advanced" settings (email confirmation) in one statement — what its own
 * strategy reads in six. Raw knex; tables and columns from Strapi's metadata.
 */
export const readersRepository = (strapi: Core.Strapi) => {
  const users = strapi.db.metadata.get(USER);
  const column = (attribute: string): string =>
    (users.attributes[attribute] as { columnName?: string } | undefined)?.columnName ?? attribute;
  const userRole = (users.attributes.role as unknown as { joinTable: JoinTable }).joinTable;
  const permissions = strapi.db.metadata.get(PERMISSION);
  const permissionRole = (permissions.attributes.role as unknown as { joinTable: JoinTable }).joinTable;
  const store = strapi.db.metadata.get(CORE_STORE);
  const knex = strapi.db.connection;

  return {
    async account(userId: number, action: string): Promise<AuthenticatedAccount | null> {
      const allowed = knex({ p: permissions.tableName })
        .join({ pr: permissionRole.name }, `pr.${permissionRole.joinColumn.name}`, 'p.id')
        .join({ ur: userRole.name }, `ur.${userRole.inverseJoinColumn.name}`, `pr.${permissionRole.inverseJoinColumn.name}`)
        .whereRaw('?? = ??', [`ur.${userRole.joinColumn.name}`, 'u.id'])
        .where('p.action', action)
        .select(knex.raw('1'));
      const advanced = knex(store.tableName).where('key', ADVANCED_SETTINGS_KEY).select('value').limit(1);
      const row = await knex({ u: users.tableName })
        .where('u.id', userId)
        .first({
          id: 'u.id',
          documentId: `u.${column('documentId')}`,
          email: `u.${column('email')}`,
          username: `u.${column('username')}`,
          confirmed: `u.${column('confirmed')}`,
          blocked: `u.${column('blocked')}`,
          createdAt: `u.${column('createdAt')}`,
          allowed: knex.raw('exists ?', [allowed]),
          advancedSettings: advanced,
        });
      if (!row) return null;
      // SQLite answers booleans as 0/1.
      return { ...row, confirmed: Boolean(row.confirmed), blocked: Boolean(row.blocked), allowed: Boolean(row.allowed) };
    },
  };
};
