/** A number from the environment, or undefined so the plugin's default applies. */
const optionalNumber = (env, name: string): number | undefined => (env(name) ? Number(env(name)) : undefined);

export default ({ env }) => ({
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
      // Refresh mode: login answers a short-lived access token and a refresh token; POST
      // /api/auth/refresh trades the refresh token (which rotates) for a new access token.
      // In this mode `jwt.expiresIn` is not used: the lifetimes are the sessions' below.
      jwtManagement: 'refresh',
      sessions: {
        // Access tokens (JWTs) live 10 minutes; a refresh token lives 14 days unused, 30 days at most.
        accessTokenLifespan: env.int('ACCESS_TOKEN_LIFESPAN_SECONDS', 600),
        maxRefreshTokenLifespan: env.int('REFRESH_TOKEN_MAX_LIFESPAN_SECONDS', 30 * 24 * 3600),
        idleRefreshTokenLifespan: env.int('REFRESH_TOKEN_IDLE_LIFESPAN_SECONDS', 14 * 24 * 3600),
        // Over plain http (development, benchmarks) a secure cookie makes login answer 500, so
        // `secure` follows COOKIE_SECURE; set it to true behind TLS (with IS_PROXIED=true).
        cookie: { secure: env.bool('COOKIE_SECURE', false), sameSite: 'lax' },
      },
      // Per process and in memory: replaced by global::auth-rate-limit, shared through Redis.
      ratelimit: { enabled: false },
    },
  },
  email: {
    config:
      env('EMAIL_PROVIDER', 'outbox') === 'smtp'
        ? {
            provider: 'nodemailer',
            providerOptions: {
              host: env('SMTP_HOST'),
              port: env.int('SMTP_PORT', 587),
              secure: env.bool('SMTP_SECURE', false),
              auth: env('SMTP_USERNAME') ? { user: env('SMTP_USERNAME'), pass: env('SMTP_PASSWORD') } : undefined,
            },
            settings: {
              defaultFrom: env('EMAIL_FROM', 'comments@example.com'),
              defaultReplyTo: env('EMAIL_REPLY_TO', 'comments@example.com'),
            },
          }
        : {
            // Development and tests: every message goes to the log and to .tmp/outbox (see providers/email-outbox).
            provider: '@newsroom/email-outbox',
            providerOptions: { directory: env('EMAIL_OUTBOX_DIR', '.tmp/outbox') },
            settings: {
              defaultFrom: env('EMAIL_FROM', 'comments@localhost'),
              defaultReplyTo: env('EMAIL_REPLY_TO', 'comments@localhost'),
            },
          },
  },
  comments: {
    enabled: true,
    resolve: './src/plugins/comments',
    // Defaults live in the plugin (server/src/config); the moderation settings route stores overrides.
    config: {
      redisUrl: env('REDIS_URL', null),
      // Outgoing webhooks (docs/events.md): the SSRF allow-list, time-outs, retries and pg-boss's schema.
      webhooks: {
        allowedHosts: env.array('WEBHOOK_ALLOWED_HOSTS', []),
        timeoutMs: optionalNumber(env, 'WEBHOOK_TIMEOUT_MS'),
        retry: {
          baseDelayMs: optionalNumber(env, 'WEBHOOK_RETRY_BASE_MS'),
          maxDelayMs: optionalNumber(env, 'WEBHOOK_RETRY_MAX_MS'),
          windowHours: optionalNumber(env, 'WEBHOOK_RETRY_WINDOW_HOURS'),
        },
        leaseSeconds: optionalNumber(env, 'WEBHOOK_LEASE_SECONDS'),
        relayIntervalMs: optionalNumber(env, 'WEBHOOK_RELAY_INTERVAL_MS'),
        queue: {
          schema: env('PGBOSS_SCHEMA', undefined),
          maintenanceSeconds: optionalNumber(env, 'PGBOSS_MAINTENANCE_SECONDS'),
        },
      },
    },
  },
});
