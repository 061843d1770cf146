#!/usr/bin/env node
'use strict';
/**
 * npm run bench [thread|queue]: speed targets, measured on this machine (not asserted in tests).
 *
 * thread: read-path throughput against Strapi's own baselines. A child process boots the compiled
 *   app on a fresh database (SQLite, or PostgreSQL with BENCH_DATABASE=postgres), seeds one article
 *   with a 200-comment thread and listens on a loopback port; this process drives each endpoint
 *   with keep-alive connections (BENCH_CONCURRENCY, default 10) for BENCH_SECONDS (default 5).
 *   Target: the public thread read near /_health, far above the core article list.
 * queue: the moderation queue with 10,000 open reports on PostgreSQL; the first page must come
 *   back in under 100 ms (median of 20 requests).
 */
const { spawn, spawnSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');
const seconds = Number(process.env.BENCH_SECONDS || 5);
const concurrency = Number(process.env.BENCH_CONCURRENCY || 10);
const mode = process.argv[2] || 'all';
const pgAdminUrl = process.env.TEST_PG_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

const secret = () => crypto.randomBytes(24).toString('base64url');

const databaseEnv = async (usePostgres) => {
  if (!usePostgres) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-bench-'));
    return {
      env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(dir, 'bench.db') },
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const { Client } = require('pg');
  const name = `bench_${Date.now()}`;
  const admin = new Client({ connectionString: pgAdminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(pgAdminUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: url.toString() },
    drop: async () => {
      const client = new Client({ connectionString: pgAdminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
};

// Runs inside the child: boot, seed (thread or queue data), listen.
const SERVER = `
const { createStrapi, compileStrapi } = require('@strapi/strapi');
const seedThread = async (app) => {
  const paragraph = (text) => ({ type: 'paragraph', children: [{ type: 'text', text }] });
  const article = await app.documents('api::article.article').create({ status: 'published', data: {
    title: 'Benchmark story', slug: 'benchmark-story', standfirst: 'For the benchmark.', body: [paragraph('Body.')], section: 'World' } });
  for (let i = 0; i < 20; i += 1) await app.documents('api::article.article').create({ status: 'published', data: {
    title: 'Filler ' + i, slug: 'filler-' + i, standfirst: 'Filler.', body: [paragraph('Body.')], section: 'World' } });
  const comments = app.db.query('plugin::comments.comment');
  for (let i = 0; i < 200; i += 1) {
    const top = await comments.create({ data: { body: 'Comment number ' + i + ' with a link https://example.com', threadType: 'api::article.article',
      threadId: article.documentId, authorId: 1, authorName: 'Reader ' + (i % 17), status: 'visible', version: 1 } });
    for (let r = 0; r < i % 5; r += 1) await comments.create({ data: { body: 'Reply ' + r, threadType: 'api::article.article',
      threadId: article.documentId, parentId: top.documentId, authorId: 2, authorName: 'Replier', status: 'visible', version: 1 } });
  }
  return article.documentId;
};
const seedQueue = async (app) => {
  const knex = app.db.connection;
  const reasons = ['abusive', 'harassment', 'hate', 'spam', 'off-topic', 'misinformation', 'illegal', 'other'];
  const severity = { illegal: 4, hate: 3, harassment: 3, abusive: 2 };
  const now = Date.now();
  const comments = [];
  for (let i = 0; i < 2500; i += 1) {
    const at = new Date(now - i * 60000);
    comments.push({ document_id: 'benchc' + i, body: 'Queued comment ' + i, thread_type: 'api::article.article', thread_id: 'story' + (i % 50),
      author_id: 1 + (i % 300), author_name: 'Reader ' + (i % 300), status: i % 25 === 0 ? 'hidden' : 'visible', auto_hidden: i % 25 === 0,
      report_count: 4, severity: severity[reasons[i % 8]] || 1, needs_review: true, first_reported_at: at, last_reported_at: at,
      version: 1, created_at: at, updated_at: at });
  }
  for (let i = 0; i < comments.length; i += 250) await knex('comments').insert(comments.slice(i, i + 250));
  const ids = await knex('comments').select('id', 'document_id');
  const reports = [];
  for (const row of ids) for (let r = 0; r < 4; r += 1) reports.push({ document_id: 'benchr' + row.id + '_' + r, comment_id: row.id,
    comment_document_id: row.document_id, thread_type: 'api::article.article', thread_id: 'story' + (row.id % 50), reporter_id: 1000 + r * 5000 + row.id,
    reason: reasons[(row.id + r) % 8], state: 'open', created_at: new Date(), updated_at: new Date() });
  for (let i = 0; i < reports.length; i += 250) await knex('comment_reports').insert(reports.slice(i, i + 250));
  const role = await app.db.query('admin::role').findOne({ where: { code: 'strapi-super-admin' } });
  await app.service('admin::user').create({ email: 'bench@newsroom.local', password: 'Bench-Password-1', firstname: 'Bench', lastname: 'Admin', isActive: true, roles: [role.id] });
  return String(reports.length);
};
(async () => {
  const ctx = await compileStrapi({ appDir: process.cwd() });
  const app = await createStrapi(ctx).load();
  const seeded = process.env.BENCH_SEED === 'queue' ? await seedQueue(app) : await seedThread(app);
  await app.server.mount();
  app.server.httpServer.listen(0, '127.0.0.1', () => process.stdout.write('READY ' + app.server.httpServer.address().port + ' ' + seeded + '\\n'));
})().catch((error) => { console.error(error); process.exit(1); });
`;

const load = (port, urlPath, headers = {}) =>
  new Promise((resolve) => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
    const latencies = [];
    const statuses = {};
    const deadline = Date.now() + seconds * 1000;
    let running = concurrency;
    const worker = () => {
      if (Date.now() >= deadline) {
        running -= 1;
        if (running === 0) {
          agent.destroy();
          latencies.sort((a, b) => a - b);
          const pick = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] || 0;
          resolve({ rps: latencies.length / seconds, p50: pick(0.5), p99: pick(0.99), statuses });
        }
        return;
      }
      const started = process.hrtime.bigint();
      const req = http.get({ host: '127.0.0.1', port, path: urlPath, agent, headers }, (res) => {
        res.resume();
        res.on('end', () => {
          latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
          statuses[res.statusCode] = (statuses[res.statusCode] || 0) + 1;
          worker();
        });
      });
      req.on('error', () => worker());
    };
    for (let i = 0; i < concurrency; i += 1) worker();
  });

const request = (port, options, body) =>
  new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = http.request({ host: '127.0.0.1', port, ...options }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode,
          headers: res.headers,
          text,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
        })
      );
    });
    req.on('error', reject);
    if (body) req.end(JSON.stringify(body));
    else req.end();
  });

/** Boots the app in a child process on a fresh database seeded for `seed`; returns its port and seed output. */
const startServer = async (seed, usePostgres) => {
  const database = await databaseEnv(usePostgres);
  const env = {
    ...process.env,
    ...database.env,
    BENCH_SEED: seed,
    NODE_ENV: 'production',
    APP_KEYS: [secret(), secret()].join(','),
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
    SERVE_ADMIN: 'false',
    STARTUP_MESSAGE: 'false',
    LOG_LEVEL: 'warn',
  };
  const child = spawn(
    process.execPath,
    [...(process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : []), '-e', SERVER],
    { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] }
  );
  const [port, seeded] = await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      const match = /READY (\d+) (\S+)/.exec(String(chunk));
      if (match) resolve([Number(match[1]), match[2]]);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  const stop = async () => {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await database.drop();
  };
  return { port, seeded, stop };
};

const benchThread = async () => {
  const usePostgres = process.env.BENCH_DATABASE === 'postgres';
  const { port, seeded: articleId, stop } = await startServer('thread', usePostgres);
  const threadUrl = `/api/comments/threads/${articleId}`;
  const { headers } = await request(port, { path: threadUrl });
  const endpoints = [
    ['/_health (Strapi baseline)', '/_health'],
    ['core article list, 20 (Strapi baseline)', '/api/articles?pagination[pageSize]=20'],
    ['public thread, 25 top-level + replies', threadUrl],
    ['public thread, If-None-Match (304)', threadUrl, { 'If-None-Match': headers.etag }],
  ];
  console.log(
    `\nPublic thread read: ${usePostgres ? 'PostgreSQL' : 'SQLite'}, concurrency ${concurrency}, ${seconds} s each\n`
  );
  const results = [];
  for (const [label, urlPath, extraHeaders] of endpoints) {
    const result = await load(port, urlPath, extraHeaders);
    results.push(result);
    console.log(
      `${label.padEnd(44)} ${result.rps.toFixed(0).padStart(6)} req/s   p50 ${result.p50.toFixed(1)} ms   p99 ${result.p99.toFixed(1)} ms   ${JSON.stringify(result.statuses)}`
    );
  }
  const [health, coreList, thread] = results;
  console.log(
    `\nthread / _health: ${(thread.rps / health.rps).toFixed(2)}   thread / core list: ${(thread.rps / coreList.rps).toFixed(2)}`
  );
  await stop();
};

const benchQueue = async () => {
  const { port, seeded, stop } = await startServer('queue', true);
  const login = await request(
    port,
    { path: '/admin/login', method: 'POST', headers: { 'Content-Type': 'application/json' } },
    { email: 'bench@newsroom.local', password: 'Bench-Password-1' }
  );
  const token = JSON.parse(login.text).data.token;
  const timings = {};
  for (const query of [
    'queue=reported&sort=priority',
    'queue=all&sort=priority',
    'queue=reported&sort=oldest&reason=hate',
  ]) {
    const samples = [];
    for (let i = 0; i < 22; i += 1) {
      const res = await request(port, {
        path: `/comments/moderation/queue?${query}`,
        headers: { Authorization: `Bearer ${token}` },
      });
      if (res.status !== 200) throw new Error(`queue answered ${res.status}: ${res.text}`);
      if (i >= 2) samples.push(res.ms);
    }
    samples.sort((a, b) => a - b);
    timings[query] = {
      median: samples[Math.floor(samples.length / 2)],
      p95: samples[Math.floor(samples.length * 0.95)],
    };
  }
  console.log(`\nModeration queue, PostgreSQL, ${seeded} open reports: first page (25 rows), 20 requests each\n`);
  let pass = true;
  for (const [query, { median, p95 }] of Object.entries(timings)) {
    pass = pass && median < 100;
    console.log(
      `${query.padEnd(44)} median ${median.toFixed(1)} ms   p95 ${p95.toFixed(1)} ms   ${median < 100 ? 'PASS' : 'FAIL'} (< 100 ms)`
    );
  }
  await stop();
  return pass;
};

const main = async () => {
  const tsc = spawnSync(path.join(root, 'node_modules', '.bin', 'tsc'), ['--noEmit', '-p', 'tsconfig.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (tsc.status !== 0) process.exit(1);
  if (mode === 'all' || mode === 'thread') await benchThread();
  if (mode === 'all' || mode === 'queue') {
    if (!(await benchQueue())) process.exitCode = 1;
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
