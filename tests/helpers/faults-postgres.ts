import crypto from 'crypto';
import fs from 'fs';
import net from 'net';
import { execFile } from 'child_process';
import { promisify } from 'util';
import { Client } from 'pg';
import type { TestDatabase } from './database';
import { whenThisProcessDies } from './faults-watchdog';

const PG_VERSION = '15';
const NAME_PREFIX = 'faults_';
const run = promisify(execFile);

/** A table held in ACCESS EXCLUSIVE mode by a transaction of its own until `release()`. */
export interface TableLock {
  release(): Promise<void>;
}

/** A PostgreSQL 15 cluster owned by one test file, which may stop, start and lock it at will. */
export interface FaultCluster {
  name: string;
  port: number;
  /** For bootStrapi's `database` option: DATABASE_URL points at this cluster. */
  database: TestDatabase;
  stop(): Promise<void>;
  start(): Promise<void>;
  restart(): Promise<void>;
  lock(table: string): Promise<TableLock>;
  /** Runs one statement on Strapi's database as the superuser (fault fixtures such as triggers). */
  sql(text: string): Promise<void>;
  drop(): Promise<void>;
}

const ctl = (action: 'start' | 'stop' | 'restart', name: string) =>
  run('pg_ctlcluster', ['--skip-systemctl-redirect', PG_VERSION, name, action]);

const listClusters = async (): Promise<{ name: string; port: number }[]> => {
  const { stdout } = await run('pg_lsclusters', ['-h']);
  return stdout
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => fields.length >= 3)
    .map(([, name, port]) => ({ name, port: Number(port) }));
};

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Clusters left behind by a test process that died before its afterAll (the name carries its pid). */
const dropAbandonedClusters = async (clusters: { name: string }[]) => {
  for (const { name } of clusters) {
    const pid = Number(new RegExp(`^${NAME_PREFIX}(\\d+)_`).exec(name)?.[1]);
    if (pid && !isAlive(pid)) await run('pg_dropcluster', ['--stop', PG_VERSION, name]).catch(() => undefined);
  }
};

const portIsFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

const freeClusterPort = async (taken: number[]): Promise<number> => {
  const candidates = Array.from({ length: 100 }, (_, index) => 5400 + index).filter(
    (port) => port !== 5432 && !taken.includes(port)
  );
  for (const port of candidates.sort(() => Math.random() - 0.5)) {
    if (await portIsFree(port)) return port;
  }
  throw new Error('no free port in 5400-5499 for a PostgreSQL cluster');
};

// Trust on loopback and the local socket only, like scripts/ensure-services.sh sets up the main cluster.
const PG_HBA = ['local all all trust', 'host all all 127.0.0.1/32 trust', 'host all all ::1/128 trust', ''].join('\n');

const withClient = async <T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> => {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
};

const quoteIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Opens its own connection, BEGINs and takes `LOCK TABLE ... IN ACCESS EXCLUSIVE MODE` until released. */
export const lockTable = async (connectionString: string, table: string): Promise<TableLock> => {
  const client = new Client({ connectionString });
  // The server may go away while the lock is held (a stopped cluster): that ends the lock, nothing more.
  client.on('error', () => undefined);
  await client.connect();
  await client.query('BEGIN');
  await client.query(`LOCK TABLE ${quoteIdentifier(table)} IN ACCESS EXCLUSIVE MODE`);
  return {
    async release() {
      await client.query('ROLLBACK').catch(() => undefined);
      await client.end().catch(() => undefined);
    },
  };
};

const waitUntilAccepting = async (url: string, timeoutMs = 15_000) => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await withClient(url, (client) => client.query('SELECT 1'));
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
};

/**
 * Creates and starts a PostgreSQL 15 cluster of this test's own (never the shared one at 5432) with
 * an empty database for Strapi. pg_createcluster and pg_ctlcluster run as root here and hand the
 * server to the `postgres` user. Call `drop()` in afterAll; a watchdog drops it if this process dies first.
 */
export const createFaultCluster = async (): Promise<FaultCluster> => {
  const existing = await listClusters();
  await dropAbandonedClusters(existing.filter(({ name }) => name.startsWith(NAME_PREFIX)));
  const name = `${NAME_PREFIX}${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
  const port = await freeClusterPort(existing.map((cluster) => cluster.port));

  // fsync off: a clean stop still writes every committed row, and the shared machine's disk is spared.
  const settings = ['-o', 'fsync=off'];
  await run('pg_createcluster', [PG_VERSION, name, '--port', String(port), ...settings]);
  const cancelWatchdog = whenThisProcessDies('pg_dropcluster', ['--stop', PG_VERSION, name]);
  const drop = async () => {
    cancelWatchdog();
    await run('pg_dropcluster', ['--stop', PG_VERSION, name]);
  };
  fs.writeFileSync(`/etc/postgresql/${PG_VERSION}/${name}/pg_hba.conf`, PG_HBA);

  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const url = `postgres://postgres@127.0.0.1:${port}/newsroom`;
  const start = async () => {
    await ctl('start', name);
    await waitUntilAccepting(adminUrl);
  };
  try {
    await start();
    await withClient(adminUrl, (client) => client.query('CREATE DATABASE newsroom'));
  } catch (error) {
    await drop().catch(() => undefined);
    throw error;
  }

  return {
    name,
    port,
    database: {
      client: 'postgres',
      name: `${name}/newsroom`,
      env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: url },
      // The whole cluster goes in drop().
      drop: async () => undefined,
    },
    stop: async () => {
      await ctl('stop', name);
    },
    start,
    restart: async () => {
      await ctl('restart', name);
      await waitUntilAccepting(adminUrl);
    },
    lock: (table) => lockTable(url, table),
    sql: async (text) => {
      await withClient(url, (client) => client.query(text));
    },
    drop,
  };
};
