/**
 * The first administrators of a new installation (npm run accounts:init): one system, one security
 * and one audit administrator, each with a one-time password that must be changed at the first
 * sign-in, after which each enrols their second factor. Only into a database that has no
 * administrator of any kind yet; the security administrator approves every later grant of rights.
 * Runs outside Next, so nothing here may import 'server-only'.
 */
import bcrypt from 'bcryptjs';
import { inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { writeAudit } from '../audit/chain';
import { generateOneTimePassword } from '../../lib/one-time-password';
import { ADMINISTRATOR_ROLES } from '../../lib/roles';
import type { Db } from '../connect';
import { users } from '../schema';

export const ADMINISTRATOR_KINDS = ADMINISTRATOR_ROLES;
export type AdministratorKind = (typeof ADMINISTRATOR_KINDS)[number];

const DEFAULT_NAMES: Record<AdministratorKind, string> = { admin: '系统管理员', security: '安全管理员', auditor: '审计管理员' };

const accountsSchema = z
  .object(Object.fromEntries(ADMINISTRATOR_KINDS.map((k) => [k, z.string().trim().toLowerCase().email().max(254)])) as Record<AdministratorKind, z.ZodString>)
  .refine((a) => new Set(Object.values(a)).size === ADMINISTRATOR_KINDS.length, { message: 'the three administrators need three different emails' });

export class AdministratorsExistError extends Error {
  constructor() {
    super(
      'This database already has administrators; add further accounts in the portal (the system administrator creates them, the security administrator approves them).',
    );
  }
}

/** The portal's lock on account changes (db/queries/accounts/rights-grants.ts), so that this cannot race the portal. */
const ACCOUNTS_LOCK = 7_310_117;

/**
 * Creates the three administrators and returns their one-time passwords (shown once, stored only
 * as hashes). Refused (AdministratorsExistError) when any administrator exists; bad emails are
 * refused with zod's error. Each creation is audited as done by the system (no user).
 */
export async function initAdministrators(
  db: Db,
  emails: Record<AdministratorKind, string>,
): Promise<{ role: AdministratorKind; email: string; password: string }[]> {
  const parsed = accountsSchema.parse(emails);
  const created = await Promise.all(
    ADMINISTRATOR_KINDS.map(async (role) => {
      const password = generateOneTimePassword();
      return { role, email: parsed[role], password, passwordHash: await bcrypt.hash(password, 10) };
    }),
  );
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${ACCOUNTS_LOCK})`);
    const existing = await tx
      .select({ id: users.id })
      .from(users)
      .where(inArray(users.role, [...ADMINISTRATOR_KINDS]))
      .limit(1);
    if (existing.length) throw new AdministratorsExistError();
    for (const a of created) {
      const [row] = await tx
        .insert(users)
        .values({ name: DEFAULT_NAMES[a.role], email: a.email, role: a.role, passwordHash: a.passwordHash, mustChangePassword: true })
        .returning({ id: users.id });
      await writeAudit(tx, null, {
        action: 'user.created',
        entity: 'user',
        entityId: row!.id,
        after: { name: DEFAULT_NAMES[a.role], email: a.email, role: a.role, carrierIds: [], active: true, mustChangePassword: true },
      });
    }
  });
  return created.map(({ role, email, password }) => ({ role, email, password }));
}
