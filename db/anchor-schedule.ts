/**
 * The server's side of the audit anchors (docs/audit-chain.md): at start and then every
 * AUDIT_ANCHOR_INTERVAL_MINUTES, the chain's head is anchored (nothing is written when it has
 * not moved) and, with AUDIT_ANCHOR_FILE, every anchor not yet in the file is appended to it.
 */
import { anchorHead, anchorSettings, copyAnchorsToFile } from './audit/anchor';
import { env } from '../lib/env';
import type { DatabaseHandle } from './connect';

export class AnchorKeyMissingError extends Error {
  constructor() {
    super(
      'AUDIT_ANCHOR_KEY must be set in production (at least 32 characters, kept outside the database): ' +
        "it signs the audit chain's anchors, without which a cut or rewritten audit log goes unnoticed. " +
        'Generate one with `openssl rand -hex 32` (docs/audit-chain.md).',
    );
    this.name = 'AnchorKeyMissingError';
  }
}

const holder = globalThis as unknown as { __portalAnchorTimer?: NodeJS.Timeout };

export async function anchorNow(handle: DatabaseHandle): Promise<void> {
  const written = await anchorHead(handle.db);
  if (written) console.log(`Audit chain anchored at entry ${written.headId} (${written.entryCount} entries, key ${written.keyId}).`);
  if (env.auditAnchor.file) await copyAnchorsToFile(handle.db, env.auditAnchor.file);
}

/** Throws AnchorKeyMissingError in production without a key; otherwise anchors now and starts the schedule. */
export async function startAuditAnchoring(handle: DatabaseHandle): Promise<void> {
  const { keyring } = anchorSettings();
  if (!keyring.signing) throw new AnchorKeyMissingError();
  if (keyring.source === 'development') console.log('Audit anchors are signed with the development key (AUDIT_ANCHOR_KEY is not set; never in production).');
  const run = () => anchorNow(handle).catch((e: unknown) => console.error('Anchoring the audit chain failed', e));
  await run();
  const minutes = env.auditAnchor.intervalMinutes;
  if (minutes > 0 && !holder.__portalAnchorTimer) {
    holder.__portalAnchorTimer = setInterval(run, minutes * 60_000);
    holder.__portalAnchorTimer.unref();
  }
}
