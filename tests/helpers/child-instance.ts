import { spawn, type ChildProcess } from 'child_process';
import { APP_DIR, DIST_DIR } from './strapi';
import { TEST_SECRETS } from './env';

export interface ChildInstance {
  baseUrl: string;
  /** Everything the process wrote to stdout so far: its log lines. */
  output(): string;
  stop(): Promise<void>;
  /** SIGKILL: the process dies on the spot, mid-request, as in a crash. */
  kill(): Promise<void>;
}

// Boots the compiled app in its own process, as a second server behind a load balancer would be.
const BOOT = `
const { createStrapi } = require('@strapi/strapi');
createStrapi({ appDir: ${JSON.stringify(APP_DIR)}, distDir: ${JSON.stringify(DIST_DIR)} }).load().then(async (app) => {
  await app.server.mount();
  app.server.httpServer.listen(0, '127.0.0.1', () => process.stdout.write('LISTENING ' + app.server.httpServer.address().port + '\\n'));
  process.on('SIGTERM', () => app.destroy().then(() => process.exit(0)));
}).catch((error) => { console.error(error); process.exit(1); });
`;

/** A second Strapi process on the same database (and whatever else `env` shares, e.g. REDIS_URL). */
export const startChildInstance = (env: Record<string, string>): Promise<ChildInstance> =>
  new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, ['-e', BOOT], {
      cwd: APP_DIR,
      env: {
        ...process.env,
        ...TEST_SECRETS,
        NODE_ENV: 'test',
        SERVE_ADMIN: 'false',
        STARTUP_MESSAGE: 'false',
        LOG_LEVEL: 'error',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`child instance did not start: ${stderr}`)), 60_000);
    child.stderr?.on('data', (chunk) => (stderr += chunk));
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
      const match = /LISTENING (\d+)/.exec(String(chunk));
      if (!match) return;
      clearTimeout(timer);
      resolve({
        baseUrl: `http://127.0.0.1:${match[1]}`,
        output: () => stdout,
        stop: () =>
          new Promise<void>((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
          }),
        kill: () =>
          new Promise<void>((done) => {
            child.once('exit', () => done());
            child.kill('SIGKILL');
          }),
      });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`child instance exited with ${code}: ${stderr}`));
    });
  });
