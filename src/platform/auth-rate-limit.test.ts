import { createAuthRateLimiter, limitedAuthRoute, normalizeRoutePath } from './auth-rate-limit';

describe('limitedAuthRoute', () => {
  test.each([
    ['/api/auth/local'],
    ['/API/Auth/Local'],
    ['/api/auth/local/'],
    ['/api//auth/local'],
    ['/api/auth/loc%61l'],
  ])('%s is the login route', (requestPath) => {
    expect(limitedAuthRoute('POST', requestPath)).toBe('/api/auth/local');
  });

  test('registration, resets and the admin login are limited; reads are not', () => {
    expect(limitedAuthRoute('POST', '/api/auth/local/register')).toBe('/api/auth/local/register');
    expect(limitedAuthRoute('POST', '/admin/login')).toBe('/admin/login');
    expect(limitedAuthRoute('POST', '/api/auth/forgot-password')).toBe('/api/auth/forgot-password');
    expect(limitedAuthRoute('GET', '/api/auth/local')).toBeNull();
    expect(limitedAuthRoute('POST', '/api/comments/threads/x')).toBeNull();
  });

  test('a malformed escape does not throw', () => {
    expect(normalizeRoutePath('/api/auth/%E0%A4%A')).toBe('/api/auth/%e0%a4%a');
  });
});

describe('createAuthRateLimiter in memory', () => {
  test('allows the configured attempts per address and route, then gives the wait', async () => {
    const limiter = createAuthRateLimiter({ points: 2, durationSeconds: 60 }, null);
    expect(await limiter.attempt('/api/auth/local', '10.0.0.1')).toBeNull();
    expect(await limiter.attempt('/api/auth/local', '10.0.0.1')).toBeNull();
    const wait = await limiter.attempt('/api/auth/local', '10.0.0.1');
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    expect(await limiter.attempt('/api/auth/local', '10.0.0.2')).toBeNull();
    expect(await limiter.attempt('/admin/login', '10.0.0.1')).toBeNull();
  });
});
