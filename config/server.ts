export default ({ env }) => {
  return {
    host: env('HOST', '0.0.0.0'),
    port: env.int('PORT', 1337),
    url: env('PUBLIC_URL', ''),
    proxy: { koa: env.bool('IS_PROXIED', false) },
    app: { keys: env.array('APP_KEYS') },
    // No network at run time: no update check.
    logger: { updates: { enabled: false }, startup: { enabled: env.bool('STARTUP_MESSAGE', true) } },
    cron: { enabled: false },
  };
};
