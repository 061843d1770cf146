#!/usr/bin/env node
'use strict';
/**
 * npm run bench: read-path throughput of a running app on this machine, against Strapi's own
 * baselines. A child process boots the compiled app on a fresh database (SQLite, or PostgreSQL
 * with BENCH_DATABASE=postgres), seeds one article with a 200-comment thread, and listens on a
 * loopback port; this process then drives each endpoint with keep-alive connections
 * (BENCH_CONCURRENCY, default 10) for BENCH_SECONDS (default 5) and prints requests per second
 * and latency percentiles. Targets: the public thread read near /_health, well above the core
 * article list.
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
const usePostgres = process.env.BENCH_DATABASE === 'postgres';
const pgAdminUrl = process.env.TEST_PG_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

const secret = () => crypto.randomBytes(24).toString('base64url');

const databaseEnv = async () => {
  if (!usePostgres) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-bench-'));
    return { env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(dir, 'bench.db') }, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
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

// Runs inside the child: boot, seed a thread, listen.
const SERVER = `
const { createStrapi, compileStrapi } = require('@strapi/strapi');
(async () => {
  const ctx = await compileStrapi({ appDir: process.cwd() });
  const app = await createStrapi(ctx).load();
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
  await app.server.mount();
  app.server.httpServer.listen(0, '127.0.0.1', () => process.stdout.write('READY ' + app.server.httpServer.address().port + ' ' + article.documentId+ '\\n'));
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

const main = async () => {
  const tsc = spawnSync(path.join(root, 'node_modules', '.bin', 'tsc'), ['--noEmit', '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
  if (tsc.status !== 0) process.exit(1);
  const database = await databaseEnv();
  const env = {
    ...process.env,
    ...database.env,
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
  const child = spawn(process.execPath, [...(process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : []), '-e', SERVER], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
  const [port, articleId] = await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      const match = /READY (\d+) (\S+)/.exec(String(chunk));
      if (match) resolve([Number(match[1]), match[2]]);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });

  const threadUrl = `/api/comments/threads/${articleId}`;
  const etag = await new Promise((resolve) => http.get({ host: '127.0.0.1', port, path: threadUrl }, (res) => { res.resume(); resolve(res.headers.etag); }));
  const endpoints = [
    ['/_health (Strapi baseline)', '/_health'],
    ['core article list, 20 (Strapi baseline)', '/api/articles?pagination[pageSize]=20'],
    ['public thread, 25 top-level + replies', threadUrl],
    ['public thread, If-None-Match (304)', threadUrl, { 'If-None-Match': etag }],
  ];
  console.log(`\n${usePostgres ? 'PostgreSQL' : 'SQLite'}, concurrency ${concurrency}, ${seconds} s each\n`);
  const results = [];
  for (const [label, urlPath, headers] of endpoints) {
    const result = await load(port, urlPath, headers);
    results.push(result);
    console.log(`${label.padEnd(44)} ${result.rps.toFixed(0).padStart(6)} req/s   p50 ${result.p50.toFixed(1)} ms   p99 ${result.p99.toFixed(1)} ms   ${JSON.stringify(result.statuses)}`);
  }
  const [health, coreList, thread] = results;
  console.log(`\nthread / _health: ${(thread.rps / health.rps).toFixed(2)}   thread / core list: ${(thread.rps / coreList.rps).toFixed(2)}`);
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  await database.drop();
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
