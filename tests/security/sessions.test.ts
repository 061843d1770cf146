import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, createApiToken, createUser, type TestAdmin, type TestUser } from '../helpers/auth';
import { bearer, createSubscriber, ensurePolicy } from '../helpers/comments';
import { adminCall } from '../helpers/moderation';
import { expectErrorEnvelope } from '../helpers/envelope';

let app: TestApp;
let token: string;
let admin: TestAdmin;

beforeAll(async () => {
  app = await bootStrapi();
  await ensurePolicy(app);
  token = await createApiToken(app);
  admin = await createAdmin(app);
});
afterAll(async () => {
  await app?.stop();
});

/** A fresh login on another device: its refresh token, which the old-session checks below replay. */
const refreshTokenOf = async (user: TestUser): Promise<string> => {
  const res = await app.http().post('/api/auth/local').send({ identifier: user.email, password: user.password });
  expect(res.status).toBe(200);
  return res.body.refreshToken;
};

const refresh = (refreshToken: string) => app.http().post('/api/auth/refresh').send({ refreshToken });

const sessionsOf = (user: TestUser) =>
  app.strapi.db.query('admin::session').count({ where: { userId: String(user.id), origin: 'users-permissions' } });

const expectRevoked = async (user: TestUser, refreshToken: string) => {
  expectErrorEnvelope(await refresh(refreshToken), 401);
  expect(await sessionsOf(user)).toBe(0);
};

test('a refresh token mints access tokens while the account is in good standing', async () => {
  const reader = await createUser(app);
  const refreshToken = await refreshTokenOf(reader);
  const res = await refresh(refreshToken);
  expect(res.status).toBe(200);
  expect(res.body.jwt).toEqual(expect.any(String));
});

test('erasure ends every session of the reader', async () => {
  const reader = await createSubscriber(app, token);
  const refreshToken = await refreshTokenOf(reader);
  expect(await sessionsOf(reader)).toBeGreaterThan(0);
  const erased = await app.http().delete('/api/comments/me').set(bearer(reader));
  expect(erased.status).toBe(200);
  await expectRevoked(reader, refreshToken);
});

test('blocking the account in the Content Manager ends its sessions', async () => {
  const reader = await createUser(app);
  const refreshToken = await refreshTokenOf(reader);
  const res = await adminCall(app, admin).put(
    `/content-manager/collection-types/plugin::users-permissions.user/${reader.documentId}`,
    { blocked: true }
  );
  expect(res.status).toBe(200);
  await expectRevoked(reader, refreshToken);
  // The access token the reader still holds is refused as well (users-permissions checks `blocked`).
  expectErrorEnvelope(await app.http().get('/api/users/me').set(bearer(reader)), 401);
});

test('a ban ends the reader’s sessions; a suspension does not', async () => {
  const suspended = await createSubscriber(app, token);
  const keptToken = await refreshTokenOf(suspended);
  const suspension = await adminCall(app, admin).post(`/comments/moderation/users/${suspended.documentId}/sanctions`, {
    action: 'suspend',
    reason: 'Cooling off',
    until: new Date(Date.now() + 86_400_000).toISOString(),
  });
  expect(suspension.status).toBe(200);
  expect((await refresh(keptToken)).status).toBe(200);

  const banned = await createSubscriber(app, token);
  const refreshToken = await refreshTokenOf(banned);
  const ban = await adminCall(app, admin).post(`/comments/moderation/users/${banned.documentId}/sanctions`, {
    action: 'ban',
    reason: 'Repeated abuse',
  });
  expect(ban.status).toBe(200);
  await expectRevoked(banned, refreshToken);
});

test('a password reset ends the other sessions and starts a new one', async () => {
  const reader = await createUser(app);
  const refreshToken = await refreshTokenOf(reader);
  const code = `reset-${Date.now()}`;
  await app.strapi.db
    .query('plugin::users-permissions.user')
    .update({ where: { id: reader.id }, data: { resetPasswordToken: code } });
  const reset = await app
    .http()
    .post('/api/auth/reset-password')
    .send({ code, password: 'New-Password-2', passwordConfirmation: 'New-Password-2' });
  expect(reset.status).toBe(200);
  expectErrorEnvelope(await refresh(refreshToken), 401);
  expect((await refresh(reset.body.refreshToken)).status).toBe(200);
});
