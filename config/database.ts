import path from 'path';

/**
 * SQLite by default (zero set-up for `npm run demo` and `npm test`); PostgreSQL when
 * DATABASE_CLIENT=postgres. Every wait is bounded so a sick database fails fast, as a 503 (see
 * src/platform/faults.ts), instead of holding readers' requests: pool acquire (knex's default
 * waits a minute), connecting, each statement, and each lock wait (a locked table would otherwise
 * hold reads until the lock goes).
 */
export default ({ env }) => {
  const client = env('DATABASE_CLIENT', 'sqlite');
  const acquireTimeout = env.int('DATABASE_POOL_ACQUIRE_TIMEOUT', 3000);
  const pool = {
    min: env.int('DATABASE_POOL_MIN', 0),
    max: env.int('DATABASE_POOL_MAX', 10),
    acquireTimeoutMillis: acquireTimeout,
    createTimeoutMillis: acquireTimeout,
    idleTimeoutMillis: env.int('DATABASE_POOL_IDLE_TIMEOUT', 30000),
  };
  const timeouts = {
    connectionTimeoutMillis: env.int('DATABASE_CONNECT_TIMEOUT', 3000),
    statement_timeout: env.int('DATABASE_STATEMENT_TIMEOUT', 5000),
    lock_timeout: env.int('DATABASE_LOCK_TIMEOUT', 2000),
    idle_in_transaction_session_timeout: env.int('DATABASE_IDLE_IN_TRANSACTION_TIMEOUT', 10000),
  };

  if (client === 'postgres') {
    const url = env('DATABASE_URL');
    return {
      connection: {
        client: 'postgres',
        connection: url
          ? {
              ...timeouts,
              connectionString: url,
              ssl: env.bool('DATABASE_SSL', false) && {
                rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true),
              },
            }
          : {
              ...timeouts,
              host: env('DATABASE_HOST', '127.0.0.1'),
              port: env.int('DATABASE_PORT', 5432),
              database: env('DATABASE_NAME', 'strapi'),
              user: env('DATABASE_USERNAME', 'postgres'),
              password: env('DATABASE_PASSWORD', ''),
              ssl: env.bool('DATABASE_SSL', false) && {
                rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true),
              },
              schema: env('DATABASE_SCHEMA', 'public'),
            },
        pool,
        acquireConnectionTimeout: acquireTimeout,
      },
    };
  }

  if (client !== 'sqlite') {
    throw new Error(`DATABASE_CLIENT must be "sqlite" or "postgres", not "${client}".`);
  }

  const filename = env('DATABASE_FILENAME', '.tmp/data.db');
  return {
    connection: {
      client: 'sqlite',
      connection: {
        // Relative paths are relative to the project root, absolute ones are used as given.
        filename: path.isAbsolute(filename) ? filename : path.join(__dirname, '..', '..', filename),
      },
      useNullAsDefault: true,
      pool: { min: 1, max: 1, acquireTimeoutMillis: acquireTimeout },
    },
  };
};
