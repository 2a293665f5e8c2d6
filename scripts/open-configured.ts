/**
 * Opens the configured database for a command-line script; null (with the reason printed) when
 * another process holds the embedded data folder. `owner`: through DATABASE_OWNER_URL when it is
 * set (migrations, seeding, backup, restore, grants), otherwise DATABASE_URL.
 */
import { openDatabase, type DatabaseHandle } from '../db/connect';
import { DataFolderLockedError } from '../db/lock';
import { env } from '../lib/env';

export function openConfiguredDatabase(as: 'owner' | 'application' = 'application'): DatabaseHandle | null {
  const url = as === 'owner' && env.databaseMode === 'postgres' ? (env.databaseOwnerUrl ?? env.databaseUrl) : env.databaseUrl;
  try {
    return openDatabase(url, { dataDir: env.pgliteDir });
  } catch (e) {
    if (e instanceof DataFolderLockedError) {
      console.error(e.message);
      return null;
    }
    throw e;
  }
}
