'use strict';
/**
 * The load generator, in a process of its own so that it does not share the server's CPU time
 * slices inside one event loop: `node scripts/bench/load.js <scenario.json>` runs a warm-up, then
 * the measured run, with autocannon, and prints one JSON line of results.
 *
 * A scenario is { baseUrl, connections, warmupSeconds, seconds, request } where `request` is
 * { method, path, headers } for a fixed request, or one of the rotating writes:
 * { rotate: 'post-comment', thread, tokens, tag } or { rotate: 'report', comments, tokens }.
 */
const fs = require('fs');
const autocannon = require('autocannon');

const scenario = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
let sequence = 0;

/** Each request of a rotating write is new: the next reader, the next body or comment. */
const ROTATIONS = {
  'post-comment':
    ({ thread, tokens, tag }) =>
    () => {
      const n = sequence++;
      return {
        method: 'POST',
        path: `/api/comments/threads/${thread}`,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[n % tokens.length]}` },
        body: JSON.stringify({ data: { body: `Bench post ${tag} number ${n}: a reader adds a thought.` } }),
      };
    },
  // Comment k % C by reporter floor(k / C): no pair twice, so every report is a new row.
  report:
    ({ comments, tokens }) =>
    () => {
      const n = sequence++;
      return {
        method: 'POST',
        path: `/api/comments/${comments[n % comments.length]}/reports`,
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${tokens[Math.floor(n / comments.length) % tokens.length]}`,
        },
        body: JSON.stringify({ data: { reason: 'spam', note: 'Looks like an advert.' } }),
      };
    },
};

const requestsOf = (request) => (request.rotate ? [{ setupRequest: ROTATIONS[request.rotate](request) }] : [request]);

/** One autocannon run, for `seconds` or, with `amount`, until that many requests have been answered. */
const run = ({ seconds, amount }) =>
  new Promise((resolve, reject) => {
    autocannon(
      {
        url: scenario.baseUrl,
        connections: scenario.connections,
        ...(amount ? { amount } : { duration: seconds }),
        requests: requestsOf(scenario.request),
        timeout: 10,
      },
      (error, result) => (error ? reject(error) : resolve(result))
    );
  });

/**
 * Reads run for a fixed time. Writes run a fixed number of requests, sized from the warm-up's rate
 * to last about as long: a timed run would abandon requests in flight that the server still
 * completes, and the stored rows must add up to the 2xx answers exactly.
 */
const measured = async () => {
  if (!scenario.request.rotate) {
    const warmup = scenario.warmupSeconds > 0 ? await run({ seconds: scenario.warmupSeconds }) : null;
    return { warmup, result: await run({ seconds: scenario.seconds }) };
  }
  const warmup = await run({ amount: scenario.connections * 10 });
  const rate = warmup.requests.total / Math.max(warmup.duration, 0.001);
  const amount = Math.max(scenario.connections * 10, Math.round(rate * scenario.seconds));
  return { warmup, result: await run({ amount }) };
};

(async () => {
  const { warmup, result } = await measured();
  const count = (r) => (r ? r['2xx'] : 0);
  process.stdout.write(
    `${JSON.stringify({
      rps: result.requests.total / result.duration,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
      bytesPerResponse: result.requests.total > 0 ? result.throughput.total / result.requests.total : 0,
      requests: result.requests.total,
      // Every 2xx of the warm-up and the run: a write scenario's rows must add up to these.
      ok: count(warmup) + count(result),
      statuses: { warmup: warmup?.statusCodeStats ?? {}, run: result.statusCodeStats },
    })}\n`
  );
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
