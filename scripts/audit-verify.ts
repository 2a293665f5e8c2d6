/**
 * `npm run audit:verify [-- --file ANCHORS.jsonl]`: checks the audit log's hash chain in
 * DATABASE_URL (or the embedded database) and every signed anchor of it (docs/audit-chain.md):
 * the anchors of the database and those of the anchor file (AUDIT_ANCHOR_FILE, or --file).
 * Exits with 1 when anything does not hold.
 */
import { keyringFromEnv, readAnchorFile } from '../db/audit/anchor';
import { verifyAuditLog, type AnchorProblem } from '../db/audit/anchor-verify';
import { env } from '../lib/env';
import { openConfiguredDatabase } from './open-configured';
import { runScript } from './run-script';

const REASONS: Record<AnchorProblem['reason'], string> = {
  unknown_key: 'signed with a key that is not configured (AUDIT_ANCHOR_KEY, AUDIT_ANCHOR_RETIRED_KEYS)',
  bad_signature: 'the signature does not match: a forged or altered anchor',
  head_missing: 'the anchored entry is gone: the log was cut after it or the entry deleted',
  head_changed: 'the anchored entry has another hash: the chain up to it was rewritten',
  count_mismatch: 'the number of entries up to the anchored one differs: entries were removed or added',
  missing_from_database: 'the anchor file holds an anchor the database no longer has: anchors were deleted',
  differs_from_database: 'the anchor file and the database disagree about this anchor',
};

function fileArgument(): string | undefined {
  const i = process.argv.indexOf('--file');
  return i >= 0 ? process.argv[i + 1] : env.auditAnchor.file;
}

async function main(): Promise<number> {
  const keyring = keyringFromEnv();
  const file = fileArgument();
  const fromFile = file ? readAnchorFile(file) : { anchors: [], unreadable: [] };
  const handle = openConfiguredDatabase();
  if (!handle) return 1;
  try {
    const r = await verifyAuditLog(handle.db, keyring, { fileAnchors: fromFile.anchors });
    const c = r.chain;
    if (c.ok) console.log(`Audit chain ok: ${c.entries} entries (${handle.mode}).`);
    else console.log(`Audit chain broken at entry ${c.firstBadId}: ${c.reason} (${c.entries} entries read, ${handle.mode}).`);
    if (keyring.source === 'development') console.log('Anchors are checked with the development key (AUDIT_ANCHOR_KEY is not set).');
    if (keyring.source === 'none') console.log('AUDIT_ANCHOR_KEY is not set: no anchor signature can be checked.');
    console.log(`Anchors: ${r.anchors.database} in the database${file ? `, ${r.anchors.file} in ${file}` : ''}.`);
    for (const line of fromFile.unreadable) console.log(`  ${file}:${line} is not an anchor.`);
    for (const p of r.problems) {
      console.log(`  anchor ${p.anchorId} (${p.source}, entry ${p.headId}): ${REASONS[p.reason]}${p.detail ? ` (${p.detail})` : ''}.`);
    }
    const last = r.lastGoodAnchor;
    if (last) {
      console.log(
        `Last good anchor: ${last.id} at ${last.at.toISOString()}, entry ${last.headId}, ${last.entryCount} entries, hash ${last.headHash}, key ${last.keyId}; ${r.unanchoredEntries} entries after it.`,
      );
    } else {
      console.log(`No good anchor: none of the ${r.unanchoredEntries} entries is covered by a signed anchor.`);
    }
    return r.ok && fromFile.unreadable.length === 0 ? 0 : 1;
  } finally {
    await handle.close();
  }
}

runScript(main);
