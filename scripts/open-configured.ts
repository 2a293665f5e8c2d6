/** Opens the configured database for a command-line script; null (with the reason printed) when another process holds the embedded data folder. */
import { openDatabase, type DatabaseHandle } from '../db/connect';
import { DataFolderLockedError } from '../db/lock';
import { env } from '../lib/env';

export function openConfiguredDatabase(): DatabaseHandle | null {
  try {
    return openDatabase(env.databaseUrl, { dataDir: env.pgliteDir });
  } catch (e) {
    if (e instanceof DataFolderLockedError) {
      console.error(e.message);
      return null;
    }
    throw e;
  }
}
