import type { Db } from '@/db/connect';
import { graduations, residencies, ventureReports, ventures } from '@/db/schema';
import { buildCreditCode } from '@/lib/domain/credit-code';

/**
 * A small network described as plain data, so that a test can both insert it and compute the
 * expected figures from the same description, independently of the queries under test.
 */
export type Industry = (typeof ventures.industry.enumValues)[number];
export type StaySpec = {
  carrier: number;
  stage: 'nursery' | 'incubating' | 'accelerating';
  entered: string;
  left?: string;
  reason?: 'graduated' | 'moved' | 'failed' | 'incorporated';
};
export type ReportSpec = { carrier: number; year: number; quarter: number };
export type ReportRow = ReportSpec & {
  revenueFen: number;
  rdSpendFen: number;
  financingFen: number;
  employees: number;
  ipFiled: number;
  ipGranted: number;
};
export type VentureSpec = {
  kind: 'team' | 'company';
  industry: Industry;
  stage: 'nursery' | 'incubating' | 'graduated' | 'accelerating' | 'exited';
  highTechOn?: string;
  stays: StaySpec[];
  graduations?: { carrier: number; on: string; status: 'pending' | 'verified' | 'rejected' }[];
  reports?: ReportSpec[];
};

const WAN = 1_000_000;

/** Deterministic, distinct figures for the n-th venture's report of a quarter. */
export function reportFigures(n: number, r: ReportSpec): ReportRow {
  const k = n + 1;
  return {
    ...r,
    revenueFen: (k * 37 + r.quarter * 11 + (r.year - 2020) * 5) * WAN,
    rdSpendFen: (k * 7 + r.quarter * 3) * WAN + 500_000,
    financingFen: r.quarter === 2 ? k * 100 * WAN : 0,
    employees: k * 3 + r.quarter,
    ipFiled: (k + r.quarter) % 4,
    ipGranted: (k + r.quarter) % 2,
  };
}

let seq = 0;
/** Inserts the ventures with their stays, graduations and reports; returns their ids in order. */
export async function insertNetwork(db: Db, specs: VentureSpec[], recordedBy: number | null = null): Promise<number[]> {
  const ids: number[] = [];
  for (const [n, v] of specs.entries()) {
    const open = v.stays.find((s) => !s.left);
    const [row] = await db
      .insert(ventures)
      .values({
        kind: v.kind,
        name: `网络测试${n}-${seq}`,
        creditCode: v.kind === 'company' ? buildCreditCode('91', '310115', `N${String(seq++).padStart(7, '0')}`) : null,
        industry: v.industry,
        foundedOn: '2023-01-01',
        stage: v.stage,
        currentCarrierId: open?.carrier ?? null,
        highTechCertNo: v.highTechOn ? `GR${n}` : null,
        highTechCertOn: v.highTechOn ?? null,
      })
      .returning({ id: ventures.id });
    const id = row!.id;
    ids.push(id);
    await db.insert(residencies).values(
      v.stays.map((s) => ({
        ventureId: id,
        carrierId: s.carrier,
        stage: s.stage,
        enteredOn: s.entered,
        leftOn: s.left ?? null,
        exitReason: s.left ? (s.reason ?? 'moved') : null,
      })),
    );
    if (v.graduations?.length) {
      await db.insert(graduations).values(
        v.graduations.map((g) => ({
          ventureId: id,
          carrierId: g.carrier,
          graduatedOn: g.on,
          criteria: ['revenue' as const],
          evidence: '审计报告',
          status: g.status,
          recordedBy,
        })),
      );
    }
    if (v.reports?.length) {
      await db.insert(ventureReports).values(
        v.reports.map((r) => {
          const { carrier, ...figures } = reportFigures(n, r);
          return { ventureId: id, carrierId: carrier, ...figures };
        }),
      );
    }
  }
  return ids;
}

/** Reports of each quarter of the years given, filed against the carrier named per quarter. */
export function quarters(carrier: number, year: number, from = 1, to = 4): ReportSpec[] {
  return Array.from({ length: to - from + 1 }, (_, i) => ({ carrier, year, quarter: from + i }));
}
