export default ({ env }) => ({
  auth: {
    secret: env('ADMIN_JWT_SECRET'),
    sessions: { options: {} },
  },
  apiToken: { salt: env('API_TOKEN_SALT') },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT') } },
  secrets: { encryptionKey: env('ENCRYPTION_KEY') },
  // Per process and in memory: replaced by global::auth-rate-limit, shared through Redis.
  rateLimit: { enabled: false },
  flags: { nps: false, promoteEE: false },
  // The API-only test harness has no admin build to serve.
  serveAdminPanel: env.bool('SERVE_ADMIN', true),
  watchIgnoreFiles: ['**/tests/**', '**/.tmp/**'],
});
