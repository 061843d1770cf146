import jwt from 'jsonwebtoken';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createUser, type TestUser } from '../helpers/auth';
import { expectErrorEnvelope } from '../helpers/envelope';
import { TEST_SECRETS } from '../helpers/env';

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

  test('an expired JWT is refused with 401', async () => {
    const claims = jwt.decode(reader.jwt) as jwt.JwtPayload;
    const { iat: _iat, exp: _exp, ...payload } = claims;
    const expired = jwt.sign(
      { ...payload, iat: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 3600 },
      TEST_SECRETS.JWT_SECRET
    );
    const res = await app.http().get('/api/users/me').set('Authorization', `Bearer ${expired}`);
    expectErrorEnvelope(res, 401);
  });

  test('a JWT signed with another secret is refused with 401', async () => {
    const claims = jwt.decode(reader.jwt) as jwt.JwtPayload;
    const { iat: _iat, exp: _exp, ...payload } = claims;
    const forged = jwt.sign(payload, 'not-the-server-secret-0123456789', { expiresIn: '1h' });
    const res = await app.http().get('/api/users/me').set('Authorization', `Bearer ${forged}`);
    expectErrorEnvelope(res, 401);
  });

  test('no JWT on a route the Public role may not use is refused with 403', async () => {
    const res = await app.http().get('/api/users');
    expectErrorEnvelope(res, 403);
  });
});
