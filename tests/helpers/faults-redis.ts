import fs from 'fs';
import net from 'net';
import os from 'os';
import path from 'path';
import { spawn, type ChildProcess } from 'child_process';
import { whenThisProcessDies } from './faults-watchdog';

/** A redis-server owned by one test file (never the shared one at 6379), without persistence. */
export interface FaultRedis {
  port: number;
  url: string;
  /** Starts it again on the same port; a no-op while it runs. */
  start(): Promise<void>;
  /** Stops it; everything it held is gone (no RDB, no AOF). */
  stop(): Promise<void>;
  /** Stops it for good (afterAll) and removes its directory. */
  remove(): Promise<void>;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

const ping = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const finish = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(500, () => finish(false));
    socket.once('error', () => finish(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (chunk) => finish(String(chunk).startsWith('+PONG')));
  });

const waitFor = async (condition: () => Promise<boolean>, what: string, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

export const startFaultRedis = async (): Promise<FaultRedis> => {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faults-redis-'));
  let child: ChildProcess | null = null;
  let cancelWatchdog = () => undefined as void;

  const start = async () => {
    if (child) return;
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir];
    const started = spawn('redis-server', args, { stdio: 'ignore' });
    child = started;
    started.once('exit', () => (child = null));
    cancelWatchdog = whenThisProcessDies('kill', [String(started.pid)]);
    await waitFor(() => ping(port), `redis-server on ${port}`);
  };

  const stop = async () => {
    const running = child;
    if (!running) return;
    cancelWatchdog();
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGTERM');
    });
    await waitFor(async () => !(await ping(port)), `redis-server on ${port} to stop`);
  };

  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    start,
    stop,
    async remove() {
      await stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
};
