import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '@/db/audit';
import { payableFen } from '@/lib/domain/workflow';
import { formatWan, moneyFigure } from '@/lib/money';
import { invalid, type FieldErrors } from '@/lib/errors';
import type { Scope } from '@/lib/roles';
import type { InspectionInput, PaymentInput } from '@/lib/validation/subsidies';
import type { Db } from '../../client';
import { disbursements, indicators } from '../../schema';
import { isUniqueViolation } from '../shared/errors';
import { advance, prepareStep, recordStep } from './steps';

/**
 * The money and the results: payments (拨款), possibly in several parts, never above the
 * approved amount (or the final one set at a post-subsidy inspection), never to a blacklisted
 * applicant; and the inspection (验收) of the indicators.
 */

/**
 * Records one payment. The guarded update on the application's version makes a second request
 * with the same version (a double click, a second tab) a conflict, so nothing is paid twice.
 */
export async function payApplication(
  db: Db,
  actor: Actor,
  scope: Scope,
  input: PaymentInput,
  today: string,
): Promise<{ disbursementId: number; version: number; paidFen: number }> {
  try {
    return await db.transaction(async (tx) => {
      const row = await prepareStep(tx, actor, scope, input, 'pay', { today, checkBlacklist: true });
      const errors: FieldErrors = {};
      const payable = payableFen(row);
      if (input.amountFen > payable)
        errors.amountFen = [
          { key: 'subsidyErrors.overPayable', params: { payableFen: payable, payable: formatWan(payable), payableYuan: moneyFigure('en', payable) } },
        ];
      if (input.paidOn > today) errors.paidOn = [{ key: 'dateInFuture' }];
      if (Object.keys(errors).length) throw invalid(errors);
      const paidFen = row.paidFen + input.amountFen;
      const version = await advance(tx, row, { status: 'paid', paidFen });
      const [saved] = await tx
        .insert(disbursements)
        .values({ applicationId: row.id, amountFen: input.amountFen, paidOn: input.paidOn, voucherNo: input.voucherNo, paidBy: actor.userId })
        .returning({ id: disbursements.id });
      await recordStep(tx, actor, row, {
        action: 'pay',
        to: 'paid',
        before: { paidFen: row.paidFen },
        after: { paidFen, version, disbursement: { id: saved!.id, amountFen: input.amountFen, paidOn: input.paidOn, voucherNo: input.voucherNo } },
      });
      return { disbursementId: saved!.id, version, paidFen };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw invalid({ voucherNo: [{ key: 'subsidyErrors.voucherTaken' }] });
    throw e;
  }
}

/**
 * The inspection: the actual value of each indicator, pass or fail, and the inspector's
 * comment. For a post-subsidy programme a pass sets the final amount (at most the approved
 * one; what may be paid) and a fail sets it to zero. A pre-funded programme's inspection
 * follows its payment and leaves the amounts as they are.
 */
export async function inspectApplication(db: Db, actor: Actor, scope: Scope, input: InspectionInput, today: string): Promise<{ version: number }> {
  return db.transaction(async (tx) => {
    const row = await prepareStep(tx, actor, scope, input, 'inspect', { today });
    const errors: FieldErrors = {};
    let finalFen: number | null = null;
    if (row.fundingMode === 'post_subsidy') {
      if (!input.passed) finalFen = 0;
      else if (input.finalFen === undefined) errors.finalFen = [{ key: 'required' }];
      else if (input.finalFen > (row.approvedFen ?? 0))
        errors.finalFen = [
          {
            key: 'subsidyErrors.finalOverApproved',
            params: { approvedFen: row.approvedFen ?? 0, approved: formatWan(row.approvedFen ?? 0), approvedYuan: moneyFigure('en', row.approvedFen ?? 0) },
          },
        ];
      else if (input.finalFen <= 0) errors.finalFen = [{ key: 'subsidyErrors.amountNotPositive' }];
      else finalFen = input.finalFen;
    }
    const ids = input.actuals.map((a) => a.indicatorId);
    if (new Set(ids).size !== ids.length) errors.actuals = [{ key: 'subsidyErrors.unknownIndicator' }];
    const own = ids.length
      ? await tx
          .select({ id: indicators.id })
          .from(indicators)
          .where(and(eq(indicators.applicationId, row.id), inArray(indicators.id, ids)))
      : [];
    if (own.length !== new Set(ids).size) errors.actuals = [{ key: 'subsidyErrors.unknownIndicator' }];
    if (Object.keys(errors).length) throw invalid(errors);

    const to = input.passed ? 'accepted' : 'acceptance_failed';
    const version = await advance(tx, row, {
      status: to,
      inspectedBy: actor.userId,
      inspectedAt: new Date(),
      ...(row.fundingMode === 'post_subsidy' ? { finalFen } : {}),
    });
    if (input.actuals.length) {
      const values = sql.join(
        input.actuals.map((a) => sql`(${a.indicatorId}::int, ${a.actualValue}::double precision, ${a.passed}::boolean)`),
        sql`, `,
      );
      await tx.execute(sql`
        UPDATE ${indicators} SET actual_value = v.actual, passed = v.passed, updated_at = now()
        FROM (VALUES ${values}) AS v(id, actual, passed)
        WHERE ${indicators.id} = v.id AND ${indicators.applicationId} = ${row.id}`);
    }
    await recordStep(tx, actor, row, {
      action: 'inspect',
      to,
      comment: input.comment,
      before: { finalFen: row.finalFen },
      after: { inspectedBy: actor.userId, finalFen: row.fundingMode === 'post_subsidy' ? finalFen : row.finalFen, actuals: input.actuals, version },
    });
    return { version };
  });
}
