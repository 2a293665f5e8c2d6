/**
 * npm run bench [-- --reset] [-- --requests 20]: loads a generated network (150 carriers, 6,000
 * ventures, ten years of quarterly reports …) into the PostgreSQL of DATABASE_URL, starts the
 * production build (`next start`, so `npm run build` first) on a free port against it, signs in
 * and prints the response times of the main pages. Refuses an embedded database, and a
 * database that holds data unless --reset is given (which drops everything in it).
 * Runs outside Next, so nothing here may import 'server-only'.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import bcrypt from 'bcryptjs';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../db/connect';
import { runMigrations } from '../db/migrate';
import { todayInShanghai } from '../lib/domain/dates';
import { env } from '../lib/env';
import { BENCH_PASSWORD, BENCH_USERS, loadBenchNetwork } from './bench-data';
import { DEMO_TOTP_SECRET, totpCode } from '../lib/totp';
import { measure, printTable, signIn, type Target } from './bench-http';
import { runScript } from './run-script';

const args = process.argv.slice(2);
const reset = args.includes('--reset');
const requests = Number(args[args.indexOf('--requests') + 1]) || 20;

const TARGETS: Target[] = [
  { path: '/api/health', as: null },
  { path: '/login', as: null },
  { path: '/committee', as: 'committee' },
  { path: '/committee/carriers', as: 'committee' },
  { path: '/committee/applications', as: 'committee' },
  { path: '/committee/graduations', as: 'committee' },
  { path: '/committee/warnings', as: 'committee' },
  { path: '/committee/statistics', as: 'committee' },
  { path: '/operator/ventures', as: 'operator' },
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

async function prepareDatabase(url: string): Promise<void> {
  const handle = openDatabase(url);
  try {
    const { rows } = await handle.db.execute<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')`);
    if (Number(rows[0]?.n ?? 0) > 0) {
      if (!reset) throw new Error('The database is not empty. Give an empty one, or pass --reset to drop everything in it.');
      await handle.db.execute(sql`DROP SCHEMA IF EXISTS drizzle CASCADE`);
      await handle.db.execute(sql`DROP SCHEMA public CASCADE`);
      await handle.db.execute(sql`CREATE SCHEMA public`);
    }
    await runMigrations(handle);
    const started = Date.now();
    const counts = await loadBenchNetwork(handle.db, { today: todayInShanghai(), passwordHash: await bcrypt.hash(BENCH_PASSWORD, 10) });
    const list = Object.entries(counts).map(([k, v]) => `${v.toLocaleString('en-US')} ${k}`);
    console.log(`Loaded ${list.join(', ')} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await handle.close();
  }
}

async function main(): Promise<number> {
  const url = env.databaseUrl;
  if (env.databaseMode !== 'postgres' || !url) {
    console.error('npm run bench needs DATABASE_URL=postgres://… (an empty database; --reset empties a used one).');
    return 1;
  }
  if (!fs.existsSync(path.join(process.cwd(), '.next', 'BUILD_ID'))) {
    console.error('No production build: run `npm run build` first.');
    return 1;
  }
  await prepareDatabase(url);

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
    const cookies = {
      committee: await signIn(base, BENCH_USERS.committee, BENCH_PASSWORD, totpCode(DEMO_TOTP_SECRET, new Date())),
      operator: await signIn(base, BENCH_USERS.operator, BENCH_PASSWORD),
    };
    const results = [];
    for (const target of TARGETS) results.push(await measure(base, target, target.as ? cookies[target.as] : '', requests));
    printTable(results, requests);
  } finally {
    server.kill('SIGTERM');
  }
  return 0;
}

runScript(main);
