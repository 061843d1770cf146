import { DEVELOPMENT_ORIGINS, corsOptions } from './cors';

const envOf = (values: Record<string, string>) => {
  const env = (name: string, fallback?: string) => values[name] ?? fallback;
  env.array = (name: string, fallback: string[] = []) => (values[name] ? values[name].split(',') : fallback);
  return env;
};

describe('corsOptions', () => {
  test('lists the configured origins, without trailing slashes', () => {
    const options = corsOptions(
      envOf({ NODE_ENV: 'production', CORS_ORIGINS: 'https://www.example.com/, https://app.example.com' })
    );
    expect(options.origin).toEqual(['https://www.example.com', 'https://app.example.com']);
    expect(options.expose).toEqual(expect.arrayContaining(['ETag', 'Retry-After', 'X-Request-Id']));
    expect(options.headers).toContain('If-None-Match');
  });

  test('no origin in production unless configured; the demo frontend in development', () => {
    expect(corsOptions(envOf({ NODE_ENV: 'production' })).origin).toEqual([]);
    expect(corsOptions(envOf({})).origin).toEqual(DEVELOPMENT_ORIGINS);
  });

  test('refuses a wildcard', () => {
    expect(() => corsOptions(envOf({ CORS_ORIGINS: '*' }))).toThrow(/must list origins/);
  });
});
