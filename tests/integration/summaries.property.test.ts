import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/connect';
import {
  applications,
  carrierQuarterFigures,
  carrierYearFigures,
  carriers,
  graduations,
  networkFigureChanges,
  networkQuarterFigures,
  programmeFunding,
  programmeTotals,
  carrierYearTenants,
  residencies,
  stayYearFigures,
  stayYearHorizon,
  ventureCohorts,
  ventureReports,
  ventures,
} from '@/db/schema';
import { openTestDatabase } from '../helpers/db';
import { saveQuarterReports } from '@/db/queries/reports/reports';
import { updateAccreditation } from '@/db/queries/network/carrier-detail';
import { expectedStayYears } from '../helpers/stay-years-expected';
import { incubatorWithTenants, makeSummaryWorld, randomAction, seededRng, TODAY, type SummaryWorld } from '../helpers/summary-actions';

/**
 * The network summaries (docs/read-models.md) against the raw rows: random sequences of the real
 * write actions, and after each action every summary row equals what the raw rows add up to,
 * summed here in the test, apart from the database's own code. SUMMARY_SEED runs one seed again.
 */
let handle: DatabaseHandle;
let w: SummaryWorld;

beforeAll(async () => {
  handle = await openTestDatabase();
  w = await makeSummaryWorld(handle.db);
});
afterAll(async () => {
  await handle?.close();
});

type Row = Record<string, number>;
const add = (m: Map<string, Row>, key: string, values: Row) => {
  const row = m.get(key) ?? {};
  for (const [k, v] of Object.entries(values)) row[k] = (row[k] ?? 0) + v;
  m.set(key, row);
};
const quarterEnd = (year: number, quarter: number) => new Date(Date.UTC(year, quarter * 3, 0)).toISOString().slice(0, 10);
const quarterOf = (day: string) => Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1;
const sorted = (m: Map<string, Row>) => Object.fromEntries([...m].sort(([a], [b]) => (a < b ? -1 : 1)));

/** What the summaries must hold, summed in JavaScript from the raw rows. */
async function expected() {
  const db = handle.db;
  const [cs, vs, reports, grads, apps, stays, [horizon]] = await Promise.all([
    db.select().from(carriers),
    db.select().from(ventures),
    db.select().from(ventureReports),
    db.select().from(graduations),
    db.select().from(applications),
    db.select().from(residencies),
    db.select().from(stayYearHorizon),
  ]);
  const venture = new Map(vs.map((v) => [v.id, v]));
  const quarters = new Map<string, Row>();
  for (const r of reports) {
    const v = venture.get(r.ventureId)!;
    add(quarters, `${r.carrierId}|${r.year}|${r.quarter}|${v.industry}`, {
      reports: 1,
      revenueFen: r.revenueFen,
      netProfitFen: r.netProfitFen,
      rdSpendFen: r.rdSpendFen,
      taxFen: r.taxFen,
      financingFen: r.financingFen,
      employees: r.employees,
      ipFiled: r.ipFiled,
      ipGranted: r.ipGranted,
      highTech: v.highTechCertOn !== null && v.highTechCertOn <= quarterEnd(r.year, r.quarter) ? 1 : 0,
      graduations: 0,
      pendingGraduations: 0,
    });
  }
  for (const g of grads) {
    if (g.status === 'rejected') continue;
    const zero = { reports: 0, revenueFen: 0, netProfitFen: 0, rdSpendFen: 0, taxFen: 0, financingFen: 0, employees: 0, ipFiled: 0, ipGranted: 0, highTech: 0 };
    add(quarters, `${g.carrierId}|${g.graduatedOn.slice(0, 4)}|${quarterOf(g.graduatedOn)}|${venture.get(g.ventureId)!.industry}`, {
      ...zero,
      graduations: g.status === 'verified' ? 1 : 0,
      pendingGraduations: g.status === 'pending' ? 1 : 0,
    });
  }
  const years = new Map<string, Row>();
  const latest = new Map<string, (typeof reports)[number]>();
  for (const r of reports) {
    const key = `${r.carrierId}|${r.year}|${r.ventureId}`;
    if ((latest.get(key)?.quarter ?? 0) < r.quarter) latest.set(key, r);
  }
  for (const r of latest.values()) add(years, `${r.carrierId}|${r.year}`, { reportingTenants: 1, employees: r.employees });
  for (const r of reports)
    add(years, `${r.carrierId}|${r.year}`, { revenueFen: r.revenueFen, rdSpendFen: r.rdSpendFen, taxFen: r.taxFen, financingFen: r.financingFen });
  const funding = new Map<string, Row>();
  for (const a of apps) {
    const held = ['approved', 'paid', 'accepted'].includes(a.status) ? (a.finalFen ?? a.approvedFen ?? 0) : a.status === 'acceptance_failed' ? a.paidFen : 0;
    const industry = a.ventureId === null ? '' : venture.get(a.ventureId)!.industry;
    add(funding, `${a.programId}|${a.carrierId}|${industry}`, {
      committedFen: held,
      paidFen: a.paidFen,
      awards: ['approved', 'paid', 'accepted', 'acceptance_failed'].includes(a.status) ? 1 : 0,
    });
  }
  // The network's quarters: the carriers' quarters under each carrier's zone, kind and level.
  const carrier = new Map(cs.map((c) => [c.id, c]));
  const network = new Map<string, Row>();
  for (const [key, figures] of quarters) {
    const [carrierId, year, quarter, industry] = key.split('|');
    const c = carrier.get(Number(carrierId))!;
    add(network, `${year}|${quarter}|${c.zone}|${c.kind}|${c.level}|${industry}`, figures);
  }
  const totals = new Map<string, Row>();
  for (const [key, figures] of funding) add(totals, key.split('|')[0]!, figures);
  // Each venture's cohort: its first stay (by day, then id), first verified graduation, any accelerator stay.
  const cohorts: Record<string, unknown> = {};
  for (const r of [...stays].sort((a, b) => (a.enteredOn === b.enteredOn ? a.id - b.id : a.enteredOn < b.enteredOn ? -1 : 1))) {
    if (cohorts[r.ventureId]) continue;
    const v = venture.get(r.ventureId)!;
    const verified = grads.filter((g) => g.ventureId === r.ventureId && g.status === 'verified').map((g) => g.graduatedOn);
    cohorts[r.ventureId] = {
      cohort: Number(r.enteredOn.slice(0, 4)),
      firstEnteredOn: r.enteredOn,
      firstCarrierId: r.carrierId,
      firstStage: r.stage,
      ventureKind: v.kind,
      industry: v.industry,
      graduatedOn: verified.length ? verified.sort()[0] : null,
      accelerated: stays.some((a) => a.ventureId === r.ventureId && a.stage === 'accelerating'),
    };
  }
  return {
    quarters: sorted(quarters),
    years: sorted(years),
    funding: sorted(funding),
    totals: sorted(totals),
    network: sorted(network),
    pending: 0,
    cohorts,
    ...expectedStayYears(stays, reports, grads, venture, horizon!.year),
  };
}

/** What the summaries hold. */
async function held() {
  const db = handle.db;
  const [q, y, f, t, nq, pending, vc, sy, cyt] = await Promise.all([
    db.select().from(carrierQuarterFigures),
    db.select().from(carrierYearFigures),
    db.select().from(programmeFunding),
    db.select().from(programmeTotals),
    db.select().from(networkQuarterFigures),
    db.select().from(networkFigureChanges),
    db.select().from(ventureCohorts),
    db.select().from(stayYearFigures),
    db.select().from(carrierYearTenants),
  ]);
  const quarters = new Map<string, Row>(
    q.map(({ carrierId, year, quarter, industry, ...figures }) => [`${carrierId}|${year}|${quarter}|${industry}`, figures]),
  );
  const years = new Map<string, Row>(y.map(({ carrierId, year, ...figures }) => [`${carrierId}|${year}`, figures]));
  const funding = new Map<string, Row>(f.map(({ programId, carrierId, industry, ...figures }) => [`${programId}|${carrierId}|${industry}`, figures]));
  const network = new Map<string, Row>(
    nq.map(({ year, quarter, zone, kind, level, industry, ...figures }) => [`${year}|${quarter}|${zone}|${kind}|${level}|${industry}`, figures]),
  );
  const totals = new Map<string, Row>(t.map(({ programId, ...figures }) => [String(programId), figures]));
  return {
    quarters: sorted(quarters),
    years: sorted(years),
    funding: sorted(funding),
    totals: sorted(totals),
    network: sorted(network),
    pending: pending.length,
    cohorts: Object.fromEntries(vc.map(({ ventureId, ...row }) => [ventureId, row])),
    stayYears: Object.fromEntries(
      sy.map(({ year, carrierId, ventureId, ...row }) => [`${year}|${carrierId}|${ventureId}`, row] as const).sort(([a], [b]) => (a < b ? -1 : 1)),
    ),
    carrierYears: Object.fromEntries(cyt.map(({ year, carrierId, ...row }) => [`${year}|${carrierId}`, row] as const).sort(([a], [b]) => (a < b ? -1 : 1))),
  };
}

const FIGURES = { revenueFen: 0, netProfitFen: 0, rdSpendFen: 1, taxFen: 0, financingFen: 0, employees: 3, ipFiled: 0, ipGranted: 0, inventionPatents: 0 };
const SEQUENCES = 6;
const ACTIONS_PER_SEQUENCE = 50;

describe('network summaries', () => {
  it('equal the sums of the raw rows after every write of random sequences of real actions', async () => {
    const base = process.env.SUMMARY_SEED ? Number(process.env.SUMMARY_SEED) : Date.now() % 1_000_000;
    const done: Record<string, number> = {};
    for (let s = 0; s < SEQUENCES; s++) {
      const seed = base + s;
      const rng = seededRng(seed);
      const trail: string[] = [];
      for (let i = 0; i < ACTIONS_PER_SEQUENCE; i++) {
        const { action, refused } = await randomAction(w, rng).catch((e: unknown) => {
          throw new Error(`SUMMARY_SEED=${seed}: action ${i + 1} failed after ${trail.join(', ')}: ${String(e)}`);
        });
        trail.push(refused ? `${action} (refused)` : action);
        if (!refused) done[action] = (done[action] ?? 0) + 1;
        const [want, have] = await Promise.all([expected(), held()]);
        expect(have, `SUMMARY_SEED=${seed}, after ${trail.join(', ')}`).toEqual(want);
      }
    }
    // The sequences did write: reports, graduations, decisions, edits and application steps.
    for (const action of ['reports', 'edit venture', 'graduate', 'draft', 'application step', 'accreditation', 'end stay', 'admit'])
      expect(done[action] ?? 0, action).toBeGreaterThan(0);
  }, 600_000);

  it('stay right when transactions write under one key at once', async () => {
    // Three tenants of one carrier each file their own 2026 Q1 report in their own transaction, all
    // at once (on PostgreSQL, each on its own connection): no summary may miss another's rows.
    const { carrierId, ventureIds } = await incubatorWithTenants(w, 3, '2025-01-10');
    await Promise.all(
      ventureIds.map((ventureId, i) =>
        handle.db.transaction((tx) =>
          saveQuarterReports(tx, w.operator, w.scope, { carrierId, year: 2026, quarter: 1 }, [{ ...FIGURES, ventureId, revenueFen: (i + 1) * 777 }], TODAY),
        ),
      ),
    );
    const [want, have] = await Promise.all([expected(), held()]);
    expect(have).toEqual(want);
  });

  it('stay right when a carrier changes kind and level while its tenants file reports', async () => {
    // The network's quarters move the carrier's figures to its new kind and level while reports
    // add to them (on PostgreSQL, at once on several connections): nothing may land under the old ones.
    const { carrierId, ventureIds } = await incubatorWithTenants(w, 3, '2025-02-10');
    const [c] = await handle.db
      .select({ version: carriers.version, kind: carriers.kind, status: carriers.status })
      .from(carriers)
      .where(sql`id = ${carrierId}`);
    const kind = c!.kind === 'accelerator' ? 'nursery' : 'accelerator';
    await Promise.all([
      ...ventureIds.map((ventureId, i) =>
        handle.db.transaction((tx) =>
          saveQuarterReports(tx, w.operator, w.scope, { carrierId, year: 2025, quarter: 2 }, [{ ...FIGURES, ventureId, revenueFen: (i + 1) * 991 }], TODAY),
        ),
      ),
      updateAccreditation(handle.db, w.decider, { carrierId, version: c!.version, kind, level: 'municipal', status: c!.status }),
    ]);
    const [want, have] = await Promise.all([expected(), held()]);
    expect(have).toEqual(want);
    expect(Object.keys(have.network).some((k) => k.includes(`|${kind}|municipal|`))).toBe(true);
  });
});
