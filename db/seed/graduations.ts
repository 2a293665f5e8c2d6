/**
 * Graduations (毕业) in the demo network. Every graduation names criteria that the venture's
 * own data supports (certificate before the date, financing before the date, an exit, or the
 * revenue in its quarterly reports), with the evidence an operator would attach.
 */
import { type Day, isoOf } from './calendar';
import { FEN_PER_WAN, financing } from './identity';
import type { Criterion, GraduationPlan, ResidencyPlan, VenturePlan } from './plan-types';
import type { Rng } from './random';

type Certifier = { certify(v: VenturePlan, day: Day): void };

export function evidenceFor(v: VenturePlan, criteria: readonly Criterion[], day: Day): string {
  const parts: string[] = [];
  for (const c of criteria) {
    if (c === 'high_tech' && v.highTechCertNo && v.highTechCertOn !== null) {
      parts.push(`高新技术企业证书 ${v.highTechCertNo}（${isoOf(v.highTechCertOn)} 认定）`);
    } else if (c === 'financing') {
      const before = v.financings.filter((f) => f.day <= day);
      const wan = before.reduce((s, f) => s + f.amountFen, 0) / FEN_PER_WAN;
      const investors = [...new Set(before.map((f) => f.investor))].join('、');
      parts.push(`累计获得天使及风险投资 ${wan.toLocaleString('en-US')} 万元（${investors}），附投资协议及银行进账单`);
    } else if (c === 'exit' && v.exitOn !== null) {
      parts.push(
        v.exitKind === 'listed' ? `${isoOf(v.exitOn)} 于上海证券交易所科创板上市` : `${isoOf(v.exitOn)} 被行业龙头企业整体收购，附股权转让协议及工商变更登记`,
      );
    } else if (c === 'revenue') {
      parts.push('连续两个年度营业收入合计超过 1,000 万元，见季度统计报表及经审计的年度财务报表');
    }
  }
  return parts.join('；');
}

/**
 * Makes the venture's data meet the chosen criteria before graduation day `g`, and returns the
 * verified graduation record.
 */
export function graduate(p: Certifier, rng: Rng, v: VenturePlan, stay: ResidencyPlan, g: Day, today: Day): GraduationPlan {
  const kind = rng.weighted([
    ['high_tech', 50],
    ['financing', 32],
    ['both', 12],
    ['exit', 3],
  ] as const);
  const criteria: Criterion[] = kind === 'both' ? ['high_tech', 'financing'] : [kind];
  const span = g - stay.entered;
  if (criteria.includes('high_tech')) p.certify(v, Math.max(stay.entered + 60, g - rng.int(15, 300)));
  if (criteria.includes('financing')) {
    const angelDay = stay.entered + rng.int(20, Math.floor(span / 3));
    v.financings.push(financing(rng, angelDay, 100, 300));
    v.financings.push(financing(rng, Math.min(g - 10, angelDay + rng.int(60, Math.max(61, g - angelDay - 20))), 450, 2000));
  }
  if (kind === 'exit') {
    v.exitKind = 'acquired';
    v.exitOn = Math.max(stay.entered + 30, g - rng.int(10, 60));
  }
  return {
    carrier: stay.carrier,
    day: g,
    criteria,
    status: 'verified',
    evidence: evidenceFor(v, criteria, g),
    rejectionReason: null,
    decidedDay: Math.min(today - 1, g + rng.int(5, 30)),
  };
}

/**
 * A few graduations recorded by operators and still waiting for the committee, and one the
 * committee sent back. As when an operator records one in the portal, a pending graduation has
 * closed the venture's stay on its day and made it a graduate; the rejected one was undone by
 * the committee's decision, so that venture is a tenant again.
 */
export function planPendingGraduations(rng: Rng, ventures: VenturePlan[], carriers: readonly string[], today: Day): void {
  const tenants = ventures.filter((v) => v.stage === 'incubating' && v.currentCarrier !== null && carriers.includes(v.currentCarrier));
  const taken = new Set<VenturePlan>();
  const take = (pred: (v: VenturePlan) => boolean): VenturePlan | undefined => {
    const v = tenants.find((t) => !taken.has(t) && pred(t));
    if (v) taken.add(v);
    return v;
  };
  const record = (v: VenturePlan | undefined, criteria: Criterion[], rejectionReason: string | null): void => {
    if (!v) return;
    const day = today - rng.int(rejectionReason ? 15 : 3, rejectionReason ? 25 : 14);
    v.graduations.push({
      carrier: v.currentCarrier!,
      day,
      criteria,
      status: rejectionReason ? 'rejected' : 'pending',
      // The rejected one was sent back for the missing bank slips.
      evidence: rejectionReason ? evidenceFor(v, criteria, day).replace('及银行进账单', '') : evidenceFor(v, criteria, day),
      rejectionReason,
      decidedDay: rejectionReason ? day + rng.int(2, 8) : null,
    });
    if (!rejectionReason) {
      const stay = v.residencies.find((r) => r.left === null)!;
      stay.left = day;
      stay.exitReason = 'graduated';
      v.stage = 'graduated';
    }
  };
  record(
    take((v) => v.tags.has('revenue_star') && v.currentCarrier === 'pdsp-inc'),
    ['revenue'],
    null,
  );
  record(
    take((v) => v.tags.has('revenue_star') && v.currentCarrier === 'ic-inc'),
    ['revenue'],
    null,
  );
  record(
    take((v) => v.tags.has('financing_candidate') && v.currentCarrier === 'zjyg-inc'),
    ['financing'],
    null,
  );
  record(
    take((v) => v.exitKind === 'acquired'),
    ['exit'],
    null,
  );
  record(
    take((v) => v.highTechCertOn !== null && v.highTechCertOn < today - 30),
    ['high_tech'],
    null,
  );
  record(
    take((v) => v.tags.has('financing_candidate') && v.currentCarrier === 'pdsp-inc'),
    ['financing'],
    '所附投资协议未见资金到账凭证，无法核实累计融资额；请补充银行进账单后重新提交。',
  );
}

/** A listing on the STAR market for one accelerating graduate, and a recent acquisition of one tenant. */
export function markExits(rng: Rng, ventures: VenturePlan[], today: Day): void {
  const listed = ventures.find((v) => v.stage === 'accelerating' && v.exitKind === null && v.graduations.length > 0 && v.highTechCertOn !== null);
  if (listed) {
    listed.exitKind = 'listed';
    listed.exitOn = today - rng.int(60, 200);
  }
  const acquired = ventures.find(
    (v) => v.stage === 'incubating' && v.currentCarrier === 'zjyg-inc' && v.tags.size === 0 && v.founded !== null && v.founded < today - 400,
  );
  if (acquired) {
    acquired.exitKind = 'acquired';
    acquired.exitOn = today - rng.int(30, 60);
  }
}
