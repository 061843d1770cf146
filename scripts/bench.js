#!/usr/bin/env node
'use strict';
/**
 * npm run bench [-- --smoke]: the speed targets of the public thread read, the writes and the
 * moderation queue, measured at newsroom scale against Strapi's own floor (/_health) and the core
 * article list in the same run. Not part of `npm test`.
 *
 * Two data sets, each on a fresh PostgreSQL database with the production server (scripts/bench/
 * server.js) and bulk-SQL data (scripts/bench/data.js): `small` (500 stories, a hot story of 10,000
 * top-level comments and 2,000 replies, a 100,000-comment story) and `large` (10,000 stories, a
 * million comments, 100,000 open reports). autocannon drives each scenario from a second process
 * (scripts/bench/load.js): BENCH_CONNECTIONS (10), a warm-up, then BENCH_SECONDS (10) measured.
 * Prints the table and the targets last, writes docs/benchmarks.md, exits 1 when a target is missed.
 *
 * --smoke (or BENCH_SMOKE=1): a small data set for both, 3 s per scenario, targets printed but not
 * enforced, the table written to .tmp/bench-smoke.md: checks the harness in CI in about two minutes.
 * BENCH_PROFILE=1 starts the server under `node --cpu-prof` (profiles in .tmp/profiles).
 * BENCH_ONLY=health,post,…: only these scenario ids (for profiling one path): prints the table, checks no target.
 */
const { execFile } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { Client } = require('pg');
const Redis = require('ioredis');
const { compile, createDatabase, startServer, redisUrl } = require('./bench/server');
const { generate } = require('./bench/data');
const { tableOf, targetsOf, markdown } = require('./bench/report');

const root = path.resolve(__dirname, '..');
const smoke = process.argv.includes('--smoke') || process.env.BENCH_SMOKE === '1';
const connections = Number(process.env.BENCH_CONNECTIONS || 10);
const seconds = Number(process.env.BENCH_SECONDS || (smoke ? 3 : 10));
const warmupSeconds = smoke ? 1 : 3;
const profileDir = path.join(root, '.tmp', 'profiles');

/** Runs one scenario in the load process; answers its numbers with the server's peak memory. */
const measure = (server, request, options = {}) =>
  new Promise((resolve, reject) => {
    server.resetPeak();
    const cpuBefore = server.cpuMs();
    const scenario = {
      baseUrl: server.baseUrl,
      connections: options.connections ?? connections,
      warmupSeconds,
      seconds,
      request,
    };
    // Through a file: a rotating write's list of comments is too long for a command line.
    const file = path.join(os.tmpdir(), `bench-scenario-${process.pid}.json`);
    fs.writeFileSync(file, JSON.stringify(scenario));
    execFile(
      process.execPath,
      [path.join(__dirname, 'bench', 'load.js'), file],
      { maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        fs.rmSync(file, { force: true });
        if (error) return reject(new Error(`load process failed: ${stderr || error.message}`));
        const result = JSON.parse(stdout.trim().split('\n').pop());
        // Warm-up requests included: they cost the server what measured ones do.
        const requests = result.rps * (seconds + warmupSeconds);
        resolve({ ...result, rss: server.peakRss(), cpuMsPerRequest: (server.cpuMs() - cpuBefore) / requests });
      }
    );
  });

const call = async (server, urlPath, { method = 'GET', body, headers = {} } = {}) => {
  const res = await fetch(`${server.baseUrl}${urlPath}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${urlPath} answered ${res.status}: ${text.slice(0, 300)}`);
  return { headers: res.headers, json: text ? JSON.parse(text) : null };
};

/** JWTs of the data set's readers, a few logins at a time (each one is a password hash). */
const login = async (server, emails, password) => {
  const tokens = [];
  for (let i = 0; i < emails.length; i += 5) {
    const batch = emails.slice(i, i + 5).map(async (identifier) => {
      const { json } = await call(server, '/api/auth/local', { method: 'POST', body: { identifier, password } });
      return json.jwt;
    });
    tokens.push(...(await Promise.all(batch)));
  }
  return tokens;
};

/**
 * A moderator's admin token: the first admin (super admin) invites one with the moderator role and
 * the invitation is accepted, as a newsroom sets its desk up. The queue is measured as the role
 * that works it: Strapi rebuilds a super admin's whole permission set on every admin request.
 */
const moderatorToken = async (server) => {
  const password = 'Bench-Password-1';
  const superAdmin = await call(server, '/admin/register-admin', {
    method: 'POST',
    body: { email: 'bench@newsroom.local', password, firstname: 'Bench', lastname: 'Admin' },
  });
  const asSuperAdmin = { authorization: `Bearer ${superAdmin.json.data.token}` };
  const roles = await call(server, '/admin/roles', { headers: asSuperAdmin });
  const moderator = roles.json.data.find((role) => role.code === 'comments-moderator');
  const invited = await call(server, '/admin/users', {
    method: 'POST',
    headers: asSuperAdmin,
    body: { email: 'moderator@newsroom.local', firstname: 'Bench', lastname: 'Moderator', roles: [moderator.id] },
  });
  const registered = await call(server, '/admin/register', {
    method: 'POST',
    body: {
      registrationToken: invited.json.data.registrationToken,
      userInfo: { firstname: 'Bench', lastname: 'Moderator', password },
    },
  });
  return registered.json.data.token;
};

const threadPath = (story, page = 1) =>
  `/api/comments/threads/${story}?pagination[page]=${page}&pagination[pageSize]=50`;

const rowCount = async (pg, sql, params) => Number((await pg.query(sql, params)).rows[0].count);

/** One data set on its own database and server: its scenarios, in the order that keeps reads unaffected by writes. */
const runDataSet = async (name, scenarios) => {
  const database = await createDatabase(name);
  const pg = new Client({ connectionString: database.url });
  let server;
  try {
    server = await startServer(database, {
      nodeArgs: process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
    });
    await pg.connect();
    const data = await generate(pg, name);
    console.log(
      `data set ${name}: ${data.comments} comments, ${data.openReports} open reports in ${data.seconds.toFixed(1)} s`
    );
    const results = {};
    for (const scenario of scenarios) {
      results[scenario.id] = await scenario.run({ server, data, pg });
      const r = results[scenario.id];
      console.log(
        `  ${scenario.label}: ${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, non-2xx ${r.non2xx}`
      );
      results[scenario.id].label = scenario.label;
      results[scenario.id].expectNon2xx = scenario.expectNon2xx;
    }
    return { data, results, versions: await versionsOf(pg) };
  } finally {
    await server?.stop();
    await pg.end().catch(() => undefined);
    await database.drop();
  }
};

const get = (id, label, pathOf, extra = {}) => ({
  id,
  label,
  ...extra,
  run: async ({ server, data }) => {
    const urlPath = pathOf(data);
    const headers = extra.revalidate ? { 'if-none-match': (await call(server, urlPath)).headers.get('etag') } : {};
    return measure(server, { method: 'GET', path: urlPath, headers }, extra);
  },
});

const baselines = (suffix) => [
  get(`health${suffix}`, `/_health (framework floor)${suffix}`, () => '/_health'),
  get(
    `core${suffix}`,
    `core GET /api/articles?pagination[pageSize]=20${suffix}`,
    () => '/api/articles?pagination[pageSize]=20'
  ),
];

const postComments = {
  id: 'post',
  label: 'POST comment, 10 subscribers rotating',
  run: async ({ server, data, pg }) => {
    const tokens = await login(server, data.subscribers, data.password);
    const tag = `run${Date.now()}`;
    const result = await measure(server, { rotate: 'post-comment', thread: data.hot, tokens, tag });
    result.rows = await rowCount(pg, 'SELECT count(*) FROM comments WHERE body LIKE $1', [`Bench post ${tag} %`]);
    return result;
  },
};

const postReports = {
  id: 'report',
  label: 'POST report, comments and reporters rotating',
  run: async ({ server, data, pg }) => {
    const tokens = await login(server, data.reporters, data.password);
    const result = await measure(server, { rotate: 'report', comments: data.hotComments, tokens });
    result.rows = await rowCount(pg, `SELECT count(*) FROM comment_reports WHERE reporter_name LIKE 'Bench %'`);
    return result;
  },
};

const queue = (id, label, queueConnections) => ({
  id,
  label,
  run: async ({ server }) => {
    // The moderator is set up once per server; both queue scenarios use the same one.
    server.adminToken = server.adminToken ?? (await moderatorToken(server));
    return measure(
      server,
      {
        method: 'GET',
        path: '/comments/moderation/queue?queue=reported&sort=priority',
        headers: { authorization: `Bearer ${server.adminToken}` },
      },
      { connections: queueConnections }
    );
  },
});

const SMALL_SCENARIOS = [
  ...baselines(''),
  get('page1', 'thread page 1 (pageSize 50, replies inline)', (data) => threadPath(data.hot)),
  get('page100', 'thread page 100', (data) => threadPath(data.hot, 100)),
  get('revalidate', 'thread revalidation, If-None-Match → 304', (data) => threadPath(data.hot), {
    revalidate: true,
    expectNon2xx: true,
  }),
  get('huge', 'huge thread (100,000 comments) page 1', (data) => threadPath(data.huge)),
  postComments,
  postReports,
];

const LARGE_SCENARIOS = [
  ...baselines(' [large]'),
  get('largePage1', 'thread page 1 [large: 1M comments]', (data) => threadPath(data.hot)),
  queue('queue1', 'moderation queue page 1 as a moderator, 1 connection [large]', 1),
  queue('queue10', 'moderation queue page 1 as a moderator, 10 connections [large]', 10),
];

const versionsOf = async (pg) => {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  let redisVersion = 'unknown';
  try {
    await redis.connect();
    redisVersion = /redis_version:(\S+)/.exec(await redis.info('server'))?.[1] ?? 'unknown';
  } catch {
    // Reported as unknown.
  } finally {
    redis.disconnect();
  }
  return {
    strapi: require('@strapi/strapi/package.json').version,
    autocannon: require('autocannon/package.json').version,
    postgres: `PostgreSQL ${(await pg.query('SHOW server_version')).rows[0].server_version}`,
    redis: redisVersion,
  };
};

const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : null;
const chosen = (scenarios) => scenarios.filter((scenario) => !only || only.has(scenario.id));

/** BENCH_ONLY: the chosen scenarios of each data set that has any, and their table. */
const runChosen = async () => {
  const rows = [];
  for (const [name, scenarios] of [
    ['small', chosen(SMALL_SCENARIOS)],
    ['large', chosen(LARGE_SCENARIOS)],
  ]) {
    if (scenarios.length === 0) continue;
    const { results } = await runDataSet(smoke ? 'smoke' : name, scenarios);
    rows.push(...scenarios.map((scenario) => results[scenario.id]));
  }
  console.log(`\n${tableOf(rows)}\n`);
};

const main = async () => {
  console.log(`npm run bench${smoke ? ' (smoke)' : ''}: compiling the app`);
  await compile();
  if (only) return runChosen();
  const small = await runDataSet(smoke ? 'smoke' : 'small', SMALL_SCENARIOS);
  const large = await runDataSet(smoke ? 'smoke' : 'large', LARGE_SCENARIOS);
  const results = { ...small.results, ...large.results };
  const rows = [...SMALL_SCENARIOS, ...LARGE_SCENARIOS].map((scenario) => results[scenario.id]);
  const peakRss = Math.max(...rows.map((row) => row.rss));
  const checks = { post: results.post, report: results.report };
  const targets = targetsOf(results, checks, peakRss);
  const table = tableOf(rows);
  const document = markdown({
    date: new Date().toISOString(),
    versions: small.versions,
    settings: `${connections} connections, ${warmupSeconds} s warm-up, ${seconds} s measured per scenario`,
    sets: [small.data, large.data],
    table,
    targets,
    notes: [
      `POST comment: ${checks.post.rows} rows for ${checks.post.ok} 2xx answers; POST report: ${checks.report.rows} rows for ${checks.report.ok} 2xx answers`,
      ...(process.env.BENCH_NOTE ? [process.env.BENCH_NOTE] : []),
    ],
  });
  const output = smoke ? path.join(root, '.tmp', 'bench-smoke.md') : path.join(root, 'docs', 'benchmarks.md');
  fs.mkdirSync(path.dirname(output), { recursive: true });
  fs.writeFileSync(output, document);
  console.log(`\n${table}\n\nwritten to ${path.relative(root, output)}\n`);
  for (const t of targets) console.log(`${t.pass ? 'PASS' : 'MISS'} ${t.label}: ${t.text}`);
  const missed = targets.filter((t) => !t.pass).length;
  if (smoke) console.log(`smoke run: ${missed} target(s) missed, not enforced`);
  else if (missed > 0) process.exitCode = 1;
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
