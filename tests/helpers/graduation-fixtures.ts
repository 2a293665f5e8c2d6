import type { Db } from '@/db/connect';
import { eq } from 'drizzle-orm';
import { residencies, ventureFinancings, ventureReports, ventures } from '@/db/schema';
import { buildCreditCode } from '@/lib/domain/credit-code';

let seq = 0;
/** A credit code no other fixture uses (organisation codes "GD" and six digits). */
function freshCreditCode(): string {
  return buildCreditCode('91', '310115', `GD${String(seq++).padStart(6, '0')}`);
}

type Industry = (typeof ventures.industry.enumValues)[number];

export type TenantSpec = {
  industry?: Industry;
  enteredOn?: string;
  areaM2?: number;
  highTechCertNo?: string | null;
  highTechCertOn?: string | null;
  exitKind?: 'acquired' | 'listed' | null;
  exitOn?: string | null;
  ruleWarnings?: string[];
  name?: string;
};

/** A company incubating in an incubator since `enteredOn`, with an open residency. */
export async function makeTenant(db: Db, carrierId: number, spec: TenantSpec = {}) {
  const [v] = await db
    .insert(ventures)
    .values({
      kind: 'company',
      name: spec.name ?? `毕业测试企业${seq++}`,
      creditCode: freshCreditCode(),
      industry: spec.industry ?? 'software',
      foundedOn: '2020-01-01',
      highTechCertNo: spec.highTechCertNo ?? null,
      highTechCertOn: spec.highTechCertOn ?? null,
      exitKind: spec.exitKind ?? null,
      exitOn: spec.exitOn ?? (spec.exitKind ? '2026-01-15' : null),
      stage: 'incubating',
      currentCarrierId: carrierId,
    })
    .returning();
  const r = await addResidency(db, {
    ventureId: v!.id,
    carrierId,
    stage: 'incubating',
    enteredOn: spec.enteredOn ?? '2024-03-01',
    areaM2: spec.areaM2 ?? 100,
    ruleWarnings: spec.ruleWarnings ?? [],
  });
  return { ...v!, residencyId: r.id };
}

/** One residency row as given (open unless leftOn), returned as stored. */
export async function addResidency(db: Db, values: typeof residencies.$inferInsert) {
  const [r] = await db.insert(residencies).values(values).returning();
  return r!;
}

/** Financing rounds recorded by the venture's current carrier (a financing belongs to the stay it was recorded in). */
export async function addFinancings(db: Db, ventureId: number, amountsFen: number[], receivedOn = '2025-06-01') {
  const [v] = await db.select({ carrierId: ventures.currentCarrierId }).from(ventures).where(eq(ventures.id, ventureId));
  await db
    .insert(ventureFinancings)
    .values(amountsFen.map((amountFen, i) => ({ ventureId, carrierId: v?.carrierId ?? null, amountFen, receivedOn, investor: `投资机构${i + 1}` })));
}

/** Quarterly reports: revenue per year, spread over the four quarters (the remainder in Q4). */
export async function addYearRevenues(db: Db, ventureId: number, carrierId: number, byYear: Record<number, number>) {
  const rows = Object.entries(byYear).flatMap(([year, total]) => {
    const q = Math.floor(total / 4);
    return [1, 2, 3, 4].map((quarter) => ({
      ventureId,
      carrierId,
      year: Number(year),
      quarter,
      revenueFen: quarter === 4 ? total - 3 * q : q,
    }));
  });
  await db.insert(ventureReports).values(rows);
}

export const PDF_BYTES = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
export const PNG_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
