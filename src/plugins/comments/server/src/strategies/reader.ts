import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { REFUSAL } from '../constants';
import { readersRepository, type AuthenticatedAccount } from '../repositories/readers';
import { authenticationRequired } from '../utils/errors';
import type { Reader } from '../utils/reader';

declare const strapi: Core.Strapi;

interface ReaderAuth {
  credentials: Reader | null;
  ability: { allowed: boolean } | null;
}

const bearerOf = (ctx: Context): string | null => {
  const [scheme, token, ...rest] = (ctx.request.header.authorization ?? '').split(/\s+/);
  return scheme?.toLowerCase() === 'bearer' && token && rest.length === 0 ? token : null;
};

/** The user id an access token stands for, verified as users-permissions would; null when it is not valid. */
const userIdOf = async (token: string): Promise<number | null> => {
  try {
    if (strapi.config.get<string>('plugin::users-permissions.jwtManagement', 'legacy-support') === 'refresh') {
      const result = strapi.sessionManager('users-permissions').validateAccessToken(token);
      return result.isValid && result.payload.type === 'access' ? Number(result.payload.userId) : null;
    }
    const { id } = await strapi.plugin('users-permissions').service('jwt').verify(token);
    return typeof id === 'number' ? id : null;
  } catch {
    return null;
  }
};

const emailConfirmationRequired = (account: AuthenticatedAccount): boolean => {
  try {
    return Boolean(account.advancedSettings && JSON.parse(account.advancedSettings).email_confirmation);
  } catch {
    return false;
  }
};

/**
 * The reader routes' authentication: users-permissions' own checks (its access token, the
 * account neither blocked nor unconfirmed when confirmation is on, the role holding the route's
 * action) in one statement instead of its strategy's seven, because every post and report pays
 * them. Anonymous callers get a 401 that says "log in" instead of a generic answer.
 */
export const readerStrategy = {
  name: 'comments-reader',

  async authenticate(ctx: Context) {
    const token = bearerOf(ctx);
    if (!token) return { authenticated: true, credentials: null, ability: null };
    const userId = await userIdOf(token);
    if (userId === null || !Number.isInteger(userId)) return { authenticated: false };
    const [action] = (ctx.state.route?.config?.auth?.scope ?? []) as string[];
    const account = await readersRepository(strapi).account(userId, action ?? '');
    if (!account) return { error: 'Invalid credentials' };
    if (account.blocked || (!account.confirmed && emailConfirmationRequired(account))) {
      return { error: 'Invalid credentials' };
    }
    const { allowed, advancedSettings, ...reader } = account;
    ctx.state.user = reader;
    return { authenticated: true, credentials: reader, ability: { allowed: allowed && Boolean(action) } };
  },

  verify(auth: ReaderAuth) {
    if (!auth.credentials) throw authenticationRequired('Log in to do this.', REFUSAL.AUTHENTICATION_REQUIRED);
    if (!auth.ability?.allowed) throw new errors.ForbiddenError();
  },
};
