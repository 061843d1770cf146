import path from 'path';

/**
 * SQLite by default (zero set-up for `npm run demo` and `npm test`); PostgreSQL when
 * DATABASE_CLIENT=postgres. Pool: min 0 so idle instances hold no connections, and a short
 * acquire timeout so an exhausted pool fails fast (knex's default waits a minute).
 */
export default ({ env }) => {
  const client = env('DATABASE_CLIENT', 'sqlite');
  const pool = {
    min: env.int('DATABASE_POOL_MIN', 0),
    max: env.int('DATABASE_POOL_MAX', 10),
    acquireTimeoutMillis: env.int('DATABASE_POOL_ACQUIRE_TIMEOUT', 5000),
    idleTimeoutMillis: env.int('DATABASE_POOL_IDLE_TIMEOUT', 30000),
  };

  if (client === 'postgres') {
    const url = env('DATABASE_URL');
    return {
      connection: {
        client: 'postgres',
        connection: url
          ? {
              connectionString: url,
              ssl: env.bool('DATABASE_SSL', false) && {
                rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true),
              },
            }
          : {
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
        acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 10000),
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
      pool: { min: 1, max: 1, acquireTimeoutMillis: pool.acquireTimeoutMillis },
    },
  };
};
