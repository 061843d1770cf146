import type { Context } from 'koa';
import type { AdminUser } from '../utils/admin';

/** Koa context as the admin routes see it: Strapi's admin auth has set the user and their abilities. */
export type AdminContext = Context & {
  params: Record<string, string>;
  request: Context['request'] & { body?: unknown };
  state: { user: AdminUser; userAbility?: { can(action: string): boolean } };
};
