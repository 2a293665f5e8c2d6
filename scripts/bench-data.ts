/**
 * The generated network of the benchmark: 150 carriers, 6,000 ventures over ten years with
 * their residencies, graduations, quarterly reports, financing, programmes and applications.
 * Deterministic (a seeded generator), loaded with multi-row INSERTs in batches.
 * Runs outside Next, so nothing here may import 'server-only'.
 */
import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db/connect';
import * as s from '../db/schema';
import { buildCreditCode } from '../lib/domain/credit-code';
import { DEMO_TOTP_SECRET } from '../lib/totp';
import { addDays, addMonths } from '../lib/domain/dates';
import { quarterDueDate, quarterEnd } from '../lib/domain/reporting';
import {
  CARRIER_KINDS as KINDS,
  CARRIER_LEVELS,
  GRADUATION_CRITERIA,
  INDUSTRIES,
  OWNERSHIPS,
  PROGRAM_CATEGORIES as CATEGORIES,
  type CarrierKind,
  type ResidencyStage,
} from '../lib/domain/vocabulary';

export const BENCH = { carriers: 150, ventures: 6_000, years: 10, bigCarrierTenants: 450 } as const;
export const BENCH_PASSWORD = 'bench-password-2026';
export const BENCH_USERS = { committee: 'bench-committee@example.org', operator: 'bench-operator@example.org' } as const;

const ZONES = ['张江', '金桥', '陆家嘴', '外高桥', '临港', '世博', '川沙', '周浦'] as const;
const STATUSES = ['submitted', 'in_review', 'reviewed', 'approved', 'rejected', 'paid', 'accepted', 'withdrawn'] as const;
const WAN = 1_000_000;

/** mulberry32: small, fast and the same on every machine. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
  };
}

/** Inserts rows in multi-row statements, each within PostgreSQL's 65,535 parameters. */
async function insertAll<T extends Record<string, unknown>>(db: Db, table: PgTable, rows: T[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!).length;
  const batch = Math.max(1, Math.floor(60_000 / columns));
  for (let i = 0; i < rows.length; i += batch) await db.insert(table).values(rows.slice(i, i + batch) as never);
}

type Stay = { ventureId: number; carrierId: number; stage: ResidencyStage; enteredOn: string; leftOn: string | null; exitReason: string | null };

export type BenchCounts = Record<string, number>;

export async function loadBenchNetwork(db: Db, opts: { today: string; passwordHash: string }): Promise<BenchCounts> {
  const r = rng(20_150_606);
  const { today } = opts;
  const thisYear = Number(today.slice(0, 4));
  const firstYear = thisYear - BENCH.years + 1;
  const start = `${firstYear}-01-01`;
  const monthsSpan = BENCH.years * 12;

  // Carriers: one large incubator first (the benchmark operator's), then a mix of kinds.
  const carrierRows = Array.from({ length: BENCH.carriers }, (_, i) => {
    const kind = i === 0 ? 'incubator' : i < 50 ? 'nursery' : i < 120 ? 'incubator' : 'accelerator';
    const total = i === 0 ? 60_000 : kind === 'nursery' ? r.int(600, 3_000) : r.int(5_000, 40_000);
    const staff = r.int(4, 40);
    return {
      id: i + 1,
      name: `基准${kind === 'nursery' ? '苗圃' : kind === 'incubator' ? '孵化器' : '加速器'}${String(i + 1).padStart(3, '0')}`,
      kind,
      level: r.pick(CARRIER_LEVELS),
      ownership: r.pick(OWNERSHIPS),
      operatorOrg: `基准运营公司${i + 1}`,
      zone: r.pick(ZONES),
      operatingSince: addMonths(`${firstYear - 5}-01-01`, r.int(0, 12 * 12)),
      totalAreaM2: total,
      incubationAreaM2: Math.floor(total * 0.75),
      publicServiceAreaM2: Math.floor(total * 0.1),
      workstations: r.int(20, 400),
      seedFundFen: r.int(0, 2_000) * WAN,
      professionalStaff: Math.floor(staff * 0.8),
      totalStaff: staff,
      mentors: r.int(2, 30),
      creditCode: r.chance(0.9) ? buildCreditCode('91', '310115', `C${String(i).padStart(7, '0')}`) : null,
    } satisfies typeof s.carriers.$inferInsert;
  });
  const byKind = (k: (typeof KINDS)[number]) => carrierRows.filter((c) => c.kind === k).map((c) => c.id);
  const pools = { nursery: byKind('nursery'), incubator: byKind('incubator'), accelerator: byKind('accelerator') };

  const ventureRows: (typeof s.ventures.$inferInsert)[] = [];
  const stays: Stay[] = [];
  const graduationRows: (typeof s.graduations.$inferInsert)[] = [];
  for (let v = 1; v <= BENCH.ventures; v++) {
    const team = v > BENCH.bigCarrierTenants && r.chance(0.15);
    const entered = addDays(addMonths(start, r.int(0, monthsSpan - 3)), r.int(0, 27));
    const months = r.int(9, 60);
    const endsOn = addMonths(entered, months);
    const open = endsOn >= today;
    const carrierId = v <= BENCH.bigCarrierTenants ? 1 : team ? r.pick(pools.nursery) : r.pick(pools.incubator);
    const stage = team ? 'nursery' : 'incubating';
    const graduated = !team && !open && r.chance(0.35);
    const reason = open
      ? null
      : team
        ? r.pick(['failed', 'voluntary', 'expired'] as const)
        : graduated
          ? 'graduated'
          : r.pick(['moved', 'failed', 'expired', 'voluntary'] as const);
    stays.push({ ventureId: v, carrierId, stage, enteredOn: entered, leftOn: open ? null : endsOn, exitReason: reason });
    let current: number | null = open ? carrierId : null;
    let ventureStage: typeof s.ventures.$inferInsert.stage = open ? stage : graduated ? 'graduated' : 'exited';
    if (graduated) {
      graduationRows.push({
        ventureId: v,
        carrierId,
        graduatedOn: endsOn,
        criteria: [r.pick(GRADUATION_CRITERIA)],
        evidence: '基准证明材料',
        status: endsOn > addMonths(today, -3) && r.chance(0.5) ? 'pending' : 'verified',
      });
      if (r.chance(0.4)) {
        const acc = r.pick(pools.accelerator);
        const accEnds = addMonths(endsOn, r.int(12, 48));
        const accOpen = accEnds >= today;
        stays.push({
          ventureId: v,
          carrierId: acc,
          stage: 'accelerating',
          enteredOn: endsOn,
          leftOn: accOpen ? null : accEnds,
          exitReason: accOpen ? null : 'voluntary',
        });
        current = accOpen ? acc : null;
        ventureStage = accOpen ? 'accelerating' : 'graduated';
      }
    }
    const highTech = !team && r.chance(0.25);
    ventureRows.push({
      id: v,
      kind: team ? 'team' : 'company',
      name: `${team ? '基准团队' : '基准企业'}${String(v).padStart(5, '0')}`,
      creditCode: team ? null : buildCreditCode('91', '310115', `V${String(v).padStart(7, '0')}`),
      industry: r.pick(INDUSTRIES),
      technicalField: r.chance(0.9) ? '基准技术领域' : null,
      foundedOn: team ? null : addMonths(entered, -r.int(0, 30)),
      talentFlags: r.chance(0.3) ? ['phd'] : [],
      highTechCertNo: highTech ? `GR${String(v).padStart(9, '0')}` : null,
      highTechCertOn: highTech ? addMonths(entered, r.int(6, 40)) : null,
      stage: ventureStage,
      currentCarrierId: current,
    });
  }

  // One report per venture and quarter it was resident at the quarter's end, once it was due.
  const reportRows: (typeof s.ventureReports.$inferInsert)[] = [];
  for (const st of stays) {
    const base = r.int(5, 400) * 10_000; // fen per quarter, grows over the stay
    for (let y = Math.max(firstYear, Number(st.enteredOn.slice(0, 4))); y <= thisYear; y++) {
      for (let q = 1; q <= 4; q++) {
        const end = quarterEnd(y, q);
        if (end < st.enteredOn || (st.leftOn !== null && st.leftOn <= end) || quarterDueDate(y, q) >= today) continue;
        if (r.chance(0.04)) continue; // not filed
        const revenue = base * r.int(8, 14) * (1 + (y - firstYear) / 4);
        reportRows.push({
          ventureId: st.ventureId,
          carrierId: st.carrierId,
          year: y,
          quarter: q,
          revenueFen: Math.round(revenue),
          netProfitFen: Math.round(revenue * (r.next() * 0.4 - 0.2)),
          rdSpendFen: Math.round(revenue * (r.next() * 0.5)),
          taxFen: Math.round(revenue * 0.05),
          financingFen: r.chance(0.03) ? r.int(50, 2_000) * WAN : 0,
          employees: r.int(3, 80),
          ipFiled: r.int(0, 4),
          ipGranted: r.int(0, 2),
          inventionPatents: r.int(0, 10),
          filedAt: new Date(`${quarterDueDate(y, q)}T02:00:00Z`),
        });
      }
    }
  }

  const financingRows = ventureRows
    .filter(() => r.chance(0.2))
    .map((v) => {
      const receivedOn = addMonths(start, r.int(0, monthsSpan - 1));
      // The stay it was recorded in: the last one begun by then, else the first.
      const own = stays.filter((st) => st.ventureId === v.id);
      const stay = own.filter((st) => st.enteredOn <= receivedOn).at(-1) ?? own[0];
      return { ventureId: v.id!, carrierId: stay?.carrierId ?? null, receivedOn, amountFen: r.int(50, 3_000) * WAN, investor: '基准创投' };
    });

  const programmeRows = Array.from({ length: BENCH.years }, (_, yi) => firstYear + yi).flatMap((year) =>
    CATEGORIES.map((category, ci) => ({
      id: (year - firstYear) * CATEGORIES.length + ci + 1,
      code: `BENCH-${year}-${ci + 1}`,
      nameZh: `${year}年度基准专项${ci + 1}`,
      nameEn: `Benchmark programme ${ci + 1} ${year}`,
      year,
      category,
      applicantType: category === 'operation' || category === 'construction' ? ('carrier' as const) : ('venture' as const),
      eligibleKinds: [...KINDS] as CarrierKind[],
      fundingMode: category === 'rd_post_subsidy' ? ('post_subsidy' as const) : ('pre_funded' as const),
      budgetFen: 5_000 * WAN,
      capFen: 100 * WAN,
      opensOn: `${year}-02-15`,
      closesOn: `${year}-09-30`,
      status: year === thisYear ? ('open' as const) : ('closed' as const),
    })),
  );

  const applicationRows = Array.from({ length: 3_000 }, (_, i) => {
    const p = r.pick(programmeRows);
    const status = r.pick(STATUSES);
    const requested = r.int(5, 100) * WAN;
    const approved = ['approved', 'paid', 'accepted'].includes(status) ? Math.min(requested, r.int(5, 100) * WAN) : null;
    const paid = status === 'paid' || status === 'accepted' ? approved! : 0;
    const v = p.applicantType === 'venture' ? r.int(1, BENCH.ventures) : null;
    return {
      refNo: `BENCH-${p.year}-${String(i + 1).padStart(5, '0')}`,
      programId: p.id,
      carrierId: v ? (stays.find((x) => x.ventureId === v)?.carrierId ?? 1) : r.int(1, BENCH.carriers),
      ventureId: v,
      purpose: '基准申报事项',
      requestedFen: requested,
      approvedFen: approved,
      paidFen: paid,
      status,
      submittedAt: new Date(`${p.opensOn}T03:00:00Z`),
    };
  });

  const targetRows = Array.from({ length: BENCH.years }, (_, yi) => firstYear + yi).flatMap((year) => [
    { year, metric: 'high_tech_enterprises', targetMin: 1450, unit: '个' },
    { year, metric: 'new_incubators', targetMin: 10, targetMax: 20, unit: '家' },
    { year, metric: 'new_incubation_area_m2', targetMin: 50_000, unit: 'm²' },
  ]);

  const userRows = [
    // Committee staff need a second factor; the benchmark signs in with the demo secret's code.
    {
      email: BENCH_USERS.committee,
      name: '基准科委用户',
      passwordHash: opts.passwordHash,
      role: 'committee' as const,
      totpSecret: DEMO_TOTP_SECRET,
      totpEnabledAt: new Date(),
    },
    { email: BENCH_USERS.operator, name: '基准运营用户', passwordHash: opts.passwordHash, role: 'operator' as const },
  ];

  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await insertAll(t, s.carriers, carrierRows);
    await insertAll(t, s.ventures, ventureRows);
    await insertAll(t, s.residencies, stays);
    await insertAll(t, s.graduations, graduationRows);
    await insertAll(t, s.ventureReports, reportRows);
    await insertAll(t, s.ventureFinancings, financingRows);
    await insertAll(t, s.programs, programmeRows);
    await insertAll(t, s.applications, applicationRows);
    await insertAll(t, s.annualTargets, targetRows);
    const users = await t.insert(s.users).values(userRows).returning({ id: s.users.id, role: s.users.role });
    await t.insert(s.operatorCarriers).values({ userId: users.find((u) => u.role === 'operator')!.id, carrierId: 1 });
    for (const table of ['carriers', 'ventures', 'programs']) {
      await t.execute(sql.raw(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`));
    }
  });
  await db.execute(sql`ANALYZE`);
  return {
    carriers: carrierRows.length,
    ventures: ventureRows.length,
    residencies: stays.length,
    graduations: graduationRows.length,
    reports: reportRows.length,
    financings: financingRows.length,
    programmes: programmeRows.length,
    applications: applicationRows.length,
  };
}
