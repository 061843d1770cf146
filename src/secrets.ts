/**
 * Boot-time secret checks, run in the app's register phase: a production instance with a missing
 * or placeholder secret refuses to start with a message naming the variables.
 */
export const REQUIRED_SECRETS = [
  'APP_KEYS',
  'API_TOKEN_SALT',
  'ADMIN_JWT_SECRET',
  'TRANSFER_TOKEN_SALT',
  'JWT_SECRET',
  'ENCRYPTION_KEY',
] as const;

const PLACEHOLDER = /^(|tobemodified\d*|changeme|change-me|secret|placeholder|example|xxx+)$/i;

export const isPlaceholderSecret = (value: string | undefined): boolean =>
  value === undefined || value.split(',').some((part) => PLACEHOLDER.test(part.trim()) || part.trim().length < 16);

export const assertProductionSecrets = (env: NodeJS.ProcessEnv = process.env): void => {
  if (env.NODE_ENV !== 'production') return;
  const bad = REQUIRED_SECRETS.filter((name) => isPlaceholderSecret(env[name]));
  if (bad.length > 0) {
    throw new Error(
      `Refusing to start in production: ${bad.join(', ')} ${bad.length === 1 ? 'is' : 'are'} missing or a placeholder ` +
        '(each must be a random value of at least 16 characters; APP_KEYS is a comma-separated list of them).'
    );
  }
};
