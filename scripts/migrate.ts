/** `npm run db:migrate`: applies the committed migrations to DATABASE_URL (or the embedded database). */
import { openDatabase } from '../db/connect';
import { DataFolderLockedError } from '../db/lock';
import { migrationStatus, runMigrations } from '../db/migrate';
import { env } from '../lib/env';

async function main() {
  let handle;
  try {
    handle = openDatabase(env.databaseUrl, { dataDir: env.pgliteDir });
  } catch (e) {
    if (e instanceof DataFolderLockedError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  try {
    await runMigrations(handle);
    const status = await migrationStatus(handle);
    console.log(`Migrations applied: ${status.applied} of ${status.available} (${handle.mode}).`);
  } finally {
    await handle.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
