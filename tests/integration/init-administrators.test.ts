import bcrypt from 'bcryptjs';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/connect';
import { auditLog, users } from '@/db/schema';
import { AdministratorsExistError, initAdministrators } from '@/db/seed/administrators';
import { openTestDatabase } from '../helpers/db';
import { makeUser } from '../helpers/fixtures';

/** The first administrators of a new installation (npm run accounts:init), on PGlite and PostgreSQL. */
let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});

const EMAILS = { admin: 'it-admin@district.example', security: 'it-security@district.example', auditor: 'it-audit@district.example' };

describe('initAdministrators', () => {
  it('refuses bad or repeated emails and writes nothing', async () => {
    await expect(initAdministrators(handle.db, { ...EMAILS, auditor: 'not an email' })).rejects.toThrow();
    await expect(initAdministrators(handle.db, { ...EMAILS, auditor: EMAILS.admin.toUpperCase() })).rejects.toThrow(/different emails/);
    expect(await handle.db.select().from(users)).toEqual([]);
  });

  it('creates one administrator of each kind with a one-time password, held at the password page, audited', async () => {
    const operator = await makeUser(handle.db, 'operator');
    const created = await initAdministrators(handle.db, EMAILS);
    expect(created.map((c) => [c.role, c.email])).toEqual([
      ['admin', EMAILS.admin],
      ['security', EMAILS.security],
      ['auditor', EMAILS.auditor],
    ]);
    const rows = await handle.db
      .select()
      .from(users)
      .where(inArray(users.role, ['admin', 'security', 'auditor']));
    expect(rows).toHaveLength(3);
    for (const c of created) {
      const row = rows.find((r) => r.email === c.email)!;
      expect(row).toMatchObject({ role: c.role, active: true, mustChangePassword: true, rightsPending: false, totpEnabledAt: null });
      expect(row.passwordHash).not.toContain(c.password);
      expect(await bcrypt.compare(c.password, row.passwordHash)).toBe(true);
    }
    expect(new Set(created.map((c) => c.password)).size).toBe(3);
    const entries = await handle.db.select().from(auditLog).where(eq(auditLog.action, 'user.created'));
    expect(entries.map((e) => [e.userId, e.entityId, (e.after as { role: string }).role])).toEqual(
      created.map((c) => [null, String(rows.find((r) => r.email === c.email)!.id), c.role]),
    );
    expect(JSON.stringify(entries)).not.toContain(created[0]!.password);
    expect(operator.role).toBe('operator');
  });

  it('is refused once the database has any administrator', async () => {
    await expect(initAdministrators(handle.db, { admin: 'a2@x.example', security: 's2@x.example', auditor: 'u2@x.example' })).rejects.toBeInstanceOf(
      AdministratorsExistError,
    );
    expect(await handle.db.select().from(users).where(eq(users.email, 'a2@x.example'))).toEqual([]);
  });
});
