/**
 * npm run bench [-- --scale N] [-- --compare M] [-- --reset | --reuse] [-- --requests 20] [-- --only statistics,warnings]: loads a generated
 * network — N districts of 150 carriers, 6,000 ventures, ten years of quarterly reports … — into
 * the PostgreSQL of DATABASE_URL, starts the production build (`next start`, so `npm run build`
 * first) on a free port against it, signs in and prints the response times of the main pages.
 * With --compare M it also loads the network of scale M into a second database on the same server
 * (`<database>_s<M>`, created when missing), starts a second server on it and measures both in
 * alternating requests, printing each page's median at both scales and their ratio. Refuses an
 * embedded database, and a database that holds data unless --reset is given (which drops
 * everything in it), or measures the network a previous run loaded when --reuse is given (migrating
 * it and rebuilding its summaries first). --only measures just the pages whose path contains one of
 * the words given. Runs outside Next, so nothing here may import 'server-only'.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import bcrypt from 'bcryptjs';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase } from '../db/connect';
import { runMigrations } from '../db/migrate';
import { todayInShanghai } from '../lib/domain/dates';
import { env } from '../lib/env';
import { BENCH_PASSWORD, BENCH_USERS } from './bench-data';
import { afterLoad, loadBenchNetwork } from './bench-network';
import { compareDatabaseUrl } from './bench-plan';
import { DEMO_TOTP_SECRET, totpCode } from '../lib/totp';
import { measure, printComparison, printTable, signIn, type Server, type Target } from './bench-http';
import { runScript } from './run-script';

const args = process.argv.slice(2);
const reset = args.includes('--reset');
const reuse = args.includes('--reuse');
const option = (name: string) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : undefined);
const requests = option('--requests') || 20;
const scale = option('--scale') ?? 1;
const compare = option('--compare');
const only = args.includes('--only') ? (args[args.indexOf('--only') + 1] ?? '').split(',').filter(Boolean) : null;

const TARGETS: Target[] = [
  { path: '/api/health', as: null },
  { path: '/login', as: null },
  { path: '/committee', as: 'committee' },
  { path: '/committee/carriers', as: 'committee' },
  { path: '/committee/applications', as: 'committee' },
  { path: '/committee/graduations', as: 'committee' },
  { path: '/committee/warnings', as: 'committee' },
  { path: '/committee/statistics', as: 'committee' },
  { path: '/committee/summary', as: 'committee' },
  { path: '/committee/programmes', as: 'committee' },
  { path: '/operator', as: 'operator' },
  { path: '/operator/ventures', as: 'operator' },
  { path: '/operator/reports', as: 'operator' },
  { path: '/operator/applications', as: 'operator' },
  { path: '/operator/graduations', as: 'operator' },
];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(base: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with code ${server.exitCode}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('The server did not answer /api/health within two minutes.');
}

/** Creates the database of a URL when it does not exist, connecting to its server's `postgres` database. */
async function ensureDatabase(url: string): Promise<void> {
  const admin = new URL(url);
  const name = decodeURIComponent(admin.pathname.slice(1));
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

async function prepareDatabase(url: string, atScale: number): Promise<void> {
  const handle = openDatabase(url);
  try {
    const { rows } = await handle.db.execute<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')`);
    if (Number(rows[0]?.n ?? 0) > 0) {
      if (reuse && !reset) {
        await runMigrations(handle);
        await afterLoad(handle);
        await handle.db.execute(sql`ANALYZE`);
        console.log(`${new URL(url).pathname.slice(1)}: measuring the network already loaded (--reuse).`);
        return;
      }
      if (!reset) throw new Error(`${new URL(url).pathname.slice(1)} is not empty. Give an empty database, or pass --reset to drop everything in it.`);
      await handle.db.execute(sql`DROP SCHEMA IF EXISTS drizzle CASCADE`);
      await handle.db.execute(sql`DROP SCHEMA public CASCADE`);
      await handle.db.execute(sql`CREATE SCHEMA public`);
    }
    await runMigrations(handle);
    const started = Date.now();
    const { counts, seconds } = await loadBenchNetwork(url, {
      scale: atScale,
      today: todayInShanghai(),
      passwordHash: await bcrypt.hash(BENCH_PASSWORD, 10),
      log: (line) => console.log(line),
    });
    const t0 = Date.now();
    await afterLoad(handle);
    seconds['after load'] = (Date.now() - t0) / 1000;
    const list = Object.entries(counts).map(([k, v]) => `${v.toLocaleString('en-US')} ${k}`);
    const phases = Object.entries(seconds).map(([k, v]) => `${k} ${v.toFixed(1)} s`);
    console.log(`Scale ${atScale}: loaded ${list.join(', ')} in ${((Date.now() - started) / 1000).toFixed(1)} s (${phases.join(', ')}).`);
  } finally {
    await handle.close();
  }
}

async function startServer(url: string): Promise<{ base: string; server: ChildProcess }> {
  const port = await freePort();
  const base = `http://localhost:${port}`;
  const server = spawn(path.join(process.cwd(), 'node_modules', '.bin', 'next'), ['start', '-p', String(port)], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: url,
      NEXTAUTH_SECRET: randomBytes(32).toString('hex'),
      AUDIT_ANCHOR_KEY: process.env.AUDIT_ANCHOR_KEY ?? randomBytes(32).toString('hex'),
      NEXTAUTH_URL: base,
      DEMO_SEED: '0',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitForHealth(base, server);
  } catch (err) {
    server.kill('SIGTERM');
    throw err;
  }
  return { base, server };
}

async function signedIn(label: string, base: string): Promise<Server> {
  return {
    label,
    base,
    cookies: {
      committee: await signIn(base, BENCH_USERS.committee, BENCH_PASSWORD, totpCode(DEMO_TOTP_SECRET, new Date())),
      operator: await signIn(base, BENCH_USERS.operator, BENCH_PASSWORD),
    },
  };
}

async function main(): Promise<number> {
  const url = env.databaseUrl;
  if (env.databaseMode !== 'postgres' || !url) {
    console.error('npm run bench needs DATABASE_URL=postgres://… (an empty database; --reset empties a used one).');
    return 1;
  }
  if (!Number.isInteger(scale) || scale < 1 || (compare !== undefined && (!Number.isInteger(compare) || compare < 1 || compare >= scale))) {
    console.error('--scale takes a whole number from 1; --compare a smaller one (e.g. --scale 10 --compare 1).');
    return 1;
  }
  if (!fs.existsSync(path.join(process.cwd(), '.next', 'BUILD_ID'))) {
    console.error('No production build: run `npm run build` first.');
    return 1;
  }
  const smallUrl = compare === undefined ? null : compareDatabaseUrl(url, compare);
  if (smallUrl) {
    await ensureDatabase(smallUrl);
    await prepareDatabase(smallUrl, compare!);
  }
  await prepareDatabase(url, scale);

  const started: ChildProcess[] = [];
  try {
    const large = await startServer(url);
    started.push(large.server);
    const small = smallUrl ? await startServer(smallUrl) : null;
    if (small) started.push(small.server);
    const servers = [await signedIn(`s${scale}`, large.base)];
    if (small) servers.unshift(await signedIn(`s${compare}`, small.base));
    const results = [];
    const targets = only ? TARGETS.filter((t) => only.some((word) => t.path.includes(word))) : TARGETS;
    for (const [i, target] of targets.entries()) {
      console.error(`Measuring ${target.path} as ${target.as ?? 'visitor'} (${i + 1} of ${targets.length}) …`);
      results.push(await measure(servers, target, requests));
    }
    console.log('');
    if (small)
      printComparison(
        results.map(([s1, sN]) => ({ small: s1!, large: sN! })),
        { small: compare!, large: scale },
        requests,
      );
    else
      printTable(
        results.map(([r]) => r!),
        requests,
      );
  } finally {
    for (const server of started) server.kill('SIGTERM');
  }
  return 0;
}

runScript(main);
