import createError from 'http-errors';
import type { Actor } from '../services/audit';

/** The admin user Strapi authenticated for an admin route (`ctx.state.user`). */
export interface AdminUser {
  id: number;
  firstname?: string | null;
  lastname?: string | null;
  username?: string | null;
  email?: string;
}

export const moderatorActor = (admin: AdminUser): Actor => ({
  type: 'moderator',
  id: admin.id,
  name: [admin.firstname, admin.lastname].filter(Boolean).join(' ') || admin.username || `admin #${admin.id}`,
});

/** 409 in Strapi's envelope (its error classes have none; the errors middleware formats HTTP errors). */
export const conflict = (message: string, details: Record<string, unknown>) =>
  createError(409, message, { name: 'ConflictError', details });
