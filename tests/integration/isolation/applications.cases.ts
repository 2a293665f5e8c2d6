import { appliedProgrammeChoices, liveApplicationsIn } from '@/db/queries/subsidies/choices';
import { applications } from '@/db/schema';
import { OPEN_ALL_YEAR, makeProgramme } from '../../helpers/subsidy-fixtures';
import type { IsolationCase, IsolationWorld } from './world';

let seq = 0;

/** A programme only carrier B has applied to, with B's tenant's draft in it. */
async function programmeOnlyBAppliedTo(w: IsolationWorld) {
  const tag = `${seq++}-${Date.now().toString(36)}`;
  const p = await makeProgramme(w.db, { ...OPEN_ALL_YEAR, code: `ISO-APPS-${tag}`, nameZh: '乙方专项', nameEn: 'B’s programme' });
  const [a] = await w.db
    .insert(applications)
    .values({ refNo: `ISO-APPS-B-${tag}`, programId: p.id, carrierId: w.carrierB, ventureId: w.ventureB, purpose: '乙方申请', requestedFen: 100_000 })
    .returning();
  return { programId: p.id, applicationId: a!.id };
}

/** The operator's applications pages: the list's programme filter and the open programmes' "applied already". */
export const cases: IsolationCase[] = [
  {
    name: 'applications: appliedProgrammeChoices (the list’s programme filter) hold none of B’s programmes',
    expect: 'empty',
    attempt: async (w) => {
      const b = await programmeOnlyBAppliedTo(w);
      return (await appliedProgrammeChoices(w.db, w.scopeA)).filter((p) => p.id === b.programId);
    },
  },
  {
    name: 'applications: liveApplicationsIn (applied already) holds none of B’s applications',
    expect: 'empty',
    attempt: async (w) => {
      const b = await programmeOnlyBAppliedTo(w);
      return liveApplicationsIn(w.db, w.scopeA, [b.programId]);
    },
  },
];
