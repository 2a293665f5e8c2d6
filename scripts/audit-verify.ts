/** `npm run audit:verify`: checks the audit log's hash chain in DATABASE_URL (or the embedded database). */
import { verifyAuditChain } from '../lib/audit-verify';
import { openConfiguredDatabase } from './open-configured';

async function main(): Promise<number> {
  const handle = openConfiguredDatabase();
  if (!handle) return 1;
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
