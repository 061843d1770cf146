import type request from 'supertest';
import type { Response } from 'supertest';
import { expectErrorEnvelope } from './envelope';

/** No request may hang: a fault has to be answered within a few seconds. */
export const REQUEST_LIMIT_MS = 8000;

export interface TimedResponse {
  res: Response;
  ms: number;
}

/** Sends the request with a hard deadline (a hang fails the test) and measures how long the answer took. */
export const timed = async (req: request.Test, limitMs = REQUEST_LIMIT_MS): Promise<TimedResponse> => {
  const started = Date.now();
  const res = await req.timeout({ response: limitMs, deadline: limitMs });
  return { res, ms: Date.now() - started };
};

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The contract's answer to a database fault: 503 in the envelope with SERVICE_UNAVAILABLE and Retry-After. */
export const expectServiceUnavailable = (res: Response): void => {
  expectErrorEnvelope(res, 503, 'SERVICE_UNAVAILABLE');
  expect(res.body.error.name).toBe('ServiceUnavailableError');
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  expect(res.headers['x-request-id']).toEqual(expect.any(String));
};

export const isServiceUnavailable = (res: { status: number; body: any; headers: Record<string, string> }): boolean =>
  res.status === 503 &&
  res.body?.error?.details?.code === 'SERVICE_UNAVAILABLE' &&
  Number(res.headers['retry-after']) > 0;

/** Polls `attempt` until it returns true; fails with `what` after `timeoutMs`. Returns the time it took. */
export const within = async (
  timeoutMs: number,
  what: string,
  attempt: () => Promise<boolean>,
  pauseMs = 250
): Promise<number> => {
  const started = Date.now();
  while (!(await attempt().catch(() => false))) {
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await sleep(pauseMs);
  }
  return Date.now() - started;
};
