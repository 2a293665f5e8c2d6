/**
 * `npm run db:backup [FILE]`: writes the whole database named by DATABASE_URL (unset: the
 * embedded database in PGLITE_DIR or .data/pglite) to FILE, by default
 * backups/<mode>-<timestamp>.ndjson.gz. The embedded database is refused while the app runs.
 */
import { backupDatabase } from '../db/backup/dump';
import { defaultBackupPath } from '../db/backup/file';
import { openConfiguredDatabase } from './open-configured';
import { runBackupScript } from './backup-cli';

runBackupScript(async () => {
  const handle = openConfiguredDatabase('owner');
  if (!handle) return 1;
  try {
    if (handle.mode === 'memory') {
      console.error('An in-memory database lives only inside its process; there is nothing to back up.');
      return 1;
    }
    const file = process.argv[2] || defaultBackupPath(handle.mode);
    const started = Date.now();
    const summary = await backupDatabase(handle.db, file, handle.mode);
    const total = summary.tables.reduce((n, t) => n + t.rows, 0);
    console.log(
      `Backed up the ${handle.mode} database to ${file}: ${summary.tables.length} tables, ${total} rows, in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    );
    return 0;
  } finally {
    await handle.close();
  }
});
