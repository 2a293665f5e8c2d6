import { BackupError } from '../db/backup/file';

/** Runs a backup script's main function and exits with its code; a BackupError prints its message alone. */
export function runBackupScript(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e instanceof BackupError ? e.message : e instanceof Error ? (e.stack ?? e.message) : e);
      process.exit(1);
    },
  );
}
