import crypto from 'crypto';
import { spawn } from 'child_process';
import { APP_DIR, DIST_DIR } from './strapi';
import type { TestDatabase } from './database';

export interface ClusterInstance {
  /** 'A', 'B', … in start order. */
  name: string;
  baseUrl: string;
  /** NODE_ENV as the instance's Strapi config saw it. */
  environment: string;
  /** What the process wrote to stderr so far (errors, with LOG_LEVEL=error). */
  stderr(): string;
  stop(): Promise<void>;
}

export interface Cluster {
  instances: ClusterInstance[];
  stop(): Promise<void>;
}

/** Fresh random secrets of 32+ characters: production refuses placeholders, and every instance must share them. */
export const randomSecrets = (): Record<string, string> => {
  const secret = () => crypto.randomBytes(24).toString('base64url');
  return {
    APP_KEYS: `${secret()},${secret()}`,
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
  };
};

const BOOT = `
const { createStrapi } = require('@strapi/strapi');
createStrapi({ appDir: ${JSON.stringify(APP_DIR)}, distDir: ${JSON.stringify(DIST_DIR)} }).load().then(async (app) => {
  await app.server.mount();
  app.server.httpServer.listen(0, '127.0.0.1', () =>
    process.stdout.write('LISTENING ' + app.server.httpServer.address().port + ' ' + app.config.get('environment') + '\\n'));
  process.on('SIGTERM', () => app.destroy().then(() => process.exit(0)));
}).catch((error) => { console.error(error); process.exit(1); });
`;

const startInstance = (name: string, env: Record<string, string>): Promise<ClusterInstance> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', BOOT], { cwd: APP_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let exited = false;
    const timer = setTimeout(() => reject(new Error(`instance ${name} did not start: ${stderr}`)), 90_000);
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.on('data', (chunk) => {
      const match = /LISTENING (\d+) (\S+)/.exec(String(chunk));
      if (!match) return;
      clearTimeout(timer);
      resolve({
        name,
        baseUrl: `http://127.0.0.1:${match[1]}`,
        environment: match[2],
        stderr: () => stderr,
        stop: () =>
          new Promise<void>((done) => {
            if (exited) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
          }),
      });
    });
    child.once('exit', (code) => {
      exited = true;
      clearTimeout(timer);
      reject(new Error(`instance ${name} exited with ${code}: ${stderr}`));
    });
  });

/**
 * `count` production Strapi processes on one database, as instances behind a load balancer would
 * be: the same secrets and whatever `env` shares (REDIS_URL, limits). Nothing of the jest process's
 * test environment leaks in except PATH-like basics.
 */
export const startCluster = async (options: {
  count: number;
  database: TestDatabase;
  secrets: Record<string, string>;
  env?: Record<string, string>;
}): Promise<Cluster> => {
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    ...options.database.env,
    ...options.secrets,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    SERVE_ADMIN: 'false',
    STARTUP_MESSAGE: 'false',
    LOG_LEVEL: 'error',
    STRAPI_TELEMETRY_DISABLED: 'true',
    STRAPI_DISABLE_UPDATE_NOTIFICATION: 'true',
    BROWSER: 'false',
    ...options.env,
  };
  const names = Array.from({ length: options.count }, (_, index) => String.fromCharCode(65 + index));
  const started = await Promise.allSettled(names.map((name) => startInstance(name, env)));
  const instances = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const stop = async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
  };
  const failure = started.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failure) {
    await stop();
    throw failure.reason;
  }
  return { instances, stop };
};
