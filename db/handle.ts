import { env } from '../lib/env';
import { openDatabase, type DatabaseHandle } from './connect';

/**
 * One database handle per server process, opened on first use (never at import time, so
 * `next build` does not open the data folder). Kept on globalThis so that the server's
 * bundles (instrumentation, pages, route handlers) and hot reloads share one handle and its
 * lock instead of opening the folder twice.
 */
const holder = globalThis as unknown as { __portalDb?: DatabaseHandle };

export function getDatabase(): DatabaseHandle {
  holder.__portalDb ??= openDatabase(env.databaseUrl, { dataDir: env.pgliteDir });
  return holder.__portalDb;
}
