type Env = {
  (name: string, fallback?: string): string | undefined;
  array(name: string, fallback?: string[]): string[];
};

/** The demo frontend's origin, allowed in development when CORS_ORIGINS is not set. */
export const DEVELOPMENT_ORIGINS = ['http://localhost:3000'];

/**
 * `strapi::cors` options: an explicit list of frontend origins (never Strapi's reflect-any default,
 * which hands an admin token to any site), credentials only for those, and the headers a
 * frontend must read (ETag for revalidation, Retry-After on 429/503, the request id for support).
 */
export const corsOptions = (env: Env) => {
  const configured = env.array('CORS_ORIGINS', []).map((origin) => origin.trim().replace(/\/+$/, ''));
  const development = (env('NODE_ENV') ?? 'development') === 'development';
  const origin = configured.length > 0 ? configured : development ? DEVELOPMENT_ORIGINS : [];
  if (origin.includes('*')) throw new Error('CORS_ORIGINS must list origins; "*" would hand credentials to any site.');
  return {
    origin,
    credentials: true,
    expose: ['ETag', 'Retry-After', 'X-Request-Id'],
    headers: ['Content-Type', 'Authorization', 'Origin', 'Accept', 'If-None-Match', 'X-Request-Id'],
    maxAge: 600,
  };
};
