/** `npm run db:migrate`: applies the committed migrations to DATABASE_URL (or the embedded database). */
import { migrationStatus, runMigrations } from '../db/migrate';
import { openConfiguredDatabase } from './open-configured';

async function main() {
  const handle = openConfiguredDatabase('owner');
  if (!handle) process.exit(1);
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
