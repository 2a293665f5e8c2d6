import 'server-only';
import { and, asc, count, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../client';
import type { Role } from '@/lib/roles';
import { carriers, operatorCarriers, users } from '../../schema';
import { containsPattern } from '../shared/search';

export type AuthUser = {
  id: number;
  email: string;
  name: string;
  role: Role;
  /** A grant of rights awaits the security administrator: the role's pages stay closed. */
  rightsPending: boolean;
  active: boolean;
  mustChangePassword: boolean;
  sessionsValidAfter: Date | null;
  /** The server-side session this request came with (null outside a request). */
  sessionId: string | null;
  /** The password is past the policy's maximum age (mustChangePassword is then true as well). */
  passwordExpired: boolean;
  /** When the second factor was enrolled; null when the user has none. */
  totpEnabledAt: Date | null;
};

const authColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  active: users.active,
  mustChangePassword: users.mustChangePassword,
  sessionsValidAfter: users.sessionsValidAfter,
  rightsPending: users.rightsPending,
  totpEnabledAt: users.totpEnabledAt,
};

export async function findUserForSignIn(db: DbOrTx, email: string) {
  const [row] = await db
    .select({ ...authColumns, passwordHash: users.passwordHash })
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`)
    .limit(1);
  return row ?? null;
}

export async function recordSignIn(db: DbOrTx, userId: number) {
  await db.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, userId));
}

export async function getAuthUser(db: DbOrTx, id: number): Promise<AuthUser | null> {
  const [row] = await db.select(authColumns).from(users).where(eq(users.id, id)).limit(1);
  return row ? { ...row, sessionId: null, passwordExpired: false } : null;
}

export async function carrierIdsOfOperator(db: DbOrTx, userId: number): Promise<number[]> {
  const rows = await db
    .select({ carrierId: operatorCarriers.carrierId })
    .from(operatorCarriers)
    .where(eq(operatorCarriers.userId, userId))
    .orderBy(asc(operatorCarriers.carrierId));
  return rows.map((r) => r.carrierId);
}

export type AccountListParams = {
  q?: string;
  role?: AuthUser['role'];
  /** Only active (true) or only deactivated (false) accounts. */
  active?: boolean;
  page: number;
  pageSize: number;
};

export async function listAccounts(db: DbOrTx, p: AccountListParams) {
  const filters: SQL[] = [];
  if (p.q) {
    const like = containsPattern(p.q);
    filters.push(or(ilike(users.email, like), ilike(users.name, like))!);
  }
  if (p.role) filters.push(eq(users.role, p.role));
  if (p.active !== undefined) filters.push(eq(users.active, p.active));
  const where = filters.length ? and(...filters) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        ...authColumns,
        lastSignInAt: users.lastSignInAt,
        carriers: sql<string[]>`coalesce(array_agg(${carriers.name} ORDER BY ${carriers.name}) FILTER (WHERE ${carriers.id} IS NOT NULL), '{}')`,
      })
      .from(users)
      .leftJoin(operatorCarriers, eq(operatorCarriers.userId, users.id))
      .leftJoin(carriers, eq(carriers.id, operatorCarriers.carrierId))
      .where(where)
      .groupBy(users.id)
      .orderBy(asc(users.role), asc(users.email))
      .limit(p.pageSize)
      .offset((p.page - 1) * p.pageSize),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Demo accounts are listed on the sign-in page in demo mode only. */
export async function listDemoAccounts(db: DbOrTx) {
  return db
    .select({ email: users.email, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.active, true), ilike(users.email, '%@example.org')))
    .orderBy(asc(users.role), asc(users.email))
    .limit(12);
}
