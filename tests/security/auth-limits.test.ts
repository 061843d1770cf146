import { bootStrapi, type TestApp } from '../helpers/strapi';
import type { TestUser } from '../helpers/auth';
import { expectErrorEnvelope } from '../helpers/envelope';

const MAX = 4;

let app: TestApp;
let reader: TestUser;

beforeAll(async () => {
  // No Redis here: the limiter counts in memory (tests/cluster and tests/faults cover the shared one).
  app = await bootStrapi({ env: { AUTH_RATELIMIT_MAX: String(MAX), AUTH_RATELIMIT_WINDOW_SECONDS: '60' } });
  // The limit counts logins too: this reader's JWT is issued without one.
  reader = await createUserWithoutLogin();
});
afterAll(async () => {
  await app?.stop();
});

async function createUserWithoutLogin(): Promise<TestUser> {
  const role = await app.strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'authenticated' } });
  const email = `limits_${Date.now()}@example.test`;
  const user = await app.strapi
    .plugin('users-permissions')
    .service('user')
    .add({
      username: email.split('@')[0],
      email,
      password: 'Reader-Password-1',
      provider: 'local',
      confirmed: true,
      blocked: false,
      role: role.id,
    });
  return {
    id: user.id,
    documentId: user.documentId,
    email,
    username: user.username,
    password: 'Reader-Password-1',
    jwt: '',
  };
}

const wrongLogin = (path: string, headers: Record<string, string> = {}) =>
  app.http().post(path).set(headers).send({ identifier: reader.email, password: 'wrong-password' });

test('login attempts are limited per address whatever the path’s case, slashes or forwarding headers', async () => {
  const variants = ['/api/auth/local', '/API/AUTH/LOCAL', '/api/auth/local/', '/Api/Auth/Local'];
  for (const [index, path] of variants.entries()) {
    const res = await wrongLogin(path, { 'X-Forwarded-For': `203.0.113.${index}` });
    expectErrorEnvelope(res, 400);
  }
  const limited = await wrongLogin('/api/auth/local', { 'X-Forwarded-For': '198.51.100.7' });
  expectErrorEnvelope(limited, 429, 'RATE_LIMITED');
  const retryAfter = Number(limited.headers['retry-after']);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(limited.body.error.details.retryAfter).toBe(retryAfter);
  // The right password is refused too while the limit lasts: no session is created.
  const right = await app.http().post('/api/auth/local').send({ identifier: reader.email, password: reader.password });
  expectErrorEnvelope(right, 429, 'RATE_LIMITED');
  expect(
    await app.strapi.db
      .query('admin::session')
      .count({ where: { userId: String(reader.id), origin: 'users-permissions' } })
  ).toBe(0);
});

test('registration has its own bucket, limited the same way, and a refused sign-up creates no account', async () => {
  const register = (index: number) =>
    app
      .http()
      .post('/api/auth/local/register')
      .send({
        username: `signup_${index}_${Date.now()}`,
        email: `signup_${index}_${Date.now()}@example.test`,
        password: 'Password-123',
      });
  const statuses: number[] = [];
  for (let index = 0; index < MAX; index += 1) statuses.push((await register(index)).status);
  expect(statuses.every((status) => status === 200)).toBe(true);
  const before = await app.strapi.db.query('plugin::users-permissions.user').count({});
  expectErrorEnvelope(await register(MAX), 429, 'RATE_LIMITED');
  expect(await app.strapi.db.query('plugin::users-permissions.user').count({})).toBe(before);
});

test('the admin login is limited too', async () => {
  const attempt = () =>
    app.http().post('/admin/login').send({ email: 'nobody@example.test', password: 'Wrong-Password-1' });
  for (let index = 0; index < MAX; index += 1) expectErrorEnvelope(await attempt(), 400);
  expectErrorEnvelope(await attempt(), 429, 'RATE_LIMITED');
});

test('reads are never limited by it', async () => {
  for (let index = 0; index < MAX + 2; index += 1) expect((await app.http().get('/api/articles')).status).toBe(200);
});
