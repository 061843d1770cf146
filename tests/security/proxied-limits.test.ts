import { bootStrapi, type TestApp } from '../helpers/strapi';
import { expectErrorEnvelope } from '../helpers/envelope';

let app: TestApp;

beforeAll(async () => {
  app = await bootStrapi({ env: { AUTH_RATELIMIT_MAX: '2', IS_PROXIED: 'true' } });
});
afterAll(async () => {
  await app?.stop();
});

// The load balancer appends the address it saw; the client controls only what comes before it.
const attempt = (spoofed: string, client = '192.0.2.10') =>
  app
    .http()
    .post('/api/auth/local')
    .set('X-Forwarded-For', `${spoofed}, ${client}`)
    .send({ identifier: 'nobody@example.test', password: 'wrong-password' });

test('behind a proxy, an address the client puts in X-Forwarded-For does not open a new bucket', async () => {
  expectErrorEnvelope(await attempt('10.1.1.1'), 400);
  expectErrorEnvelope(await attempt('10.2.2.2'), 400);
  expectErrorEnvelope(await attempt('10.3.3.3'), 429, 'RATE_LIMITED');
  // Another real client still gets in.
  expectErrorEnvelope(await attempt('10.3.3.3', '192.0.2.11'), 400);
});
