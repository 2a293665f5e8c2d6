import type { Db } from '@/db/connect';
import { residencies, ventures } from '@/db/schema';
import type { Actor } from '@/db/audit';
import { buildCreditCode } from '@/lib/domain/credit-code';
import type { Scope } from '@/lib/roles';
import { bindOperator, makeCarrier, makeUser } from './fixtures';

let serial = Math.floor(Math.random() * 500_000);
/** A valid, unused credit code (digits only in the organisation code, so no forbidden letters). */
export function freshCreditCode(): string {
  return buildCreditCode('91', '310115', `MB${String(serial++).padStart(6, '0')}`);
}

export type ResidencySpec = {
  carrierId: number;
  stage: 'nursery' | 'incubating' | 'accelerating';
  enteredOn: string;
  leftOn?: string;
  exitReason?: 'graduated' | 'moved' | 'failed' | 'expired' | 'voluntary' | 'incorporated';
  ruleWarnings?: string[];
  areaM2?: number;
};

export type VentureSpec = Partial<Omit<typeof ventures.$inferInsert, 'id'>> & {
  stage: (typeof ventures.stage.enumValues)[number];
  currentCarrierId: number | null;
  residencies: ResidencySpec[];
};

/** A venture with the given residency history, written as it stands (no rules applied). */
export async function makeVenture(db: Db, spec: VentureSpec) {
  const { residencies: stays, ...rest } = spec;
  const kind = rest.kind ?? 'company';
  const [v] = await db
    .insert(ventures)
    .values({
      name: `项目${(serial++).toString(36)}`,
      industry: 'software',
      foundedOn: kind === 'company' ? '2024-01-01' : null,
      ...rest,
      kind,
      creditCode: kind === 'company' ? (rest.creditCode ?? freshCreditCode()) : null,
    })
    .returning();
  if (stays.length) {
    await db.insert(residencies).values(
      stays.map((r) => ({
        ventureId: v!.id,
        carrierId: r.carrierId,
        stage: r.stage,
        enteredOn: r.enteredOn,
        leftOn: r.leftOn ?? null,
        exitReason: r.leftOn ? (r.exitReason ?? 'moved') : null,
        ruleWarnings: r.ruleWarnings ?? [],
        areaM2: r.areaM2 ?? 50,
      })),
    );
  }
  return v!;
}

/** A company incubating in one carrier since `enteredOn`. */
export function makeTenant(db: Db, carrierId: number, enteredOn: string, extra: Partial<VentureSpec> = {}) {
  return makeVenture(db, {
    stage: 'incubating',
    currentCarrierId: carrierId,
    residencies: [{ carrierId, stage: 'incubating', enteredOn }],
    ...extra,
  });
}

/** An operator running an incubator and a nursery, and another operator's incubator. */
export async function twoOperatorWorld(db: Db) {
  const op = await makeUser(db, 'operator');
  const incA = (await makeCarrier(db, 'incubator', { name: '甲孵化器' })).id;
  const nurA = (await makeCarrier(db, 'nursery', { name: '甲苗圃' })).id;
  const incB = (await makeCarrier(db, 'incubator', { name: '乙孵化器' })).id;
  await bindOperator(db, op.id, incA);
  await bindOperator(db, op.id, nurA);
  const scope: Scope = { kind: 'carriers', carrierIds: [incA, nurA] };
  const actor: Actor = { userId: op.id, role: 'operator', ip: null };
  return { scope, actor, incA, nurA, incB };
}
