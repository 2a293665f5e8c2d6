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
import { makeSummaryWorld, randomAction, seededRng, TODAY, type SummaryWorld } from '../helpers/summary-actions';

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
    stayYears: expectedStayYears(stays, reports, grads, venture, horizon!.year),
  };
}

/** Each stay's years (open stays up to the horizon), as stay_year_figures must hold them. */
function expectedStayYears(
  stays: (typeof residencies.$inferSelect)[],
  reports: (typeof ventureReports.$inferSelect)[],
  grads: (typeof graduations.$inferSelect)[],
  venture: Map<number, typeof ventures.$inferSelect>,
  horizon: number,
) {
  const out: Record<string, Record<string, unknown>> = {};
  for (const r of stays) {
    const first = Number(r.enteredOn.slice(0, 4));
    const last = r.leftOn ? Number(r.leftOn.slice(0, 4)) : Math.max(horizon, first);
    for (let year = first; year <= last; year++) {
      const key = `${year}|${r.carrierId}|${r.ventureId}`;
      const v = venture.get(r.ventureId)!;
      const row = (out[key] ??= {
        enteredOn: r.enteredOn,
        areaM2: r.areaM2,
        latest: r.enteredOn,
        atYearEnd: false,
        covered: 0,
        graduatedOn:
          grads
            .filter((g) => g.ventureId === r.ventureId && g.carrierId === r.carrierId && g.status === 'verified' && g.graduatedOn <= `${year}-12-31`)
            .map((g) => g.graduatedOn)
            .sort()
            .pop() ?? null,
        ...{
          reports: 0,
          revenueFen: 0,
          netProfitFen: 0,
          rdSpendFen: 0,
          taxFen: 0,
          financingFen: 0,
          employees: 0,
          ipFiled: 0,
          ipGranted: 0,
          inventionPatents: 0,
        },
        ...{ name: v.name, kind: v.kind, industry: v.industry, foundedOn: v.foundedOn, noCreditCode: !v.creditCode, noTechnicalField: !v.technicalField },
      });
      if (r.enteredOn < (row.enteredOn as string)) row.enteredOn = r.enteredOn;
      // The area of the stay's latest residency (a venture's residencies never overlap).
      if (r.enteredOn > (row.latest as string)) Object.assign(row, { areaM2: r.areaM2, latest: r.enteredOn });
      const open = (day: string) => r.enteredOn <= day && (r.leftOn === null || r.leftOn > day);
      if (open(`${year}-12-31`)) row.atYearEnd = true;
      for (let q = 1; q <= 4; q++) if (open(quarterEnd(year, q))) row.covered = (row.covered as number) | (1 << (q - 1));
    }
  }
  const lastQuarter = new Map<string, number>();
  for (const p of reports) {
    const row = out[`${p.year}|${p.carrierId}|${p.ventureId}`];
    if (!row) continue;
    for (const k of ['revenueFen', 'netProfitFen', 'rdSpendFen', 'taxFen', 'financingFen', 'ipFiled', 'ipGranted'] as const) row[k] = (row[k] as number) + p[k];
    row.reports = (row.reports as number) + 1;
    row.inventionPatents = Math.max(row.inventionPatents as number, p.inventionPatents);
    const key = `${p.year}|${p.carrierId}|${p.ventureId}`;
    if ((lastQuarter.get(key) ?? 0) < p.quarter) {
      lastQuarter.set(key, p.quarter);
      row.employees = p.employees;
    }
  }
  for (const row of Object.values(out)) delete row.latest;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** What the summaries hold. */
async function held() {
  const db = handle.db;
  const [q, y, f, t, nq, pending, vc, sy] = await Promise.all([
    db.select().from(carrierQuarterFigures),
    db.select().from(carrierYearFigures),
    db.select().from(programmeFunding),
    db.select().from(programmeTotals),
    db.select().from(networkQuarterFigures),
    db.select().from(networkFigureChanges),
    db.select().from(ventureCohorts),
    db.select().from(stayYearFigures),
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
    // Each tenant of the first carrier files its own 2026 Q1 report in its own transaction, all
    // at once (on PostgreSQL, each on its own connection): no summary may miss another's rows.
    const { rows } = await handle.db.execute<{ id: number }>(sql`
      SELECT DISTINCT venture_id AS id FROM residencies WHERE carrier_id = ${w.carrierIds[0]!} AND entered_on <= '2026-03-31'::date
        AND (left_on IS NULL OR left_on >= '2026-01-01'::date)`);
    expect(rows.length).toBeGreaterThan(1);
    await Promise.all(
      rows.map((r, i) =>
        handle.db.transaction((tx) =>
          saveQuarterReports(
            tx,
            w.operator,
            w.scope,
            { carrierId: w.carrierIds[0]!, year: 2026, quarter: 1 },
            [{ ...FIGURES, ventureId: Number(r.id), revenueFen: (i + 1) * 777 }],
            TODAY,
          ),
        ),
      ),
    );
    const [want, have] = await Promise.all([expected(), held()]);
    expect(have).toEqual(want);
  });

  it('stay right when a carrier changes kind and level while its tenants file reports', async () => {
    // The network's quarters move the carrier's figures to its new kind and level while reports
    // add to them (on PostgreSQL, at once on several connections): nothing may land under the old ones.
    const carrierId = w.carrierIds[0]!;
    const { rows } = await handle.db.execute<{ id: number }>(sql`
      SELECT DISTINCT venture_id AS id FROM residencies WHERE carrier_id = ${carrierId} AND entered_on <= '2025-06-30'::date
        AND (left_on IS NULL OR left_on >= '2025-04-01'::date)`);
    expect(rows.length).toBeGreaterThan(1);
    const [c] = await handle.db
      .select({ version: carriers.version, kind: carriers.kind, status: carriers.status })
      .from(carriers)
      .where(sql`id = ${carrierId}`);
    const kind = c!.kind === 'accelerator' ? 'nursery' : 'accelerator';
    await Promise.all([
      ...rows.map((r, i) =>
        handle.db.transaction((tx) =>
          saveQuarterReports(
            tx,
            w.operator,
            w.scope,
            { carrierId, year: 2025, quarter: 2 },
            [{ ...FIGURES, ventureId: Number(r.id), revenueFen: (i + 1) * 991 }],
            TODAY,
          ),
        ),
      ),
      updateAccreditation(handle.db, w.decider, { carrierId, version: c!.version, kind, level: 'municipal', status: c!.status }),
    ]);
    const [want, have] = await Promise.all([expected(), held()]);
    expect(have).toEqual(want);
    expect(Object.keys(have.network).some((k) => k.includes(`|${kind}|municipal|`))).toBe(true);
  });
});
