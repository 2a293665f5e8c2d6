import { eq } from 'drizzle-orm';
import { decideApplication, inspectApplication, payApplication } from '@/db/queries/subsidies/applications';
import { addBlacklistEntry } from '@/db/queries/oversight/blacklist';
import { applications, ventures } from '@/db/schema';
import type { Actor } from '@/db/audit';
import { ALL, TODAY, type SubsidyWorld } from './subsidy-fixtures';

/** Short forms of the committee's steps on a subsidy world, for the workflow tests. */
export const approve = (w: SubsidyWorld, who: Actor, id: number, version: number, approvedFen: number) =>
  decideApplication(w.db, who, ALL, { applicationId: id, version, decision: 'approve', approvedFen, inspectionDueOn: '2026-12-31' }, TODAY);
export const pay = (w: SubsidyWorld, id: number, version: number, amountFen: number, voucherNo: string) =>
  payApplication(w.db, w.acceptor, ALL, { applicationId: id, version, amountFen, paidOn: TODAY, voucherNo }, TODAY);
export const inspect = (w: SubsidyWorld, who: Actor, id: number, version: number, passed: boolean, finalFen?: number) =>
  inspectApplication(w.db, who, ALL, { applicationId: id, version, passed, finalFen, comment: '验收意见', actuals: [] }, TODAY);

export async function status(w: SubsidyWorld, id: number) {
  const [r] = await w.db.select().from(applications).where(eq(applications.id, id));
  return r!;
}

export async function blacklistVenture(w: SubsidyWorld, ventureId: number) {
  const [v] = await w.db.select().from(ventures).where(eq(ventures.id, ventureId));
  await addBlacklistEntry(w.db, w.inspector, {
    subjectType: 'venture',
    creditCode: v!.creditCode!,
    subjectName: v!.name,
    misconduct: '骗取补贴',
    outcome: '追回资金',
    handlingBody: '区科委',
    legalBasis: '沪科规〔2024〕12号',
    effectiveOn: '2026-01-01',
  });
}
