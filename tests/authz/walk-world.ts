import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/connect';
import { applicantBlacklisted, loadStepRow, type StepRow } from '@/db/queries/subsidies/steps';
import { applications, carriers, operatorCarriers, users } from '@/db/schema';
import { workflowFor, type ApplicationStatus, type WorkflowAction } from '@/lib/domain/workflow';
import type { Actor } from '@/db/audit';
import type { Scope } from '@/lib/roles';

/**
 * What the walk's builders read the seeded demo network through: the database, today's date,
 * and who may act where. A builder returns the caller and the input a form would send.
 */
export type WalkWorld = { db: Db; today: string };
export type HappyCall = { userEmail: string; input: FormData | Record<string, unknown> };
export type HappyBuilder = (w: WalkWorld) => Promise<HappyCall>;

export const COMMITTEE = ['committee1@example.org', 'committee2@example.org', 'committee3@example.org'] as const;

type Operator = { email: string; id: number; carrierIds: number[] };

export async function operators(db: Db): Promise<Operator[]> {
  const rows = await db
    .select({ email: users.email, id: users.id, carrierId: operatorCarriers.carrierId })
    .from(users)
    .innerJoin(operatorCarriers, eq(operatorCarriers.userId, users.id))
    .where(and(eq(users.role, 'operator'), eq(users.active, true)))
    .orderBy(asc(users.id), asc(operatorCarriers.carrierId));
  const out = new Map<string, Operator>();
  for (const r of rows) {
    const o = out.get(r.email) ?? { email: r.email, id: r.id, carrierIds: [] };
    o.carrierIds.push(r.carrierId);
    out.set(r.email, o);
  }
  return [...out.values()];
}

/** The operator who runs the carrier (the first, when several do). */
export async function operatorOf(db: Db, carrierId: number): Promise<Operator> {
  const o = (await operators(db)).find((x) => x.carrierIds.includes(carrierId));
  if (!o) throw new Error(`No operator runs carrier ${carrierId}`);
  return o;
}

export const scopeOf = (o: Operator): Scope => ({ kind: 'carriers', carrierIds: o.carrierIds });
export const actorOf = (o: { id: number }, role: Actor['role'] = 'operator'): Actor => ({ userId: o.id, role, ip: '192.0.2.1' });

export async function carrierOfKind(db: Db, carrierIds: number[], kind: 'nursery' | 'incubator' | 'accelerator') {
  const [c] = await db
    .select()
    .from(carriers)
    .where(and(inArray(carriers.id, carrierIds), eq(carriers.kind, kind)))
    .orderBy(asc(carriers.id))
    .limit(1);
  return c ?? null;
}

/** The form's encoding: strings, with a list as repeated names. */
export function formData(fields: Record<string, string | number | boolean | string[] | File | undefined | null>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined || v === null) continue;
    if (Array.isArray(v)) v.forEach((x) => fd.append(k, x));
    else if (v instanceof File) fd.append(k, v);
    else fd.append(k, String(v));
  }
  return fd;
}

/** Integer fen as the yuan a user types. */
export const yuan = (fen: number) => (fen / 100).toFixed(2);

export const pdf = (name = '证明材料.pdf') => new File([new TextEncoder().encode('%PDF-1.7\n% walk\n')], name, { type: 'application/pdf' });

/**
 * An application and a user for whom the workflow allows `action` on it now (the same rule the
 * server applies, so that separation of powers picks someone who took no earlier step).
 */
export async function applicationFor(
  w: WalkWorld,
  action: WorkflowAction,
  opts: { statuses?: ApplicationStatus[]; where?: (row: StepRow) => boolean } = {},
): Promise<{ row: StepRow; email: string; userId: number }> {
  const statuses = opts.statuses ?? (['draft', 'submitted', 'returned', 'in_review', 'reviewed', 'approved', 'paid', 'accepted'] as ApplicationStatus[]);
  const ids = await w.db.select({ id: applications.id }).from(applications).where(inArray(applications.status, statuses)).orderBy(asc(applications.id));
  const ops = await operators(w.db);
  const committee = await w.db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(eq(users.role, 'committee'), eq(users.active, true)));
  for (const { id } of ids) {
    const row = (await loadStepRow(w.db, id))!;
    if (opts.where && !opts.where(row)) continue;
    const blacklisted = await applicantBlacklisted(w.db, row, w.today);
    const candidates = [
      ...committee.map((c) => ({ ...c, role: 'committee' as const, inScope: false })),
      ...ops.map((o) => ({ id: o.id, email: o.email, role: 'operator' as const, inScope: o.carrierIds.includes(row.carrierId) })),
    ];
    for (const c of candidates) {
      const d = workflowFor({ ...row, blacklisted }, { id: c.id, role: c.role, carrierInScope: c.inScope });
      if (d.allowed.includes(action)) return { row, email: c.email, userId: c.id };
    }
  }
  throw new Error(`The demo network holds no application on which someone may ${action}`);
}
