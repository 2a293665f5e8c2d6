import 'server-only';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { securityPolicy } from '@/db/schema';
import { env } from '../../../lib/env';

/** The absolute lifetime of a session when the security policy sets none. */
export const DEFAULT_SESSION_MAX_HOURS = 8;

/** The password and session rules in force: the policy row's values, or the deployment's defaults. */
export type EffectivePolicy = {
  /** At least three of the four character classes in every new password. */
  passwordComplexity: boolean;
  /** Days after which a password must be changed; null for no maximum age. */
  passwordMaxAgeDays: number | null;
  /** Minutes without a request after which a session ends. */
  sessionIdleMinutes: number;
  /** Hours after sign-in at which a session ends, however it is used. */
  sessionMaxHours: number;
};

type PolicyColumns = {
  passwordComplexity: boolean | null;
  passwordMaxAgeDays: number | null;
  sessionIdleMinutes: number | null;
  sessionMaxHours: number | null;
};

/** The rules in force for a policy row (null or absent: every default). */
export function effectivePolicy(row: PolicyColumns | null | undefined): EffectivePolicy {
  return {
    passwordComplexity: row?.passwordComplexity ?? true,
    passwordMaxAgeDays: row?.passwordMaxAgeDays ?? null,
    sessionIdleMinutes: row?.sessionIdleMinutes ?? env.sessionIdleMinutes,
    sessionMaxHours: row?.sessionMaxHours ?? DEFAULT_SESSION_MAX_HOURS,
  };
}

/** The columns of the policy row, for a query that reads it beside something else. */
export const policyColumns = {
  passwordComplexity: securityPolicy.passwordComplexity,
  passwordMaxAgeDays: securityPolicy.passwordMaxAgeDays,
  sessionIdleMinutes: securityPolicy.sessionIdleMinutes,
  sessionMaxHours: securityPolicy.sessionMaxHours,
};

/** The password and session rules in force (the single policy row, id 1, may be absent). */
export async function getSecurityPolicy(db: DbOrTx): Promise<EffectivePolicy> {
  const [row] = await db.select(policyColumns).from(securityPolicy).where(eq(securityPolicy.id, 1)).limit(1);
  return effectivePolicy(row);
}
