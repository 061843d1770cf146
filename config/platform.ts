/**
 * The app's own infrastructure settings (src/platform): the Redis shared by every instance, and
 * the limits on login, registration and reset attempts per client address and route.
 */
export default ({ env }) => ({
  redisUrl: env('REDIS_URL', null),
  authRateLimit: {
    points: env.int('AUTH_RATELIMIT_MAX', 10),
    durationSeconds: env.int('AUTH_RATELIMIT_WINDOW_SECONDS', 60),
  },
});
