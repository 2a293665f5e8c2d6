import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle, Db } from '@/db/connect';
import { backupDatabase } from '@/db/backup/dump';
import { listTables } from '@/db/backup/catalog';
import { defaultBackupPath, NotABackupError, readBackupFile } from '@/db/backup/file';
import { BackupMismatchError, restoreDatabase } from '@/db/backup/restore';
import { lockFileFor } from '@/db/lock';
import { seedDemo } from '@/db/seed/demo';
import { auditLog, carriers, graduationFiles, graduations, notifications, users } from '@/db/schema';
import { writeAuditEntries, type Actor } from '@/db/audit';
import { verifyAuditChain } from '@/db/audit/verify';
import { makeUser } from '../helpers/fixtures';
import { openTestDatabase } from '../helpers/db';

/** bcrypt hash of 'demo1234demo' (cost 10), precomputed. */
const PASSWORD_HASH = '$2b$10$SV6dqfE.EJ.i0NSZgSME0es1a7ffRbixznxQK/Nc93mj6dAwuBw/S';
const ALL_BYTES = Uint8Array.from({ length: 256 }, (_, i) => i);

let handle: DatabaseHandle;
let db: Db;
let dir: string;
let actor: Actor;

/** Every row of every table, as the database itself renders it, in primary-key order. */
async function contents(): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of await listTables(db)) {
    const order = sql.join(
      t.primaryKey.map((c) => sql.identifier(c)),
      sql`, `,
    );
    const res = await db.execute<{ j: string }>(sql`SELECT to_jsonb(t)::text AS j FROM ${sql.identifier(t.name)} t ORDER BY ${order}`);
    out[t.name] = res.rows.map((r) => r.j);
  }
  return out;
}

async function nextIds(): Promise<Record<string, number>> {
  const res = await db.execute<{ name: string; v: string }>(
    sql`SELECT c.relname AS name, pg_sequence_last_value(c.oid)::text AS v FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'S'`,
  );
  return Object.fromEntries(res.rows.map((r) => [r.name, Number(r.v ?? 0)]));
}

async function audit(action: string, entityId: number, after: unknown) {
  await db.transaction((tx) => writeAuditEntries(tx, actor, [{ action, entity: 'carrier', entityId, after }]));
}

beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-backup-'));
  await seedDemo(db, { today: new Date('2026-11-26'), passwordHash: PASSWORD_HASH });
  const admin = await makeUser(db, 'admin');
  actor = { userId: admin.id, role: 'admin', ip: '10.0.0.1' };
  const [graduation] = await db.select({ id: graduations.id }).from(graduations).limit(1);
  await db.insert(graduationFiles).values({
    graduationId: graduation!.id,
    fileName: '证书 scan.pdf',
    mimeType: 'application/pdf',
    sizeBytes: ALL_BYTES.length,
    sha256: 'x'.repeat(64),
    content: ALL_BYTES,
  });
  await db.insert(notifications).values({ userId: admin.id, kind: 'test', params: { name: '浦东 "quoted" \\ 𝌆', n: 9007199254740991 } });
  await audit('carrier.update', 1, { name: '张江\t第一\n行', mentors: 12 });
  await audit('carrier.update', 2, { nested: { list: [1, 'two', null] } });
});

afterAll(async () => {
  await handle?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('brings back exactly the data, the sequences and a verifying audit chain after changes', async () => {
    const before = await contents();
    const idsBefore = await nextIds();
    const file = path.join(dir, 'full.ndjson.gz');
    const summary = await backupDatabase(db, file, handle.mode);
    expect(summary.tables.find((t) => t.name === 'audit_log')?.rows).toBe(2);

    const [carrier] = await db.select().from(carriers).orderBy(carriers.id).limit(1);
    await db.update(carriers).set({ name: '改过的名称' }).where(eq(carriers.id, carrier!.id));
    const intruder = await makeUser(db, 'committee');
    await db.delete(graduationFiles);
    await audit('carrier.update', carrier!.id, { name: '改过的名称' });
    expect(await contents()).not.toEqual(before);

    const restored = await restoreDatabase(db, readBackupFile(file));
    expect(restored.tables.find((t) => t.name === 'ventures')?.rows).toBe(before.ventures!.length);

    expect(await contents()).toEqual(before);
    expect(await nextIds()).toEqual(idsBefore);
    const [again] = await db.select().from(carriers).where(eq(carriers.id, carrier!.id));
    expect(again!.name).toBe(carrier!.name);
    expect(await db.select().from(users).where(eq(users.id, intruder.id))).toEqual([]);
    const [stored] = await db.select().from(graduationFiles);
    expect(Array.from(stored!.content)).toEqual(Array.from(ALL_BYTES));
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, entries: 2 });

    // The chain goes on from the restored end, and the audit log is append-only again.
    await audit('carrier.update', 3, { after: 'restore' });
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, entries: 3 });
    await expect(db.delete(auditLog)).rejects.toThrow();
  });

  it('refuses files that are not complete backups and changes nothing', async () => {
    const before = await contents();
    const good = path.join(dir, 'good.ndjson.gz');
    await backupDatabase(db, good, handle.mode);
    const lines = zlib.gunzipSync(fs.readFileSync(good)).toString('utf8').trimEnd().split('\n');
    const write = (name: string, data: Buffer | string) => {
      const f = path.join(dir, name);
      fs.writeFileSync(f, data);
      return f;
    };
    const gz = (text: string) => zlib.gzipSync(text);
    const bad = [
      write('plain.txt', 'id,name\n1,x\n'),
      write('other.gz', gz('{"hello": "world"}\n')),
      write('truncated.gz', gz(lines.slice(0, -1).join('\n'))),
      write('miscounted.gz', gz([...lines.slice(0, 3), ...lines.slice(4)].join('\n'))),
      write('newer.gz', gz([lines[0]!.replace('"version":1', '"version":99'), ...lines.slice(1)].join('\n'))),
    ];
    for (const f of bad) expect(() => readBackupFile(f), f).toThrow(NotABackupError);

    const header = JSON.parse(lines[0]!.slice(2)) as { migrations: { hash: string }[] };
    header.migrations[0]!.hash = 'f'.repeat(64);
    const foreign = write('foreign.gz', gz([`H ${JSON.stringify(header)}`, ...lines.slice(1)].join('\n')));
    await expect(restoreDatabase(db, readBackupFile(foreign))).rejects.toThrow(BackupMismatchError);
    expect(await contents()).toEqual(before);
  });

  it('names backups by mode and time', () => {
    expect(defaultBackupPath('embedded', new Date('2026-11-26T13:05:09.123Z'))).toBe(path.join('backups', 'embedded-20261126T130509Z.ndjson.gz'));
  });
});

describe('the commands', () => {
  const run = (script: string, args: string[], dataDir: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', `scripts/${script}`, ...args], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: '', PGLITE_DIR: dataDir },
    });

  it('refuse an embedded database that a running process holds', () => {
    const dataDir = path.join(dir, 'held');
    fs.writeFileSync(lockFileFor(dataDir), JSON.stringify({ pid: process.pid, command: 'next-server', startedAt: new Date().toISOString() }));
    const backup = run('db-backup.ts', [path.join(dir, 'x.ndjson.gz')], dataDir);
    expect(backup.status).toBe(1);
    expect(backup.stderr).toContain(`in use by process ${process.pid}`);
    expect(fs.existsSync(path.join(dir, 'x.ndjson.gz'))).toBe(false);
    const restore = run('db-restore.ts', [path.join(dir, 'good.ndjson.gz')], dataDir);
    expect(restore.status).toBe(1);
    expect(restore.stderr).toContain(`in use by process ${process.pid}`);
  });

  it('refuse to restore a file that is not a backup', () => {
    const restore = run('db-restore.ts', [path.join(dir, 'plain.txt')], path.join(dir, 'unused'));
    expect(restore.status).toBe(1);
    expect(restore.stderr).toContain('is not a backup of this portal');
    expect(fs.existsSync(path.join(dir, 'unused'))).toBe(false);
  });
});
