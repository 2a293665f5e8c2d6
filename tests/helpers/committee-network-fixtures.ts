import type { Db } from '@/db/connect';
import { graduations, ventureFinancings, ventureReports, ventures } from '@/db/schema';
import { buildCreditCode } from '@/lib/domain/credit-code';
import { addResidency } from './graduation-fixtures';

let seq = 0;
const code = () => buildCreditCode('91', '310115', `CN${String(seq++).padStart(6, '0')}`);

type Industry = (typeof ventures.industry.enumValues)[number];

/** One stay of a venture in a carrier, as the committee's figures see it. */
export type StaySpec = {
  name: string;
  kind?: 'team' | 'company';
  stage?: 'nursery' | 'incubating' | 'accelerating';
  industry?: Industry;
  enteredOn: string;
  leftOn?: string | null;
  areaM2?: number;
  ruleWarnings?: string[];
  /** Financing events: [receivedOn, fen]. */
  financings?: [string, number][];
  /** Quarterly reports filed: [year, quarter, late, ipFiled, ipGranted]. */
  reports?: [number, number, boolean, number?, number?][];
};

/** A venture with one stay in the carrier (open unless leftOn), its financings and its reports. */
export async function makeStay(db: Db, carrierId: number, s: StaySpec) {
  const kind = s.kind ?? 'company';
  const stage = s.stage ?? (kind === 'team' ? 'nursery' : 'incubating');
  const open = !s.leftOn;
  const [v] = await db
    .insert(ventures)
    .values({
      kind,
      name: s.name,
      creditCode: kind === 'company' ? code() : null,
      industry: s.industry ?? 'software',
      foundedOn: '2019-01-01',
      stage: open ? stage : 'exited',
      currentCarrierId: open ? carrierId : null,
    })
    .returning();
  const r = await addResidency(db, {
    ventureId: v!.id,
    carrierId,
    stage,
    enteredOn: s.enteredOn,
    leftOn: s.leftOn ?? null,
    exitReason: s.leftOn ? 'moved' : null,
    areaM2: s.areaM2 ?? 0,
    ruleWarnings: s.ruleWarnings ?? [],
  });
  if (s.financings?.length) {
    await db
      .insert(ventureFinancings)
      .values(s.financings.map(([receivedOn, amountFen]) => ({ ventureId: v!.id, carrierId, receivedOn, amountFen, investor: '测试投资' })));
  }
  if (s.reports?.length) {
    await db.insert(ventureReports).values(
      s.reports.map(([year, quarter, late, ipFiled = 0, ipGranted = 0]) => ({
        ventureId: v!.id,
        carrierId,
        year,
        quarter,
        late,
        ipFiled,
        ipGranted,
        revenueFen: 1_000_000,
        financingFen: 0,
      })),
    );
  }
  return { venture: v!, residency: r };
}

/**
 * A graduate of the carrier as recording leaves it: its incubating stay closed on the day with
 * exit reason 'graduated', the venture at stage 'graduated' still attached to the carrier, and
 * the graduation row with the given status.
 */
export async function makeGraduate(
  db: Db,
  carrierId: number,
  g: {
    name: string;
    graduatedOn: string;
    status: 'pending' | 'verified' | 'rejected';
    recordedBy?: number;
    stage?: 'incubating' | 'nursery';
    enteredOn?: string;
    areaM2?: number;
  },
) {
  const [v] = await db
    .insert(ventures)
    .values({
      kind: 'company',
      name: g.name,
      creditCode: code(),
      industry: 'software',
      foundedOn: '2020-01-01',
      stage: 'graduated',
      currentCarrierId: carrierId,
      highTechCertNo: 'GR2024310001',
      highTechCertOn: '2024-01-01',
    })
    .returning();
  const r = await addResidency(db, {
    ventureId: v!.id,
    carrierId,
    stage: g.stage ?? 'incubating',
    enteredOn: g.enteredOn ?? '2023-01-01',
    leftOn: g.graduatedOn,
    exitReason: 'graduated',
    areaM2: g.areaM2 ?? 120,
    workstations: 4,
  });
  const [row] = await db
    .insert(graduations)
    .values({
      ventureId: v!.id,
      carrierId,
      graduatedOn: g.graduatedOn,
      criteria: ['high_tech'],
      evidence: '高新技术企业证书',
      status: g.status,
      recordedBy: g.recordedBy ?? null,
    })
    .returning();
  return { venture: v!, residency: r, graduation: row! };
}
