// Serves the production build for the end-to-end tests: on a fresh embedded database, or, with
// E2E_DATABASE_URL (the application's restricted role) and E2E_DATABASE_OWNER_URL (the owner,
// same database), on a fresh PostgreSQL database that the owner creates, grants and migrates,
// and that the server then uses as the restricted role alone (docs/database-roles.md).
// Builds first unless E2E_SKIP_BUILD=1 (CI builds once, just before).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import readline from 'node:readline';
import pg from 'pg';

export const E2E_DATA_DIR = '.data/e2e/pglite';
const port = process.env.E2E_PORT ?? '3100';
const appUrl = process.env.E2E_DATABASE_URL;
const ownerUrl = process.env.E2E_DATABASE_OWNER_URL;

fs.rmSync('.data/e2e', { recursive: true, force: true });
if (process.env.E2E_SKIP_BUILD !== '1' || !fs.existsSync('.next/BUILD_ID')) {
  const build = spawnSync('npx', ['next', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

/** A fresh database for the run, the application's role and its rights, and the migrations, all as the owner. */
async function preparePostgres() {
  if (!ownerUrl) throw new Error('E2E_DATABASE_URL needs E2E_DATABASE_OWNER_URL (the owner of the same database)');
  const name = decodeURIComponent(new URL(ownerUrl).pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Not a database name the e2e run may recreate: ${name}`);
  const maintenance = new URL(ownerUrl);
  maintenance.pathname = '/postgres';
  const c = new pg.Client({ connectionString: maintenance.toString() });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const env = { ...process.env, DATABASE_URL: appUrl, DATABASE_OWNER_URL: ownerUrl };
  for (const script of ['scripts/db-roles.ts', 'scripts/migrate.ts']) {
    const run = spawnSync('npx', ['tsx', script], { stdio: 'inherit', env });
    if (run.status !== 0) process.exit(run.status ?? 1);
  }
}

if (appUrl) await preparePostgres();

// The portal's own production server (scripts/server.mjs), as `npm start` runs it.
const server = spawn(process.execPath, ['scripts/server.mjs', '-p', port], {
  stdio: ['inherit', 'pipe', 'inherit'],
  env: {
    ...process.env,
    NODE_ENV: 'production',
    // On PostgreSQL the server gets the restricted role only, never the owner's URL.
    DATABASE_URL: appUrl ?? '',
    DATABASE_OWNER_URL: '',
    DEMO_SEED: '1',
    PGLITE_DIR: E2E_DATA_DIR,
    NEXTAUTH_URL: `http://localhost:${port}`,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? 'e2e-only-secret-e2e-only-secret-e2e-only',
    // A test value only (e2e/audit-anchors.spec.ts verifies with the same).
    AUDIT_ANCHOR_KEY: process.env.AUDIT_ANCHOR_KEY ?? 'e2e-only-anchor-key-e2e-only-anchor-key',
    AUDIT_ANCHOR_FILE: '.data/e2e/audit-anchors.jsonl',
    // An anchor every 10 entries, so that a short run makes several.
    AUDIT_ANCHOR_EVERY: process.env.AUDIT_ANCHOR_EVERY ?? '10',
    // The sessions global setup opens are shared by every spec: a whole run may leave one
    // unused for longer than the default 30 minutes. The idle limit itself is tested with the
    // time given (tests/integration/sessions.test.ts).
    SESSION_IDLE_MINUTES: process.env.SESSION_IDLE_MINUTES ?? '240',
    // The token e2e/request-hygiene.spec.ts reads the details of /api/health with.
    HEALTH_TOKEN: process.env.HEALTH_TOKEN ?? 'e2e-health-token-e2e-health-token-0001',
    // The token e2e/operations.spec.ts scrapes /api/metrics with, and the file it reads the
    // server's log lines from (they still go to standard output too).
    METRICS_TOKEN: process.env.METRICS_TOKEN ?? 'e2e-metrics-token-e2e-metrics-token-01',
    LOG_FILE: '.data/e2e/server.log',
  },
});
// The server's JSON lines below warnings (one per request) are in LOG_FILE; the run's output
// keeps the rest: start-up messages, warnings and errors.
readline.createInterface({ input: server.stdout }).on('line', (line) => {
  try {
    if (JSON.parse(line).level < 40) return;
  } catch {
    // Not a log line: passed on as it is.
  }
  process.stdout.write(`${line}\n`);
});
const stop = () => server.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
server.on('exit', (code) => process.exit(code ?? 0));
