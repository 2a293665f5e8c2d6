import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../client';
import { securityPolicy, type SecurityPolicy } from '../../schema';
import { changedFields, writeAudit, type Actor } from '@/db/audit';
import { conflict } from '@/lib/errors';

/** The policy the security administrator sets; a null limit means the deployment's default. */
export type SecurityPolicyInput = {
  passwordComplexity: boolean;
  passwordMaxAgeDays: number | null;
  sessionIdleMinutes: number | null;
  sessionMaxHours: number | null;
};

const DEFAULT_POLICY: SecurityPolicyInput = { passwordComplexity: true, passwordMaxAgeDays: null, sessionIdleMinutes: null, sessionMaxHours: null };

/** The stored policy row as the form edits it, or the defaults (version 0) before anyone saved one; db/queries/accounts/policy-in-force.ts has the rules in force. */
export async function storedSecurityPolicy(db: DbOrTx): Promise<SecurityPolicyInput & { version: number; updatedAt: Date | null }> {
  const [row] = await db.select().from(securityPolicy).where(eq(securityPolicy.id, 1)).limit(1);
  if (!row) return { ...DEFAULT_POLICY, version: 0, updatedAt: null };
  return pick(row);
}

function pick(row: SecurityPolicy) {
  return {
    passwordComplexity: row.passwordComplexity,
    passwordMaxAgeDays: row.passwordMaxAgeDays,
    sessionIdleMinutes: row.sessionIdleMinutes,
    sessionMaxHours: row.sessionMaxHours,
    version: row.version,
    updatedAt: row.updatedAt as Date | null,
  };
}

/**
 * Saves the policy, refused when it changed since the form was opened (`version`); one audit
 * entry of what changed. Version 0 is the form of the defaults, before the row exists.
 */
export async function saveSecurityPolicy(db: Db, actor: Actor, input: SecurityPolicyInput & { version: number }): Promise<{ version: number }> {
  return db.transaction(async (tx) => {
    // The row is made once, so that both a first save and later ones go through one guarded update.
    await tx
      .insert(securityPolicy)
      .values({ id: 1, version: 0, ...DEFAULT_POLICY })
      .onConflictDoNothing();
    const [current] = await tx.select().from(securityPolicy).where(eq(securityPolicy.id, 1)).for('update');
    if (!current || current.version !== input.version) throw conflict();
    const { version: _v, ...values } = input;
    const diff = changedFields(pick(current) as unknown as Record<string, unknown>, values);
    if (Object.keys(diff.after).length === 0) return { version: current.version };
    const [saved] = await tx
      .update(securityPolicy)
      .set({ ...values, version: sql`${securityPolicy.version} + 1`, updatedBy: actor.userId, updatedAt: new Date() })
      .where(and(eq(securityPolicy.id, 1), eq(securityPolicy.version, input.version)))
      .returning({ version: securityPolicy.version });
    if (!saved) throw conflict();
    await writeAudit(tx, actor, { action: 'security_policy.update', entity: 'security_policy', entityId: 1, ...diff });
    return { version: saved.version };
  });
}
