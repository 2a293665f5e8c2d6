/**
 * One district of the benchmark's network: 150 carriers, 6,000 ventures over ten years with
 * their residencies, graduations, quarterly reports, financing and applications, plus the rows
 * every network shares (the committee's programmes and targets, the benchmark's two users).
 * Deterministic (a seeded generator per district) and pure: bench-network.ts loads the rows.
 * Runs outside Next, so nothing here may import 'server-only'.
 */
import type * as s from '../db/schema';
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
import { DISTRICT, carrierKind, districtOffsets, districtSeed } from './bench-plan';

export const BENCH_PASSWORD = 'bench-password-2026';
export const BENCH_USERS = { committee: 'bench-committee@example.org', operator: 'bench-operator@example.org' } as const;
/** The operator's carrier: the large incubator of district 0. */
export const BENCH_OPERATOR_CARRIER = 1;

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

type Stay = { ventureId: number; carrierId: number; stage: ResidencyStage; enteredOn: string; leftOn: string | null; exitReason: string | null };
type Programme = typeof s.programs.$inferInsert & { id: number; year: number; opensOn: string };

function years(today: string) {
  const thisYear = Number(today.slice(0, 4));
  const firstYear = thisYear - DISTRICT.years + 1;
  return { thisYear, firstYear, list: Array.from({ length: DISTRICT.years }, (_, yi) => firstYear + yi) };
}

/** The committee's programmes (one per category and year), targets and the benchmark's users. */
export function sharedRows(opts: { today: string; passwordHash: string; budgetFactor: number }) {
  const { thisYear, firstYear, list } = years(opts.today);
  const programmes: Programme[] = list.flatMap((year) =>
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
      budgetFen: 5_000 * WAN * opts.budgetFactor,
      capFen: 100 * WAN,
      opensOn: `${year}-02-15`,
      closesOn: `${year}-09-30`,
      status: year === thisYear ? ('open' as const) : ('closed' as const),
    })),
  );
  const targets = list.flatMap((year) => [
    { year, metric: 'high_tech_enterprises', targetMin: 1450, unit: '个' },
    { year, metric: 'new_incubators', targetMin: 10, targetMax: 20, unit: '家' },
    { year, metric: 'new_incubation_area_m2', targetMin: 50_000, unit: 'm²' },
  ]);
  const users = [
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
  return { programmes, targets, users };
}

export type DistrictRows = ReturnType<typeof generateDistrict>;

/**
 * The rows of district `district` (ids after the previous districts'). District 0 is the
 * network of scale 1, with the operator's large incubator first; the others have none.
 */
export function generateDistrict(district: number, opts: { today: string; programmes: Programme[] }) {
  const r = rng(districtSeed(district));
  const { today } = opts;
  const { thisYear, firstYear } = years(today);
  const start = `${firstYear}-01-01`;
  const monthsSpan = DISTRICT.years * 12;
  const off = districtOffsets(district);
  const bigTenants = district === 0 ? DISTRICT.bigCarrierTenants : 0;

  // Carriers: in district 0 one large incubator first (the benchmark operator's), then the mix of kinds.
  const carrierRows = Array.from({ length: DISTRICT.carriers }, (_, li) => {
    const i = off.carrier + li;
    const kind = carrierKind(li);
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
  for (let lv = 1; lv <= DISTRICT.ventures; lv++) {
    const v = off.venture + lv;
    const team = lv > bigTenants && r.chance(0.15);
    const entered = addDays(addMonths(start, r.int(0, monthsSpan - 3)), r.int(0, 27));
    const months = r.int(9, 60);
    const endsOn = addMonths(entered, months);
    const open = endsOn >= today;
    const carrierId = lv <= bigTenants ? BENCH_OPERATOR_CARRIER : team ? r.pick(pools.nursery) : r.pick(pools.incubator);
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

  const staysOf = new Map<number, Stay[]>();
  for (const st of stays) staysOf.set(st.ventureId, [...(staysOf.get(st.ventureId) ?? []), st]);
  const financingRows = ventureRows
    .filter(() => r.chance(0.2))
    .map((v) => {
      const receivedOn = addMonths(start, r.int(0, monthsSpan - 1));
      // The stay it was recorded in: the last one begun by then, else the first.
      const own = staysOf.get(v.id!) ?? [];
      const stay = own.filter((st) => st.enteredOn <= receivedOn).at(-1) ?? own[0];
      return { ventureId: v.id!, carrierId: stay?.carrierId ?? null, receivedOn, amountFen: r.int(50, 3_000) * WAN, investor: '基准创投' };
    });

  const applicationRows = Array.from({ length: DISTRICT.applications }, (_, li) => {
    const i = off.application + li;
    const p = r.pick(opts.programmes);
    const status = r.pick(STATUSES);
    const requested = r.int(5, 100) * WAN;
    const approved = ['approved', 'paid', 'accepted'].includes(status) ? Math.min(requested, r.int(5, 100) * WAN) : null;
    const paid = status === 'paid' || status === 'accepted' ? approved! : 0;
    const v = p.applicantType === 'venture' ? off.venture + r.int(1, DISTRICT.ventures) : null;
    return {
      refNo: `BENCH-${p.year}-${String(i + 1).padStart(5, '0')}`,
      programId: p.id,
      carrierId: v ? staysOf.get(v)![0]!.carrierId : off.carrier + r.int(1, DISTRICT.carriers),
      ventureId: v,
      purpose: '基准申报事项',
      requestedFen: requested,
      approvedFen: approved,
      paidFen: paid,
      status,
      submittedAt: new Date(`${p.opensOn}T03:00:00Z`),
    };
  });

  return {
    carriers: carrierRows,
    ventures: ventureRows,
    residencies: stays,
    graduations: graduationRows,
    reports: reportRows,
    financings: financingRows,
    applications: applicationRows,
  };
}
