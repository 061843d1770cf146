/** Every secret and setting a test instance needs: CI has no .env, and tests must not read one. */
export const TEST_SECRETS = {
  APP_KEYS: 'testKeyOne0123456789abcdef,testKeyTwo0123456789abcdef',
  API_TOKEN_SALT: 'test-api-token-salt-0123456789',
  ADMIN_JWT_SECRET: 'test-admin-jwt-secret-0123456789',
  TRANSFER_TOKEN_SALT: 'test-transfer-token-salt-0123456789',
  JWT_SECRET: 'test-jwt-secret-0123456789abcdef',
  ENCRYPTION_KEY: 'test-encryption-key-0123456789ab',
};

export const applyTestEnv = (extra: Record<string, string> = {}): void => {
  Object.assign(process.env, TEST_SECRETS, {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    SERVE_ADMIN: 'false',
    STARTUP_MESSAGE: 'false',
    LOG_LEVEL: process.env.LOG_LEVEL || 'error',
    STRAPI_TELEMETRY_DISABLED: 'true',
    STRAPI_DISABLE_UPDATE_NOTIFICATION: 'true',
    BROWSER: 'false',
    // Tests log in many users from one address; the login limiter itself is Strapi's, on by default.
    AUTH_RATELIMIT_MAX: '100000',
    ...extra,
  });
};
