export default ({ env }) => {
  return {
    host: env('HOST', '0.0.0.0'),
    port: env.int('PORT', 1337),
    url: env('PUBLIC_URL', ''),
    // Behind N proxies, the client address is the N-th from the right in X-Forwarded-For: what a
    // client puts at the left is ignored, so it cannot pick its own rate-limit bucket.
    proxy: { koa: env.bool('IS_PROXIED', false), maxIpsCount: env.int('PROXY_TRUSTED_HOPS', 1) },
    app: { keys: env.array('APP_KEYS') },
    // No network at run time: no update check.
    logger: { updates: { enabled: false }, startup: { enabled: env.bool('STARTUP_MESSAGE', true) } },
    cron: { enabled: false },
  };
};
