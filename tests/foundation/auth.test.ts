import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createUser, type TestUser } from '../helpers/auth';
import { expectErrorEnvelope } from '../helpers/envelope';

let app: TestApp;
let reader: TestUser;

beforeAll(async () => {
  app = await bootStrapi();
  reader = await createUser(app);
});
afterAll(async () => {
  await app?.stop();
});

describe('the real users-permissions auth path', () => {
  test('a valid JWT reaches /api/users/me', async () => {
    const res = await app.http().get('/api/users/me').set('Authorization', `Bearer ${reader.jwt}`);
    expect(res.status).toBe(200);
    expect(res.body.email).toBe(reader.email);
  });

  test('a login with a wrong password is refused with 400', async () => {
    const res = await app
      .http()
      .post('/api/auth/local')
      .send({ identifier: reader.email, password: 'not-the-password' });
    expectErrorEnvelope(res, 400);
  });

  // Forged, expired and misused tokens: tests/security/tokens.test.ts.

  test('no JWT on a route the Public role may not use is refused with 403', async () => {
    const res = await app.http().get('/api/users');
    expectErrorEnvelope(res, 403);
  });
});
