import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * What the fleet specs run on: a PostgreSQL of their own (its own port and data folder, so that
 * it can be restarted without touching anyone else's), one database prepared as production has
 * it (the owner creates the application's role, migrates and loads the demo network), and
 * several production servers (scripts/server.mjs, as `npm start`) sharing it as that role.
 */

/** The first server listens on E2E_PORT (default 3120), the next ones above it; PostgreSQL on E2E_PG_PORT (default 55434). */
export const FIRST_PORT = Number(process.env.E2E_PORT ?? 3120);
export const PG_PORT = Number(process.env.E2E_PG_PORT ?? 55434);
export const ANCHOR_KEY = 'fleet-only-anchor-key-fleet-only-anchor-key';
const SECRET = 'fleet-only-secret-fleet-only-secret-fleet-only';
const APP_ROLE = 'portal_app';
const APP_PASSWORD = 'portal-app-fleet';

function pgBin(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(a) - Number(b)) : [];
  if (!versions.length) throw new Error('No PostgreSQL under /usr/lib/postgresql (set PG_BIN)');
  return path.join(root, versions.at(-1)!, 'bin');
}

const isRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL program as the user postgres when this is root (initdb refuses root), else as this user. */
function asPostgres(program: string, args: string[]): void {
  const bin = path.join(pgBin(), program);
  const run = isRoot ? spawnSync('runuser', ['-u', 'postgres', '--', bin, ...args], { encoding: 'utf8' }) : spawnSync(bin, args, { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${program} ${args.join(' ')} failed (${run.status}): ${run.stderr || run.stdout}`);
}

/** A throwaway PostgreSQL cluster in a temporary folder, as .ci/run starts one. */
export class Postgres {
  readonly root = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-fleet-pg-'));
  private readonly data = path.join(this.root, 'data');
  private readonly log = path.join(this.root, 'log');

  constructor(readonly port: number = PG_PORT) {}

  start(): void {
    fs.mkdirSync(this.data);
    fs.mkdirSync(path.join(this.root, 'sock'));
    if (isRoot) spawnSync('chown', ['-R', 'postgres:postgres', this.root]);
    asPostgres('initdb', ['-D', this.data, '-U', 'postgres', '--auth=trust']);
    this.resume();
  }

  /** `pg_ctl restart` in fast mode: every connection is cut, open transactions roll back. Resolves once it accepts connections again. */
  restart(): Promise<void> {
    const bin = path.join(pgBin(), 'pg_ctl');
    const args = ['-D', this.data, '-m', 'fast', '-l', this.log, '-w', 'restart'];
    const child = isRoot ? spawn('runuser', ['-u', 'postgres', '--', bin, ...args]) : spawn(bin, args);
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    return new Promise((resolve, reject) =>
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`pg_ctl restart failed (${code}): ${err}`)))),
    );
  }

  /** Stops the server (fast: connections cut), leaving its data; `resume` starts it again. */
  pause(): void {
    asPostgres('pg_ctl', ['-D', this.data, '-m', 'fast', '-w', 'stop']);
  }

  resume(): void {
    const options = `-p ${this.port} -h 127.0.0.1 -k ${path.join(this.root, 'sock')} -c max_connections=100`;
    asPostgres('pg_ctl', ['-D', this.data, '-o', options, '-l', this.log, '-w', 'start']);
  }

  stop(): void {
    try {
      asPostgres('pg_ctl', ['-D', this.data, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // not running
    }
    fs.rmSync(this.root, { recursive: true, force: true });
  }

  ownerUrl(db: string): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${db}`;
  }

  appUrl(db: string): string {
    return `postgres://${APP_ROLE}:${APP_PASSWORD}@127.0.0.1:${this.port}/${db}`;
  }

  /** A fresh database with the application's role and its rights, migrated and with the demo network, all as the owner. */
  async prepare(db: string): Promise<void> {
    const admin = new pg.Client({ connectionString: this.ownerUrl('postgres') });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${db}`);
    await admin.end();
    const env = { ...process.env, DATABASE_URL: this.appUrl(db), DATABASE_OWNER_URL: this.ownerUrl(db), AUDIT_ANCHOR_KEY: ANCHOR_KEY };
    for (const args of [
      ['tsx', 'scripts/db-roles.ts'],
      ['tsx', 'scripts/migrate.ts'],
      ['tsx', '--conditions', 'react-server', 'scripts/seed.ts'],
    ]) {
      const run = spawnSync('npx', args, { env, encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`${args.join(' ')} failed: ${run.stderr || run.stdout}`);
    }
  }

  /**
   * Locks rows as the owner in a transaction left open, so that writes needing them wait inside
   * their own transactions; `release` ends it (a restart ends it too).
   */
  async hold(db: string, text: string, values: unknown[] = []): Promise<{ release: () => Promise<void> }> {
    const client = new pg.Client({ connectionString: this.ownerUrl(db) });
    client.on('error', () => undefined);
    await client.connect();
    await client.query('BEGIN');
    await client.query(text, values);
    return { release: () => client.end().catch(() => undefined) };
  }

  /** How many sessions of the database wait for a lock. */
  async lockWaiters(db: string): Promise<number> {
    const [row] = await this.query<{ n: string }>(db, "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'", [db]);
    return Number(row!.n);
  }

  /** Runs SQL as the owner (set-up and checks the specs cannot do through the portal). */
  async query<T extends pg.QueryResultRow>(db: string, text: string, values: unknown[] = []): Promise<T[]> {
    const client = new pg.Client({ connectionString: this.ownerUrl(db) });
    await client.connect();
    try {
      return (await client.query<T>(text, values)).rows;
    } finally {
      await client.end();
    }
  }
}

/** One production server of the fleet, as `npm start` runs it, against the shared database as the application's role. */
export class AppServer {
  private child: ChildProcess | null = null;
  /** Everything it printed, for a failing spec's message. */
  output = '';
  readonly base: string;

  constructor(
    readonly port: number,
    private readonly databaseUrl: string,
    private readonly anchorFile: string,
  ) {
    this.base = `http://127.0.0.1:${port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** True while the process that was started is still running (it was never restarted). */
  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  async start(): Promise<void> {
    const child = spawn(process.execPath, ['scripts/server.mjs', '-p', String(this.port)], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: this.databaseUrl,
        DATABASE_OWNER_URL: '',
        DEMO_SEED: '0',
        NEXTAUTH_URL: this.base,
        NEXTAUTH_SECRET: SECRET,
        AUDIT_ANCHOR_KEY: ANCHOR_KEY,
        // Each server copies the anchors to a file of its own (two appending to one file would race).
        AUDIT_ANCHOR_FILE: this.anchorFile,
        AUDIT_ANCHOR_EVERY: '10',
        SESSION_IDLE_MINUTES: '240',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout!.on('data', (d) => (this.output += d));
    child.stderr!.on('data', (d) => (this.output += d));
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      if (!this.running) throw new Error(`The server on ${this.port} exited:\n${this.output}`);
      try {
        if ((await fetch(`${this.base}/api/health`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 300));
    }
    throw new Error(`The server on ${this.port} did not answer /api/health within two minutes:\n${this.output}`);
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (this.running) child.kill('SIGKILL');
  }
}

/** A database, its PostgreSQL and `count` servers on it, started together. */
export async function startFleet(db: string, count: number): Promise<{ pg: Postgres; servers: AppServer[]; anchorFiles: string[] }> {
  const postgres = new Postgres();
  postgres.start();
  await postgres.prepare(db);
  const anchorFiles = Array.from({ length: count }, (_, i) => path.join(postgres.root, `anchors-${i}.jsonl`));
  const servers = anchorFiles.map((file, i) => new AppServer(FIRST_PORT + i, postgres.appUrl(db), file));
  await Promise.all(servers.map((s) => s.start()));
  return { pg: postgres, servers, anchorFiles };
}

/** `npm run audit:verify` against the database (as the application's role), with an anchor file if given: its exit code and output. */
export function verifyAuditChain(postgres: Postgres, db: string, anchorFile?: string): { status: number | null; output: string } {
  const run = spawnSync('npx', ['tsx', 'scripts/audit-verify.ts', ...(anchorFile ? ['--file', anchorFile] : [])], {
    env: { ...process.env, DATABASE_URL: postgres.appUrl(db), DATABASE_OWNER_URL: '', AUDIT_ANCHOR_KEY: ANCHOR_KEY, AUDIT_ANCHOR_FILE: '' },
    encoding: 'utf8',
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}
