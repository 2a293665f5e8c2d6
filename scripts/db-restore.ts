/**
 * `npm run db:restore FILE`: replaces the whole database named by DATABASE_URL (unset: the
 * embedded database) with the backup in FILE. It asks nothing: whatever the database held is
 * replaced. The embedded database is refused while the app runs; a file that is not a
 * complete backup is refused before anything is changed.
 */
import { readBackupFile } from '../db/backup/file';
import { restoreDatabase } from '../db/backup/restore';
import { applicationRoleFromEnv, grantApplicationRole } from '../db/roles';
import { verifyAuditChain } from '../db/audit/verify';
import { openConfiguredDatabase } from './open-configured';
import { runBackupScript } from './backup-cli';

runBackupScript(async () => {
  const file = process.argv[2];
  if (!file) {
    console.error('Usage: npm run db:restore FILE');
    return 1;
  }
  const backup = readBackupFile(file);
  const handle = openConfiguredDatabase('owner');
  if (!handle) return 1;
  try {
    if (handle.mode === 'memory') {
      console.error('An in-memory database lives only inside this process; restoring into it would be lost at once.');
      return 1;
    }
    const summary = await restoreDatabase(handle.db, backup);
    console.log(`Restored ${file} (taken ${backup.header.createdAt} from the ${backup.header.source} database) into the ${handle.mode} database:`);
    console.log(`  schema at migration ${summary.migrations}, ${summary.sequences} sequences`);
    for (const t of summary.tables) console.log(`  ${t.name.padEnd(28)} ${t.rows}`);
    // The schema was built again: the application's role gets its rights on it again.
    const role = applicationRoleFromEnv();
    if (role) {
      await grantApplicationRole(handle.db, role);
      console.log(`  rights of the application's role ${role} applied again`);
    }
    const chain = await verifyAuditChain(handle.db);
    if (!chain.ok) {
      console.error(`The restored audit log does not verify: entry ${chain.firstBadId}: ${chain.reason}.`);
      return 1;
    }
    console.log(`Audit chain ok: ${chain.entries} entries.`);
    return 0;
  } finally {
    await handle.close();
  }
});
