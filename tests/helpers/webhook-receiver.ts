import http from 'http';
import type { AddressInfo } from 'net';

/** Short retries so a test sees several attempts; the loopback receiver allow-listed (SSRF). */
export const WEBHOOK_TEST_ENV = {
  WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
  WEBHOOK_RETRY_BASE_MS: '100',
  WEBHOOK_RETRY_MAX_MS: '300',
  WEBHOOK_TIMEOUT_MS: '1500',
  WEBHOOK_LEASE_SECONDS: '3',
  WEBHOOK_RELAY_INTERVAL_MS: '200',
  PGBOSS_MAINTENANCE_SECONDS: '1',
};

export interface ReceivedWebhook {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  /** This request's number among those carrying the same webhook-id, from 1. */
  nth: number;
  /** The status it was answered with (undefined while held open). */
  status?: number;
}

/** What the receiver does with a request: answer with a status, or hold it open until `release()`. */
export type Behaviour = (request: ReceivedWebhook) => number | 'hang';

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** The most requests carrying one webhook-id that were ever open at the same moment. */
  maxConcurrentPerId(): number;
  behave(behaviour: Behaviour): void;
  /** Answers every held request with 200. */
  release(): void;
  /** Resolves once `predicate` holds for what was received (polling), or rejects after `timeoutMs`. */
  waitFor(predicate: (received: ReceivedWebhook[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** A real HTTP server on a loopback port that records each webhook request and answers as told. */
export const startReceiver = async (options: { answerDelayMs?: number } = {}): Promise<WebhookReceiver> => {
  const received: ReceivedWebhook[] = [];
  const open = new Map<string, number>();
  const held: Array<() => void> = [];
  let maxConcurrent = 0;
  let behaviour: Behaviour = () => 200;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const id = String(req.headers['webhook-id'] ?? '');
      const entry: ReceivedWebhook = {
        id,
        timestamp: String(req.headers['webhook-timestamp'] ?? ''),
        signature: String(req.headers['webhook-signature'] ?? ''),
        body: Buffer.concat(chunks).toString('utf8'),
        nth: received.filter((item) => item.id === id).length + 1,
      };
      received.push(entry);
      open.set(id, (open.get(id) ?? 0) + 1);
      maxConcurrent = Math.max(maxConcurrent, open.get(id)!);
      const answer = (status: number) => {
        open.set(id, open.get(id)! - 1);
        entry.status = status;
        res.writeHead(status, { 'content-type': 'text/plain' }).end('ok');
      };
      const outcome = behaviour(entry);
      if (outcome === 'hang') held.push(() => answer(200));
      else setTimeout(() => answer(outcome), options.answerDelayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    maxConcurrentPerId: () => maxConcurrent,
    behave(next) {
      behaviour = next;
    },
    release() {
      held.splice(0).forEach((answer) => answer());
    },
    async waitFor(predicate, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(received)) {
        if (Date.now() > deadline)
          throw new Error(`the receiver did not get what was expected in ${timeoutMs} ms (got ${received.length})`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async close() {
      held.splice(0).forEach((answer) => answer());
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
