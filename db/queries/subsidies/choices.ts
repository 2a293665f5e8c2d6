import 'server-only';
import { and, asc, desc, eq, inArray, notInArray } from 'drizzle-orm';
import { FINISHED_WITHOUT_FUNDING } from '@/lib/domain/eligibility';
import type { ApplicationStatus } from '@/lib/domain/workflow';
import type { Scope } from '@/lib/roles';
import type { DbOrTx } from '../../client';
import { applications, programs } from '../../schema';
import { carrierCondition } from '../shared/scope';
import { applicantColumns } from './list-columns';

/**
 * The programmes (and their years) that the scope's carriers have applied to, for the filters
 * of the operator's applications list: an operator sees no programme through another carrier.
 */
export async function appliedProgrammeChoices(db: DbOrTx, scope: Scope): Promise<{ id: number; code: string; nameZh: string; nameEn: string; year: number }[]> {
  return db
    .selectDistinct({ id: programs.id, code: programs.code, nameZh: programs.nameZh, nameEn: programs.nameEn, year: programs.year })
    .from(applications)
    .innerJoin(programs, eq(programs.id, applications.programId))
    .where(carrierCondition(scope, applications.carrierId))
    .orderBy(desc(programs.year), asc(programs.code), asc(programs.id), asc(programs.nameZh), asc(programs.nameEn));
}

export type LiveApplication = { id: number; refNo: string; programId: number; carrierId: number; ventureId: number | null; status: ApplicationStatus };

/**
 * The scope's applications that still count against a second one in the same programme (every
 * status but rejected and withdrawn, as the duplicate check at submission sees them), so that
 * the open programmes can say who has applied already.
 */
export async function liveApplicationsIn(db: DbOrTx, scope: Scope, programIds: readonly number[]): Promise<LiveApplication[]> {
  if (programIds.length === 0) return [];
  return db
    .select({ ...applicantColumns, status: applications.status })
    .from(applications)
    .where(
      and(
        carrierCondition(scope, applications.carrierId),
        inArray(applications.programId, [...programIds]),
        notInArray(applications.status, [...FINISHED_WITHOUT_FUNDING]),
      ),
    )
    .orderBy(asc(applications.id));
}
