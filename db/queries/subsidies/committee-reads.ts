import 'server-only';
import { asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { COMMITTEE_STEP_STATUSES, type CommitteeStepStatus } from '@/lib/domain/workflow';
import type { DbOrTx } from '../../client';
import { applicationEvents, applications, carriers, programs } from '../../schema';

/**
 * Small reads for the committee's screens around the subsidy workflow: the choices of the
 * queue's filters, the counts on the home page, and whether a programme has applications.
 * Committee only: callers check the role.
 */

/**
 * Applications with a committee step due (lib/domain/workflow.ts committeeStepDue), as a
 * condition on `applications` joined with their `programs`.
 */
export function committeeStepDueSql(): SQL {
  return sql`${inArray(applications.status, [...COMMITTEE_STEP_STATUSES])}
        AND NOT (${applications.status} = 'paid' AND ${programs.fundingMode} = 'post_subsidy')
        AND NOT (${applications.status} = 'accepted' AND (${programs.fundingMode} = 'pre_funded' OR ${applications.paidFen} >= coalesce(${applications.finalFen}, ${applications.approvedFen}, 0)))`;
}

/** How many applications wait in each status of the committee's part of the workflow (committeeStepDue). */
export async function committeeWorkCounts(db: DbOrTx): Promise<Record<CommitteeStepStatus, number>> {
  const rows = await db
    .select({ status: applications.status, n: count() })
    .from(applications)
    .innerJoin(programs, eq(programs.id, applications.programId))
    .where(committeeStepDueSql())
    .groupBy(applications.status);
  const out = Object.fromEntries(COMMITTEE_STEP_STATUSES.map((s) => [s, 0])) as Record<CommitteeStepStatus, number>;
  for (const r of rows) out[r.status as keyof typeof out] = Number(r.n);
  return out;
}

/** How many applications were made under a programme (its applicant type and mode are then fixed). */
export async function programmeApplicationCount(db: DbOrTx, programId: number): Promise<number> {
  const [r] = await db.select({ n: count() }).from(applications).where(eq(applications.programId, programId));
  return Number(r?.n ?? 0);
}

/** Programmes for the queue's filter, newest year first. */
export async function programmeChoices(db: DbOrTx) {
  return db
    .select({ id: programs.id, code: programs.code, nameZh: programs.nameZh, nameEn: programs.nameEn, year: programs.year })
    .from(programs)
    .orderBy(desc(programs.year), asc(programs.code));
}

/** Years that have programmes, newest first. */
export async function programmeYears(db: DbOrTx): Promise<number[]> {
  const rows = await db.selectDistinct({ year: programs.year }).from(programs).orderBy(desc(programs.year));
  return rows.map((r) => r.year);
}

/** Zones (街镇 / 园区) that carriers are in, for the queue's filter. */
export async function carrierZones(db: DbOrTx): Promise<string[]> {
  const rows = await db.selectDistinct({ zone: carriers.zone }).from(carriers).orderBy(asc(carriers.zone));
  return rows.map((r) => r.zone).filter((z): z is string => Boolean(z));
}

/** Every carrier, for the queue's filter and the blacklist's form. */
export async function allCarrierChoices(db: DbOrTx) {
  return db.select({ id: carriers.id, name: carriers.name, kind: carriers.kind }).from(carriers).orderBy(asc(carriers.name));
}

/** Which events of an application's timeline the applicant does not see (internal to the committee). */
export async function internalEventIds(db: DbOrTx, applicationId: number): Promise<Set<number>> {
  const rows = await db
    .select({ id: applicationEvents.id })
    .from(applicationEvents)
    .where(sql`${applicationEvents.applicationId} = ${applicationId} AND NOT ${applicationEvents.visibleToApplicant}`);
  return new Set(rows.map((r) => r.id));
}
