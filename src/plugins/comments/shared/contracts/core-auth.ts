import { z } from 'zod';

/*
 * The users-permissions routes a frontend needs for the reader journey whose schemas Strapi's own
 * generator leaves out (refresh and logout declare none). Documented here, validated by the
 * tests against the real answers.
 */

export const RefreshBody = z
  .strictObject({ refreshToken: z.string().meta({ description: 'From /api/auth/local (or the refresh cookie)' }) })
  .meta({ id: 'RefreshBody' });

export const RefreshResponse = z
  .strictObject({
    jwt: z.string().meta({ description: 'A new access token (lives 10 minutes)' }),
    refreshToken: z.string().optional().meta({ description: 'The rotated refresh token: use it next time' }),
  })
  .meta({ id: 'RefreshResponse' });

export const LogoutBody = z
  .looseObject({ deviceId: z.string().optional(), scope: z.string().optional() })
  .meta({ id: 'LogoutBody' });

export const LogoutResponse = z.looseObject({ ok: z.boolean().optional() }).meta({ id: 'LogoutResponse' });

export const EmailConfirmationQuery = z.strictObject({
  confirmation: z.string().meta({ description: 'The token from the confirmation email' }),
});
