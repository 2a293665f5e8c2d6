import { and, eq, isNull } from 'drizzle-orm';
import { admitVentures, carriersForResidency } from '@/db/queries/ventures/admission';
import { admitGraduate, endResidency, incorporateTeam, openResidencyOfVenture } from '@/db/queries/ventures/residencies';
import { residencies } from '@/db/schema';
import { buildCreditCode } from '@/lib/domain/credit-code';
import type { IsolationCase, IsolationWorld } from './world';

const TODAY = '2026-03-01';
let serial = Math.floor(Math.random() * 900_000);
const code = () => buildCreditCode('91', '310115', `MQ${String(serial++).padStart(6, '0')}`);

async function openStayOf(w: IsolationWorld, ventureId: number) {
  const [stay] = await w.db
    .select({ id: residencies.id })
    .from(residencies)
    .where(and(eq(residencies.ventureId, ventureId), isNull(residencies.leftOn)));
  return stay!.id;
}

const company = (carrierId: number) => ({
  kind: 'company' as const,
  carrierId,
  name: '越界入驻企业',
  creditCode: code(),
  industry: 'software' as const,
  foundedOn: '2025-06-01',
  talentFlags: [],
  enteredOn: '2026-01-15',
  areaM2: 10,
  workstations: 1,
});

export const cases: IsolationCase[] = [
  {
    name: 'admitVentures into carrier B',
    expect: 'notFound',
    attempt: (w) => w.db.transaction((tx) => admitVentures(tx, w.actorA, w.scopeA, [company(w.carrierA), company(w.carrierB)], TODAY)),
  },
  {
    name: 'openResidencyOfVenture of B’s venture',
    expect: 'empty',
    attempt: (w) => openResidencyOfVenture(w.db, w.scopeA, w.ventureB),
  },
  {
    name: 'carriersForResidency lists none of B’s carriers',
    expect: 'empty',
    attempt: async (w) => (await carriersForResidency(w.db, w.scopeA, ['nursery', 'incubator', 'accelerator'])).filter((c) => c.id === w.carrierB),
  },
  {
    name: 'endResidency of B’s venture',
    expect: 'notFound',
    attempt: async (w) =>
      endResidency(
        w.db,
        w.actorA,
        w.scopeA,
        { ventureId: w.ventureB, residencyId: await openStayOf(w, w.ventureB), version: 1, leftOn: TODAY, reason: 'voluntary' },
        TODAY,
      ),
  },
  {
    name: 'incorporateTeam of B’s venture into A’s carrier',
    expect: 'notFound',
    attempt: (w) =>
      incorporateTeam(
        w.db,
        w.actorA,
        w.scopeA,
        {
          ventureId: w.ventureB,
          version: 1,
          name: '越界',
          creditCode: code(),
          foundedOn: '2026-01-01',
          enteredOn: '2026-02-01',
          carrierId: w.carrierA,
          areaM2: 0,
          workstations: 0,
        },
        TODAY,
      ),
  },
  {
    name: 'incorporateTeam of A’s venture into carrier B',
    expect: 'notFound',
    attempt: (w) =>
      incorporateTeam(
        w.db,
        w.actorA,
        w.scopeA,
        {
          ventureId: w.ventureA,
          version: 1,
          name: '越界',
          creditCode: code(),
          foundedOn: '2026-01-01',
          enteredOn: '2026-02-01',
          carrierId: w.carrierB,
          areaM2: 0,
          workstations: 0,
        },
        TODAY,
      ),
  },
  {
    name: 'admitGraduate into carrier B',
    expect: 'notFound',
    attempt: (w) =>
      admitGraduate(w.db, w.actorA, w.scopeA, { carrierId: w.carrierB, creditCode: w.creditCodeB, enteredOn: '2026-02-01', areaM2: 0, workstations: 0 }, TODAY),
  },
];
