/** `npm run audit:verify`: checks the audit log's hash chain in DATABASE_URL (or the embedded database). */
import { openDatabase } from '../db/connect';
import { DataFolderLockedError } from '../db/lock';
import { verifyAuditChain } from '../lib/audit-verify';
import { env } from '../lib/env';

async function main(): Promise<number> {
  let handle;
  try {
    handle = openDatabase(env.databaseUrl, { dataDir: env.pgliteDir });
  } catch (e) {
    if (e instanceof DataFolderLockedError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  }
  try {
    const r = await verifyAuditChain(handle.db);
    if (r.ok) {
      console.log(`Audit chain ok: ${r.entries} entries (${handle.mode}).`);
      return 0;
    }
    console.log(`Audit chain broken at entry ${r.firstBadId}: ${r.reason} (${r.entries} entries read, ${handle.mode}).`);
    return 1;
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(1);
  },
);
