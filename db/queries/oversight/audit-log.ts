import 'server-only';
import { and, asc, count, desc, eq, exists, gte, inArray, lt, notInArray, sql, type SQL } from 'drizzle-orm';
import { FOREIGN_ACTOR_ACTIONS, INVOLVED_ACTIONS, readerAudience, redactAuditEntry, type Audience } from '@/lib/audit-audience';
import { SECURITY_ACTIONS, type AuditKind } from '@/lib/audit-kinds';
import { addDays } from '@/lib/domain/dates';
import type { Role, Scope } from '@/lib/roles';
import type { DbOrTx } from '../../client';
import { auditLog, carriers, users } from '../../schema';
import { carrierCondition } from '../shared/scope';

/**
 * Reading the audit log: the committee and the administrator read every entry, an operator only
 * the entries of their own carriers. Every filter here is served by an index of audit_log.
 */
export type AuditFilters = {
  userId?: number;
  entity?: string;
  /** Only together with `entity` (the index is on entity, entity id). */
  entityId?: string;
  action?: string;
  /** Security events or changes to records (lib/audit-kinds.ts). */
  kind?: AuditKind;
  carrierId?: number;
  /** Days in Shanghai (YYYY-MM-DD), both included. */
  from?: string;
  to?: string;
};

export type AuditRow = {
  id: number;
  at: Date;
  userId: number | null;
  userName: string | null;
  role: Role | null;
  action: string;
  entity: string;
  entityId: string | null;
  carrierId: number | null;
  carrierName: string | null;
  carrierNameEn: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  /** The actor is one the reader knows by role only (lib/audit-audience.ts): no name, id or address. */
  actorHidden: boolean;
};

/**
 * What part of the log a reader sees: the carriers (Scope), whether security events are among
 * it, and the audience the reader reads as (lib/audit-audience.ts). A reader without `security`
 * sees changes to records only; a scope of carriers without an audience reads as `involved`.
 */
export type AuditScope = Scope & { security?: boolean; audience?: Audience };

export function audienceOf(scope: AuditScope): Audience {
  return scope.audience ?? (scope.kind === 'all' ? 'committee' : 'involved');
}

/** The roles that read security events: the audit administrator, who reads the whole log. */
export const SECURITY_EVENT_READERS: readonly Role[] = ['auditor'];

/**
 * The audit log a role reads: an operator's carriers; everything for the committee (changes to
 * records) and the audit administrator (security events too); nothing for the system and security
 * administrators (三员分立: whoever manages accounts or rights does not read the log of their own acts).
 */
export function auditScope(role: Role, operatorScope: Scope): AuditScope {
  if (role === 'operator') return { ...operatorScope, audience: readerAudience(role) };
  if (role !== 'committee' && role !== 'auditor') return { kind: 'none' };
  return { kind: 'all', security: SECURITY_EVENT_READERS.includes(role), audience: readerAudience(role) };
}

/** The start of a Shanghai day (UTC+8 all year) as an instant. */
export const shanghaiDayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);

function kindCondition(scope: AuditScope, kind: AuditKind | undefined): SQL | undefined {
  const actions = [...SECURITY_ACTIONS];
  if (!scope.security || kind === 'changes') return notInArray(auditLog.action, actions);
  return kind === 'security' ? inArray(auditLog.action, actions) : undefined;
}

/**
 * The entries of actions meant for the reader's audience. An involved reader also never finds
 * entries by the user id of someone known to them by role only (a filter by a committee member's
 * id finds nothing).
 */
function audienceCondition(scope: AuditScope): SQL | undefined {
  return audienceOf(scope) === 'committee' ? undefined : inArray(auditLog.action, [...INVOLVED_ACTIONS]);
}

function userCondition(scope: AuditScope, userId: number | typeof users.id): SQL | undefined {
  return audienceOf(scope) === 'committee'
    ? eq(auditLog.userId, userId)
    : and(eq(auditLog.userId, userId), eq(auditLog.role, 'operator'), notInArray(auditLog.action, [...FOREIGN_ACTOR_ACTIONS]));
}

function whereOf(scope: AuditScope, f: AuditFilters): SQL | undefined {
  return and(
    carrierCondition(scope, auditLog.carrierId),
    kindCondition(scope, f.kind),
    audienceCondition(scope),
    f.userId === undefined ? undefined : userCondition(scope, f.userId),
    f.entity === undefined ? undefined : eq(auditLog.entity, f.entity),
    f.entity === undefined || f.entityId === undefined ? undefined : eq(auditLog.entityId, f.entityId),
    f.action === undefined ? undefined : eq(auditLog.action, f.action),
    f.carrierId === undefined ? undefined : eq(auditLog.carrierId, f.carrierId),
    f.from === undefined ? undefined : gte(auditLog.at, shanghaiDayStart(f.from)),
    f.to === undefined ? undefined : lt(auditLog.at, shanghaiDayStart(addDays(f.to, 1))),
  );
}

/**
 * Entries matching the filters, newest first, one page of them with the number of all, each as the
 * reader's audience may read it (lib/audit-audience.ts).
 */
export async function listAuditEntries(
  db: DbOrTx,
  scope: AuditScope,
  filters: AuditFilters,
  paging: { page: number; pageSize: number },
): Promise<{ rows: AuditRow[]; total: number }> {
  const where = whereOf(scope, filters);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        userId: auditLog.userId,
        userName: users.name,
        role: auditLog.role,
        action: auditLog.action,
        entity: auditLog.entity,
        entityId: auditLog.entityId,
        carrierId: auditLog.carrierId,
        carrierName: carriers.name,
        carrierNameEn: carriers.nameEn,
        before: auditLog.before,
        after: auditLog.after,
        ip: auditLog.ip,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.userId))
      .leftJoin(carriers, eq(carriers.id, auditLog.carrierId))
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(paging.pageSize)
      .offset((paging.page - 1) * paging.pageSize),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  const audience = audienceOf(scope);
  return { rows: rows.map((r) => redactAuditEntry(r, audience)), total: total?.n ?? 0 };
}

/**
 * The distinct values of an indexed column, one index probe per value (a loose index scan),
 * so that the filter choices cost little however long the log grows.
 */
async function distinctValues(db: DbOrTx, scope: AuditScope, column: 'action' | 'entity'): Promise<string[]> {
  const col = sql.raw(`"${column}"`);
  const inScope = and(carrierCondition(scope, auditLog.carrierId), kindCondition(scope, undefined), audienceCondition(scope)) ?? sql`true`;
  const result = await db.execute<{ v: string }>(sql`
    WITH RECURSIVE t(v) AS (
      (SELECT ${col} FROM ${auditLog} WHERE ${inScope} ORDER BY ${col} LIMIT 1)
      UNION ALL
      SELECT (SELECT ${col} FROM ${auditLog} WHERE ${col} > t.v AND ${inScope} ORDER BY ${col} LIMIT 1) FROM t WHERE t.v IS NOT NULL
    )
    SELECT v FROM t WHERE v IS NOT NULL`);
  return result.rows.map((r) => r.v);
}

export type AuditChoices = { users: { id: number; name: string; role: Role }[]; entities: string[]; actions: string[] };

/**
 * What the filters offer: the users, entities and actions that appear in the entries the scope
 * reads; for an involved reader only the users it may know by name (the carrier's operators).
 */
export async function auditFilterChoices(db: DbOrTx, scope: AuditScope): Promise<AuditChoices> {
  const [people, entities, actions] = await Promise.all([
    db
      .select({ id: users.id, name: users.name, role: users.role })
      .from(users)
      .where(
        exists(
          db
            .select({ one: sql`1` })
            .from(auditLog)
            .where(and(userCondition(scope, users.id), carrierCondition(scope, auditLog.carrierId), kindCondition(scope, undefined), audienceCondition(scope))),
        ),
      )
      .orderBy(asc(users.name), asc(users.id)),
    distinctValues(db, scope, 'entity'),
    distinctValues(db, scope, 'action'),
  ]);
  return { users: people, entities, actions };
}

/** The newest entries of one record (its history), within the scope; `total` counts them all. */
export async function entityHistory(db: DbOrTx, scope: AuditScope, entity: string, entityId: string | number, limit = 20) {
  return listAuditEntries(db, scope, { entity, entityId: String(entityId) }, { page: 1, pageSize: limit });
}

/** The carriers the scope reads, for the carrier filter. */
export async function auditCarrierChoices(db: DbOrTx, scope: Scope) {
  return db
    .select({ id: carriers.id, name: carriers.name, nameEn: carriers.nameEn })
    .from(carriers)
    .where(carrierCondition(scope, carriers.id))
    .orderBy(asc(carriers.name));
}
