import 'server-only';
import { count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { COMMITTEE_STEP_STATUSES, type CommitteeStepStatus } from '@/lib/domain/workflow';
import type { DbOrTx } from '../../client';
import { applications, programs } from '../../schema';

/** The committee's work in the subsidy workflow: what waits on one of its steps. Committee only: callers check the role. */

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
