import { DEMO_TOTP_SECRET } from '@/lib/totp';
import bcrypt from 'bcryptjs';
import type { Db } from '@/db/connect';
import { carriers, operatorCarriers, residencies, users, ventures } from '@/db/schema';
import { buildCreditCode } from '@/lib/domain/credit-code';
import type { Role } from '@/lib/roles';

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export const TEST_PASSWORD = 'correct horse battery';
let hash: string | undefined;
export async function passwordHash() {
  hash ??= await bcrypt.hash(TEST_PASSWORD, 4);
  return hash;
}

export async function makeUser(db: Db, role: Role, extra: Partial<typeof users.$inferInsert> = {}) {
  const [u] = await db
    .insert(users)
    .values({ email: `${role}-${unique()}@test.example`, name: `${role} ${unique()}`, passwordHash: await passwordHash(), role, ...extra })
    .returning();
  return u!;
}

export async function makeCarrier(db: Db, kind: 'nursery' | 'incubator' | 'accelerator', extra: Partial<typeof carriers.$inferInsert> = {}) {
  const [c] = await db
    .insert(carriers)
    .values({
      name: `载体${unique()}`,
      kind,
      ownership: 'state',
      operatorOrg: '测试运营公司',
      zone: '张江',
      totalAreaM2: 10_000,
      incubationAreaM2: 8_000,
      publicServiceAreaM2: 1_000,
      ...extra,
    })
    .returning();
  return c!;
}

export async function bindOperator(db: Db, userId: number, carrierId: number) {
  await db.insert(operatorCarriers).values({ userId, carrierId });
}

let org = 0;
/** A company resident in a carrier, at the stage matching the carrier's kind. */
export async function makeResidentCompany(db: Db, carrierId: number, stage: 'incubating' | 'accelerating' = 'incubating', areaM2 = 100) {
  const org8 = `MA1${(org++).toString(36).toUpperCase().padStart(5, '0')}`.replace(/[IOSVZ]/g, 'A');
  const [v] = await db
    .insert(ventures)
    .values({
      kind: 'company',
      name: `测试企业${unique()}`,
      creditCode: buildCreditCode('91', '310115', org8),
      industry: 'software',
      foundedOn: '2025-01-01',
      stage,
      currentCarrierId: carrierId,
    })
    .returning();
  await db.insert(residencies).values({ ventureId: v!.id, carrierId, stage, enteredOn: '2025-06-01', areaM2 });
  return v!;
}

/** Columns of a user enrolled in the second factor (with the demo secret), for roles that require it. */
export const enrolledSecondFactor = () => ({ totpSecret: DEMO_TOTP_SECRET, totpEnabledAt: new Date() });
