import { spawn } from 'child_process';

/**
 * Runs `command` once this jest process is gone, unless cancelled first: a fault fixture (a cluster,
 * a redis-server) must not outlive a run killed before its afterAll. Jest's sandboxed `process`
 * never emits 'exit' to test code, hence a small detached shell that polls the pid.
 */
export const whenThisProcessDies = (command: string, args: string[]): (() => void) => {
  const script = 'while kill -0 "$0" 2>/dev/null; do sleep 1; done; exec "$@"';
  const watchdog = spawn('sh', ['-c', script, String(process.pid), command, ...args], {
    detached: true,
    stdio: 'ignore',
  });
  watchdog.unref();
  return () => {
    if (watchdog.exitCode === null) watchdog.kill('SIGTERM');
  };
};
