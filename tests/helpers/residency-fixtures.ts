import type { Db } from '@/db/connect';
import type { Actor } from '@/db/audit';
import { buildCreditCode } from '@/lib/domain/credit-code';
import type { Scope } from '@/lib/roles';
import type { AdmissionInput } from '@/lib/validation/venture';
import { bindOperator, makeCarrier, makeUser } from './fixtures';

let serial = Math.floor(Math.random() * 900_000);
/** A valid credit code no other fixture hands out ("MR" + digits in the organisation code). */
export function residencyCreditCode(): string {
  return buildCreditCode('91', '310115', `MR${String(serial++).padStart(6, '0')}`);
}

/** An operator running one carrier of each kind. */
export async function makeOperatorWithCarriers(db: Db) {
  const user = await makeUser(db, 'operator');
  const nursery = await makeCarrier(db, 'nursery');
  const incubator = await makeCarrier(db, 'incubator');
  const accelerator = await makeCarrier(db, 'accelerator');
  for (const c of [nursery, incubator, accelerator]) await bindOperator(db, user.id, c.id);
  const actor: Actor = { userId: user.id, role: 'operator', ip: '127.0.0.1' };
  const scope: Scope = { kind: 'carriers', carrierIds: [nursery.id, incubator.id, accelerator.id] };
  return { user, actor, scope, nursery, incubator, accelerator };
}

export function companyInput(carrierId: number, over: Partial<Extract<AdmissionInput, { kind: 'company' }>> = {}): AdmissionInput {
  return {
    kind: 'company',
    carrierId,
    name: `入驻企业${serial++}`,
    creditCode: residencyCreditCode(),
    industry: 'software',
    foundedOn: '2025-06-01',
    founders: '张三',
    talentFlags: ['phd'],
    enteredOn: '2026-01-15',
    areaM2: 120,
    workstations: 8,
    ...over,
  };
}

export function teamInput(carrierId: number, over: Partial<Extract<AdmissionInput, { kind: 'team' }>> = {}): AdmissionInput {
  return {
    kind: 'team',
    carrierId,
    name: `创业团队${serial++}`,
    industry: 'ai',
    founders: '李四',
    talentFlags: [],
    enteredOn: '2026-01-15',
    areaM2: 0,
    workstations: 4,
    ...over,
  };
}
