'use strict';
/**
 * The server under test: a fresh PostgreSQL database, the app compiled once, and the production
 * server (`strapi start`, NODE_ENV=production, LOG_LEVEL=warn, Redis on) on a loopback port, with
 * its resident memory sampled for the whole run.
 */
const { spawn } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const net = require('net');
const path = require('path');
const { Client } = require('pg');

const root = path.resolve(__dirname, '..', '..');
const pgAdminUrl = process.env.TEST_PG_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.BENCH_REDIS_URL || process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';

const secret = () => crypto.randomBytes(24).toString('base64url');

const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });

const admin = async (sql) => {
  const client = new Client({ connectionString: pgAdminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};

/** A database of its own for one data set; `drop` removes it. */
const createDatabase = async (label) => {
  const name = `bench_${label}_${Date.now()}`;
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(pgAdminUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
};

/** Compiles the TypeScript app into dist/ (what `strapi start` runs); the admin panel is not served. */
const compile = async () => {
  const { compileStrapi } = require('@strapi/strapi');
  await compileStrapi({ appDir: root });
};

/** Resident memory (bytes) of a process and its descendants, from /proc. */
const rssOf = (pid) => {
  let total = 0;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
    for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
      const children = fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      for (const child of children ? children.split(/\s+/) : []) total += rssOf(Number(child));
    }
  } catch {
    // The process ended between two reads.
  }
  return total;
};

const TICKS_PER_SECOND = 100;
/** CPU time (ms, user + system, all threads) a process has used, from /proc. */
const cpuMsOf = (pid) => {
  try {
    // Fields after the command name: utime and stime are the 12th and 13th.
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
};

const waitForHealth = async (baseUrl, child, timeoutMs = 120000) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${baseUrl}/_health`);
      if (res.status === 204 || res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('server did not answer /_health in time');
};

/**
 * Starts the production server on `database`; `nodeArgs` (e.g. --cpu-prof) go to its node.
 * Answers its base URL, a memory sampler and `stop`.
 */
const startServer = async (database, { nodeArgs = [] } = {}) => {
  const port = await freePort();
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    // The heap limit docs/deployment.md recommends per instance (BENCH_NODE_OPTIONS to try others):
    // without one V8 lets the heap grow to several times what Strapi keeps alive.
    NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS ?? '--max-old-space-size=448',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_CLIENT: 'postgres',
    DATABASE_URL: database.url,
    REDIS_URL: redisUrl,
    LOG_LEVEL: 'warn',
    SERVE_ADMIN: 'false',
    STARTUP_MESSAGE: 'false',
    STRAPI_TELEMETRY_DISABLED: 'true',
    STRAPI_DISABLE_UPDATE_NOTIFICATION: 'true',
    BROWSER: 'false',
    // Logins of the benchmark's readers from one address; everything else stays as in production.
    AUTH_RATELIMIT_MAX: '1000000',
    APP_KEYS: `${secret()},${secret()}`,
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
  };
  const strapiBin = path.join(root, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');
  const child = spawn(process.execPath, [...nodeArgs, strapiBin, 'start'], {
    cwd: root,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(baseUrl, child);
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, rssOf(child.pid));
    return peak;
  };
  const sampler = setInterval(sample, 250);
  return {
    baseUrl,
    /** The highest resident memory seen since the last `resetPeak`. */
    peakRss: () => sample(),
    /** CPU time the server process has used so far (ms). */
    cpuMs: () => cpuMsOf(child.pid),
    resetPeak: () => {
      peak = 0;
    },
    stop: async () => {
      clearInterval(sampler);
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15000);
      await exited;
      clearTimeout(timer);
    },
  };
};

module.exports = { compile, createDatabase, startServer, redisUrl };
