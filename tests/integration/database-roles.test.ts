import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count, eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '@/db/connect';
import { migrationStatus, runMigrations } from '@/db/migrate';
import { updateCarrierProfile } from '@/db/queries/carriers/carriers';
import { describeRole, grantApplicationRole } from '@/db/roles';
import { auditAnchors, auditLog, carriers } from '@/db/schema';
import { anchorHead, keyringOf, setAnchorSettings } from '@/db/audit/anchor';
import { verifyAuditLog } from '@/db/audit/anchor-verify';
import { writeAudit, type Actor } from '@/db/audit/chain';
import { carrierProfileInput } from '@/lib/validation/carrier';
import { bindOperator, makeCarrier, makeUser } from '../helpers/fixtures';
import { openTestDatabase, postgresUrl } from '../helpers/db';

/**
 * The application's restricted role (docs/database-roles.md), on PostgreSQL only: PGlite has a
 * single user and no roles, so these tests are skipped there. The owner is the test database's
 * own user; the application's role is made by `npm run db:roles`.
 */
const KEY = { id: 'roles-test', secret: 'roles-test-anchor-key-roles-test-anchor' };
const ROLE = `portal_rt_app_${randomBytes(4).toString('hex')}`;
const PASSWORD = `pw-${randomBytes(12).toString('hex')}'"`;

let owner: DatabaseHandle;
let app: DatabaseHandle;
let appOpen = false;
let ownerUrl: URL;
let appUrl: URL;
let actor: Actor;
let scope: { kind: 'carriers'; carrierIds: number[] };
let carrierId: number;

/** The database's own message for a refused statement (drizzle wraps it). */
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => 'accepted',
    (e: unknown) => ((e as { cause?: Error }).cause ?? (e as Error)).message,
  );

const profile = (version: number, contactName: string) =>
  carrierProfileInput.parse({
    carrierId: String(carrierId),
    version: String(version),
    totalAreaM2: '12,000',
    incubationAreaM2: '9000',
    publicServiceAreaM2: '2000',
    workstations: '300',
    services: '工商注册代办',
    seedFundFen: '5,000,000',
    professionalStaff: '8',
    totalStaff: '10',
    mentors: '12',
    focusIndustries: ['ai'],
    contactName,
    contactPhone: '021-5080 1234',
    contactEmail: 'office@example.org',
  });

describe.skipIf(!postgresUrl)('the application’s database role (PostgreSQL only; PGlite has no roles)', () => {
  beforeAll(async () => {
    setAnchorSettings({ keyring: keyringOf(KEY), every: 3 });
    owner = await openTestDatabase();
    const { rows } = await owner.db.execute<{ name: string }>(sql`SELECT current_database() AS name`);
    ownerUrl = new URL(postgresUrl!);
    ownerUrl.pathname = `/${rows[0]!.name}`;
    appUrl = new URL(ownerUrl);
    appUrl.username = ROLE;
    appUrl.password = encodeURIComponent(PASSWORD);
    const run = spawnSync('npx', ['tsx', 'scripts/db-roles.ts'], {
      env: { ...process.env, DATABASE_URL: appUrl.toString(), DATABASE_OWNER_URL: ownerUrl.toString() },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(`Created the application's role ${ROLE}`);
    expect(run.status).toBe(0);
    app = openDatabase(appUrl.toString());
    appOpen = true;

    const op = await makeUser(owner.db, 'operator');
    const carrier = await makeCarrier(owner.db, 'incubator');
    carrierId = carrier.id;
    await bindOperator(owner.db, op.id, carrier.id);
    actor = { userId: op.id, role: 'operator', ip: '127.0.0.1' };
    scope = { kind: 'carriers', carrierIds: [carrier.id] };
  });

  afterAll(async () => {
    setAnchorSettings(null);
    // Each step runs even when one before failed, so that no role is left on the server.
    if (appOpen) await app.close().catch(() => undefined);
    await owner?.close().catch(() => undefined); // drops the database, and with it the role's rights there
    const c = new pg.Client({ connectionString: postgresUrl });
    await c.connect();
    await c.query(`DROP ROLE IF EXISTS ${ROLE}`);
    await c.end();
  });

  it('is an ordinary login role that owns nothing', async () => {
    expect(await describeRole(owner.db, ROLE)).toEqual({ exists: true, superuser: false, createRole: false, ownedTables: 0 });
  });

  it('cannot switch the audit log’s or the anchors’ triggers off', async () => {
    for (const table of ['audit_log', 'audit_anchors']) {
      for (const what of ['ALL', 'USER']) {
        expect(await refusal(app.db.execute(sql.raw(`ALTER TABLE ${table} DISABLE TRIGGER ${what}`)))).toBe(`must be owner of table ${table}`);
      }
    }
    expect(await refusal(app.db.execute(sql`DROP TRIGGER audit_log_append_only ON audit_log`))).toBe('must be owner of relation audit_log');
    // Nor replace the function the triggers call (it may not create anything in the schema).
    expect(
      await refusal(app.db.execute(sql`CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$`)),
    ).toMatch(/^(permission denied for schema public|must be owner of function audit_log_refuse_change)$/);
  });

  it('cannot alter, drop or truncate any table, nor create one', async () => {
    expect(await refusal(app.db.execute(sql`ALTER TABLE ventures ADD COLUMN x int`))).toBe('must be owner of table ventures');
    expect(await refusal(app.db.execute(sql`ALTER TABLE audit_log ALTER COLUMN hash DROP NOT NULL`))).toBe('must be owner of table audit_log');
    expect(await refusal(app.db.execute(sql`DROP TABLE audit_anchors`))).toBe('must be owner of table audit_anchors');
    for (const table of ['audit_log', 'audit_anchors', 'ventures']) {
      expect(await refusal(app.db.execute(sql.raw(`TRUNCATE ${table}`)))).toBe(`permission denied for table ${table}`);
    }
    expect(await refusal(app.db.execute(sql`CREATE TABLE shadow_log (id int)`))).toBe('permission denied for schema public');
    expect(await refusal(app.db.execute(sql`SELECT setval('audit_log_id_seq', 1)`))).toBe('permission denied for sequence audit_log_id_seq');
  });

  it('cannot change or remove audit entries or anchors: the database refuses before the trigger', async () => {
    await app.db.transaction((tx) => writeAudit(tx, actor, { action: 'test.role', entity: 'test', entityId: 1 }));
    await anchorHead(app.db);
    for (const table of ['audit_log', 'audit_anchors']) {
      expect(await refusal(app.db.execute(sql.raw(`UPDATE ${table} SET id = id`)))).toBe(`permission denied for table ${table}`);
      expect(await refusal(app.db.execute(sql.raw(`DELETE FROM ${table}`)))).toBe(`permission denied for table ${table}`);
    }
    expect((await app.db.select({ n: count() }).from(auditAnchors))[0]!.n).toBeGreaterThan(0);
  });

  it('runs the application: a change through the normal path, its audit entry and anchors, all verified', async () => {
    const before = (await app.db.select({ n: count() }).from(auditLog))[0]!.n;
    await updateCarrierProfile(app.db, actor, scope, profile(1, '王主任'));
    await updateCarrierProfile(app.db, actor, scope, profile(2, '李主任'));
    await updateCarrierProfile(app.db, actor, scope, profile(3, '张主任'));
    const [carrier] = await app.db.select().from(carriers).where(eq(carriers.id, carrierId));
    expect(carrier).toMatchObject({ contactName: '张主任', version: 4 });
    expect((await app.db.select({ n: count() }).from(auditLog))[0]!.n).toBe(before + 3);
    expect(await migrationStatus(app)).toMatchObject({ current: true });
    const report = await verifyAuditLog(app.db, keyringOf(KEY));
    expect(report).toMatchObject({ ok: true, problems: [], unanchoredEntries: 0 });
    expect(report.anchors.database).toBeGreaterThanOrEqual(2);
  });

  it('gets the same rights on tables the owner creates later, and migrations apply its rights again', async () => {
    await owner.db.execute(sql`CREATE TABLE later_table (id serial PRIMARY KEY, v text)`);
    await app.db.execute(sql`INSERT INTO later_table (v) VALUES ('by default privileges')`);
    expect(await refusal(app.db.execute(sql`DROP TABLE later_table`))).toBe('must be owner of table later_table');
    // Someone gave the role too much by hand; the next migration run takes it back.
    await owner.db.execute(sql.raw(`GRANT UPDATE, DELETE, TRUNCATE ON audit_log TO ${ROLE}`));
    expect(await refusal(app.db.execute(sql`DELETE FROM audit_log WHERE false`))).toBe('accepted');
    await runMigrations(owner, { applicationRole: ROLE });
    expect(await refusal(app.db.execute(sql`DELETE FROM audit_log WHERE false`))).toBe('permission denied for table audit_log');
    expect(await refusal(app.db.execute(sql`TRUNCATE audit_log`))).toBe('permission denied for table audit_log');
    // And a second run changes nothing.
    await grantApplicationRole(owner.db, ROLE);
    await updateCarrierProfile(app.db, actor, scope, profile(4, '赵主任'));
    expect(await describeRole(owner.db, ROLE)).toMatchObject({ ownedTables: 0, superuser: false });
    await owner.db.execute(sql`DROP TABLE later_table`);
  });

  it('keeps its rights through a backup and a restore run as the owner', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'portal-roles-')), 'backup.ndjson.gz');
    const script = (name: string, ...args: string[]) =>
      spawnSync('npx', ['tsx', `scripts/${name}.ts`, ...args], {
        env: {
          ...process.env,
          DATABASE_URL: appUrl.toString(),
          DATABASE_OWNER_URL: ownerUrl.toString(),
          AUDIT_ANCHOR_KEY: KEY.secret,
          AUDIT_ANCHOR_KEY_ID: KEY.id,
        },
        encoding: 'utf8',
        timeout: 120_000,
      });
    expect(script('db-backup', file).status).toBe(0);
    await app.close();
    appOpen = false;
    const restored = script('db-restore', file);
    expect(restored.stderr).toBe('');
    expect(restored.stdout).toContain(`rights of the application's role ${ROLE} applied again`);
    expect(restored.status).toBe(0);
    app = openDatabase(appUrl.toString());
    appOpen = true;
    await updateCarrierProfile(app.db, actor, scope, profile(5, '钱主任'));
    expect(await refusal(app.db.execute(sql`DELETE FROM audit_log`))).toBe('permission denied for table audit_log');
    expect(await refusal(app.db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER ALL`))).toBe('must be owner of table audit_log');
    expect(await describeRole(owner.db, ROLE)).toMatchObject({ ownedTables: 0 });
    const verified = script('audit-verify');
    expect(verified.stdout).toContain('Audit chain ok');
    expect(verified.status).toBe(0);
  });
});
