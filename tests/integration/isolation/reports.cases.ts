import { and, eq } from 'drizzle-orm';
import { getCarrierProfile, listOperatorCarriers, updateCarrierProfile } from '@/db/queries/carriers/carriers';
import { getVentureReports, listMissingReports, quarterGrid, quarterGridRow, saveQuarterReports } from '@/db/queries/reports/reports';
import { carriers, ventureReports } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { carrierProfileInput } from '@/lib/validation/carrier';
import type { IsolationCase, IsolationWorld } from './world';

const figures = {
  revenueFen: 1,
  netProfitFen: 1,
  rdSpendFen: 1,
  taxFen: 1,
  financingFen: 1,
  employees: 1,
  ipFiled: 1,
  ipGranted: 1,
  inventionPatents: 1,
};

const quarterOf = (w: IsolationWorld, carrierId: number) => ({ carrierId, ...w.report });

/** Carrier B's report of the world's quarter, if it now holds operator A's figures. */
const reportOverwrittenB = (w: IsolationWorld) =>
  w.db
    .select()
    .from(ventureReports)
    .where(and(eq(ventureReports.ventureId, w.ventureB), eq(ventureReports.year, w.report.year), eq(ventureReports.revenueFen, 1)));

export const cases: IsolationCase[] = [
  {
    name: 'saveQuarterReports for carrier B',
    expect: 'notFound',
    attempt: (w) =>
      w.db.transaction((tx) => saveQuarterReports(tx, w.actorA, w.scopeA, quarterOf(w, w.carrierB), [{ ventureId: w.ventureB, ...figures }], '2026-07-01')),
  },
  {
    // Refused as invalid input (the venture is not in carrier A); B's report is left as it was.
    name: "saveQuarterReports in carrier A with carrier B's venture",
    expect: 'empty',
    attempt: async (w) => {
      await w.db
        .transaction((tx) => saveQuarterReports(tx, w.actorA, w.scopeA, quarterOf(w, w.carrierA), [{ ventureId: w.ventureB, ...figures }], '2026-07-01'))
        .catch((e) => {
          if (!(e instanceof DomainError && e.code === 'invalid')) throw e;
        });
      return reportOverwrittenB(w);
    },
  },
  { name: 'quarterGrid of carrier B', expect: 'notFound', attempt: (w) => quarterGrid(w.db, w.scopeA, quarterOf(w, w.carrierB)) },
  {
    name: "quarterGridRow of carrier B's venture",
    expect: 'notFound',
    attempt: (w) => quarterGridRow(w.db, w.scopeA, quarterOf(w, w.carrierB), w.ventureB),
  },
  {
    name: "quarterGridRow of carrier B's venture through carrier A",
    expect: 'notFound',
    attempt: (w) => quarterGridRow(w.db, w.scopeA, quarterOf(w, w.carrierA), w.ventureB),
  },
  {
    name: 'listMissingReports of carrier B',
    expect: 'empty',
    attempt: (w) => listMissingReports(w.db, w.scopeA, { year: 2026, quarter: 3, carrierId: w.carrierB }),
  },
  {
    name: 'listMissingReports of all carriers in scope holds none of carrier B',
    expect: 'empty',
    attempt: async (w) => (await listMissingReports(w.db, w.scopeA, { year: 2026, quarter: 3 })).filter((m) => m.carrierId === w.carrierB),
  },
  { name: "getVentureReports of carrier B's venture", expect: 'notFound', attempt: (w) => getVentureReports(w.db, w.scopeA, w.ventureB) },
  { name: 'getCarrierProfile of carrier B', expect: 'notFound', attempt: (w) => getCarrierProfile(w.db, w.scopeA, w.carrierB) },
  {
    name: 'listOperatorCarriers holds none of carrier B',
    expect: 'empty',
    attempt: async (w) => (await listOperatorCarriers(w.db, w.scopeA)).filter((c) => c.id === w.carrierB),
  },
  {
    name: 'updateCarrierProfile of carrier B',
    expect: 'notFound',
    attempt: async (w) => {
      const [b] = await w.db.select({ version: carriers.version }).from(carriers).where(eq(carriers.id, w.carrierB));
      const input = carrierProfileInput.parse({
        carrierId: w.carrierB,
        version: b!.version,
        totalAreaM2: 1,
        incubationAreaM2: 0,
        publicServiceAreaM2: 0,
        workstations: 0,
        seedFundFen: 0,
        professionalStaff: 0,
        totalStaff: 0,
        mentors: 0,
      });
      return updateCarrierProfile(w.db, w.actorA, w.scopeA, input);
    },
  },
];
