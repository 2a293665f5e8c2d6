import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { logger } from '../lib/log';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema';
import { acquireDataFolderLock, releaseDataFolderLock } from './lock';

/**
 * Opens the database for one of the three modes (docs/decisions/0001-embedded-database.md): embedded PGlite in a data
 * folder, in-memory PGlite, or PostgreSQL. Scripts and tests use this directly; the app
 * goes through db/client.ts, which keeps one handle per process.
 */
export type Schema = typeof schema;
/**
 * Both drivers are typed as node-postgres: their query builders are the same, and
 * `execute` gives `{ rows }` in both.
 */
export type Db = Omit<NodePgDatabase<Schema>, '$client'>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;
export type DatabaseMode = 'embedded' | 'memory' | 'postgres';

export type DatabaseHandle = {
  db: Db;
  mode: DatabaseMode;
  close: () => Promise<void>;
};

export function modeOf(url: string | undefined): DatabaseMode {
  if (!url) return 'embedded';
  if (url === 'memory:') return 'memory';
  return 'postgres';
}

/**
 * The extensions the migrations create (`CREATE EXTENSION`), which PGlite must be given when it
 * opens: pg_trgm, for the trigram indexes of name search (docs/lists-and-search.md).
 */
const PGLITE_EXTENSIONS = { pg_trgm };

export function openDatabase(url: string | undefined, opts: { dataDir?: string } = {}): DatabaseHandle {
  const mode = modeOf(url);
  if (mode === 'postgres') {
    const pool = new pg.Pool({
      connectionString: url,
      max: 10,
      // A server that does not answer (restarting, or unreachable) fails a request after ten
      // seconds instead of holding it; TCP keepalive finds connections a network dropped.
      connectionTimeoutMillis: 10_000,
      keepAlive: true,
      // No JIT compilation: the portal's queries run in milliseconds, and at a large network's
      // size the planner's estimates pass JIT's threshold, whose compiling then takes tens of
      // milliseconds of every request that runs them (docs/scaling-out.md).
      options: '-c jit=off',
    });
    // The pool listens on its idle connections; a connection that is checked out (a transaction
    // in progress) when the server goes away would emit an error nobody listens to, and that
    // stops Node. Every connection gets a listener of its own: the query in flight fails with
    // the error, and the pool drops the connection when it comes back (docs/scaling-out.md).
    pool.on('connect', (client) => client.on('error', (err) => logger().warn({ reason: err.message }, 'PostgreSQL connection lost')));
    pool.on('error', (err) => logger().warn({ reason: err.message }, 'PostgreSQL pool error'));
    const db = drizzlePg({ client: pool, schema }) as unknown as Db;
    return { db, mode, close: () => pool.end() };
  }
  if (mode === 'memory') {
    const client = new PGlite({ extensions: PGLITE_EXTENSIONS });
    const db = drizzlePglite({ client, schema }) as unknown as Db;
    return { db, mode, close: () => client.close() };
  }
  const dataDir = path.resolve(/*turbopackIgnore: true*/ opts.dataDir ?? '.data/pglite');
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  acquireDataFolderLock(dataDir);
  const client = new PGlite(dataDir, { extensions: PGLITE_EXTENSIONS });
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    db,
    mode,
    close: async () => {
      await client.close();
      releaseDataFolderLock(dataDir);
    },
  };
}
