/**
 * Walks each demo application through the subsidy workflow (docs/domain.md, 分权制衡): one event
 * per transition, a review by the committee member who accepted it, the decision by a second
 * and the inspection by a third, payments with vouchers, and indicators for acceptance.
 */
import { APPLICATION_SPECS, type AppSpec, type AppStatus, pickApplicant } from './application-specs';
import { at, type Day, yearOf } from './calendar';
import { ACCOUNTS, carrierDef } from './carriers';
import type { Category, ProgramPlan } from './programs';
import { openResidency, type VenturePlan } from './plan-types';
import type { Rng } from './random';
import type { Recommendation } from '../../lib/domain/vocabulary';

const WAN = 1_000_000;

export type AppEventPlan = { actor: string | null; from: AppStatus | null; to: AppStatus; comment: string; visible: boolean; at: Date };
export type AppPlan = {
  program: string;
  carrier: string;
  venture: number | null;
  purpose: string;
  requestedFen: number;
  approvedFen: number | null;
  finalFen: number | null;
  paidFen: number;
  status: AppStatus;
  createdBy: string | null;
  submittedAt: Date | null;
  acceptedBy: string | null;
  acceptedAt: Date | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionReason: string | null;
  inspectedBy: string | null;
  inspectedAt: Date | null;
  inspectionDueOn: Day | null;
  createdAt: Date;
  events: AppEventPlan[];
  reviews: { reviewer: string; score: number; recommendation: Recommendation; recommendedFen: number | null; comment: string; at: Date }[];
  indicators: { name: string; unit: string; target: number; actual: number | null; passed: boolean | null }[];
  disbursements: { amountFen: number; paidOn: Day; voucherNo: string; paidBy: string }[];
};

/** Rotating roles: [accepts and reviews, decides, inspects]; never one person in two of them. */
const COMMITTEE = ['committee1@example.org', 'committee2@example.org', 'committee3@example.org'] as const;

const INDICATORS: Record<Category, readonly [string, string, number][]> = {
  operation: [
    ['新增在孵企业', '家', 8],
    ['毕业企业', '家', 3],
    ['开展创业服务活动', '场', 12],
  ],
  construction: [
    ['新增孵化面积', 'm²', 3000],
    ['新建公共技术服务平台', '个', 1],
  ],
  rent: [
    ['年度营业收入', '万元', 300],
    ['新增就业岗位', '人', 10],
  ],
  graduation_reward: [
    ['毕业后留驻浦东', '年', 3],
    ['年度纳税额', '万元', 50],
  ],
  nursery_project: [
    ['完成工商注册', '家', 1],
    ['获得天使投资', '万元', 50],
  ],
  rd_post_subsidy: [
    ['年度研发投入', '万元', 300],
    ['新增发明专利申请', '件', 3],
  ],
  ip_pledge_risk: [
    ['知识产权质押贷款额', '万元', 500],
    ['按期还本付息', '%', 100],
  ],
  loan_interest: [
    ['科技贷款金额', '万元', 300],
    ['按期还本付息', '%', 100],
  ],
};

const REJECT_REASONS = [
  '同一事项已获区级其他专项资助，按“从优不重复”原则不予支持。',
  '专家评审得分低于立项分数线（60分），不予立项。',
  '申报材料所附场地租赁合同与实际使用面积不符，不予立项。',
];

export function operatorFor(carrier: string): string | null {
  return ACCOUNTS.find((a) => a.role === 'operator' && a.carriers.includes(carrier))?.email ?? null;
}

function steps(spec: AppSpec, mode: ProgramPlan['fundingMode']): AppStatus[] {
  const head: AppStatus[] = ['draft'];
  if (spec.status === 'withdrawn') {
    head.push('submitted');
    if (spec.withdrawnFrom === 'returned') head.push('returned');
    return [...head, 'withdrawn'];
  }
  if (spec.status === 'draft') return head;
  head.push('submitted');
  if (spec.status === 'returned') return [...head, 'returned'];
  if (spec.resubmitted) head.push('returned', 'submitted');
  if (spec.status === 'submitted') return head;
  head.push('in_review');
  if (spec.status === 'in_review') return head;
  head.push('reviewed');
  if (spec.status === 'reviewed') return head;
  if (spec.status === 'rejected') return [...head, 'rejected'];
  head.push('approved');
  const tail: Record<string, AppStatus[]> =
    mode === 'pre_funded'
      ? { approved: [], paid: ['paid'], accepted: ['paid', 'accepted'], acceptance_failed: ['paid', 'acceptance_failed'] }
      : { approved: [], accepted: ['accepted'], paid: ['accepted', 'paid'], acceptance_failed: ['acceptance_failed'] };
  return [...head, ...(tail[spec.status] ?? [])];
}

/** Days between one status and the next. */
function gap(rng: Rng, from: AppStatus, to: AppStatus): number {
  if (to === 'submitted') return from === 'returned' ? rng.int(5, 10) : rng.int(2, 6);
  if (to === 'returned' || to === 'in_review') return rng.int(3, 8);
  if (to === 'reviewed') return rng.int(10, 20);
  if (to === 'approved' || to === 'rejected') return rng.int(7, 15);
  if (to === 'withdrawn') return rng.int(2, 10);
  if (to === 'paid') return from === 'accepted' ? rng.int(15, 30) : rng.int(10, 25);
  return from === 'paid' ? rng.int(250, 330) : rng.int(120, 200); // inspection
}

function roundWan(fen: number): number {
  return Math.max(WAN, Math.floor(fen / WAN) * WAN);
}

function purposeOf(category: Category, year: number, who: string, v: VenturePlan | null): string {
  const area = v ? (openResidency(v)?.areaM2 ?? 0) : 0;
  switch (category) {
    case 'operation':
      return `${who}${year}年度孵化服务运营：创业导师辅导、投融资对接及公共技术服务平台运维`;
    case 'construction':
      return `${who}扩建孵化场地约3,000 m²并建设公共技术服务平台`;
    case 'rent':
      return `${who}${year}年度孵化场地租金补贴（${area} m²）`;
    case 'graduation_reward':
      return `${who}毕业后留驻浦东发展奖励`;
    case 'nursery_project':
      return `${who}原型开发与市场验证`;
    case 'rd_post_subsidy':
      return `${who}${year - 1}年度研发投入后补贴`;
    case 'ip_pledge_risk':
      return `${who}以发明专利质押取得银行贷款的风险补贴`;
    case 'loan_interest':
      return `${who}${year}年度科技贷款贴息`;
  }
}

export function planApplications(
  rng: Rng,
  ventures: readonly VenturePlan[],
  programs: readonly ProgramPlan[],
  today: Day,
  year: number,
  barred: ReadonlySet<number>,
): AppPlan[] {
  const used = new Set<number>();
  const plans = APPLICATION_SPECS.map((spec, i) => {
    const program = programs.find((p) => p.category === spec.category && p.year === (spec.prev ? year - 1 : year));
    if (!program) throw new Error(`No demo programme ${spec.category}`);
    const reviewer: string = COMMITTEE[i % 3]!;
    const decider: string = COMMITTEE[(i + 1) % 3]!;
    const inspector: string = COMMITTEE[(i + 2) % 3]!;
    const operator = operatorFor(spec.carrier);
    const path = steps(spec, program.fundingMode);
    // Lay out the days: last year's from its call for applications on, this year's ending just now.
    const days: Day[] = [0];
    for (let k = 1; k < path.length; k++) days.push(days[k - 1]! + gap(rng, path[k - 1]!, path[k]!));
    const start = spec.prev ? program.opensOn + rng.int(20, 90) : today - rng.int(1, 6) - days[days.length - 1]!;
    for (let k = 0; k < days.length; k++) days[k] = days[k]! + start;
    for (let k = days.length - 1; k >= 0; k--) days[k] = Math.min(days[k]!, today - 2 - (days.length - 1 - k) * 3);
    const ventureIndex = spec.ventureStages ? pickApplicant(ventures, spec, program, days[0]!, used, barred) : null;
    const venture = ventureIndex === null ? null : ventures[ventureIndex]!;
    const who = venture ? venture.name : carrierDef(spec.carrier).name;

    const requestedFen = roundWan(program.capFen * rng.float(0.55, 1.0));
    const approvedFen = path.includes('approved') ? roundWan(requestedFen * rng.float(0.7, 1.0)) : null;
    const post = program.fundingMode === 'post_subsidy';
    const inspected = path.includes('accepted') || path.includes('acceptance_failed');
    const failed = path.includes('acceptance_failed');
    const finalFen = post && inspected && approvedFen !== null ? (failed ? 0 : roundWan(approvedFen * rng.float(0.85, 1.0))) : null;
    const paidFen = path.includes('paid') ? (finalFen ?? approvedFen ?? 0) : 0;
    const score = path.includes('rejected') ? rng.int(42, 58) : rng.int(72, 93);

    const plan: AppPlan = {
      program: program.code,
      carrier: spec.carrier,
      venture: ventureIndex,
      purpose: purposeOf(spec.category, program.year, who, venture),
      requestedFen,
      approvedFen,
      finalFen,
      paidFen,
      status: spec.status,
      createdBy: operator,
      submittedAt: null,
      acceptedBy: null,
      acceptedAt: null,
      decidedBy: null,
      decidedAt: null,
      decisionReason: null,
      inspectedBy: null,
      inspectedAt: null,
      inspectionDueOn: null,
      createdAt: at(days[0]!, 2),
      events: [],
      reviews: [],
      indicators: [],
      disbursements: [],
    };
    path.forEach((to, k) => {
      const when = at(days[k]!, 1 + (k % 7), (k * 13) % 60);
      const from = k === 0 ? null : path[k - 1]!;
      const ev = (actor: string | null, comment: string, visible = true) => plan.events.push({ actor, from, to, comment, visible, at: when });
      switch (to) {
        case 'draft':
          return ev(operator, '创建申请');
        case 'submitted':
          plan.submittedAt = when;
          return ev(operator, from === 'returned' ? '已按要求补正材料，重新提交' : '提交申请');
        case 'returned':
          return ev(reviewer, '材料不齐：请补充近两年经审计的财务报表及场地租赁合同后重新提交。');
        case 'in_review':
          plan.acceptedBy = reviewer;
          plan.acceptedAt = when;
          return ev(reviewer, '形式审查通过，予以受理。');
        case 'reviewed': {
          const rec = path.includes('rejected') ? 'reject' : approvedFen === requestedFen ? 'fund' : 'fund_reduced';
          const recommendedFen = rec === 'reject' ? null : (approvedFen ?? roundWan(requestedFen * 0.9));
          const comment = rec === 'reject' ? '专家组认为项目绩效目标不明确，建议不予支持。' : `专家组评审通过，建议资助 ${(recommendedFen ?? 0) / WAN} 万元。`;
          plan.reviews.push({ reviewer, score, recommendation: rec, recommendedFen, comment, at: when });
          return ev(reviewer, `专家评审完成，综合得分 ${score} 分。`, false);
        }
        case 'approved':
          plan.decidedBy = decider;
          plan.decidedAt = when;
          plan.decisionReason = `经专项资金管理领导小组审议，同意立项，核定资助 ${approvedFen! / WAN} 万元。`;
          plan.indicators = INDICATORS[spec.category].map(([name, unit, target]) => ({ name, unit, target, actual: null, passed: null }));
          plan.inspectionDueOn = post ? Math.max(today + rng.int(60, 150), days[k]! + 120) : days[k]! + 395;
          return ev(decider, plan.decisionReason);
        case 'rejected':
          plan.decidedBy = decider;
          plan.decidedAt = when;
          plan.decisionReason = REJECT_REASONS[i % REJECT_REASONS.length]!;
          return ev(decider, plan.decisionReason);
        case 'paid': {
          const voucherNo = `PDKJ-ZF-${yearOf(days[k]!)}-${String(i + 1).padStart(4, '0')}`;
          plan.disbursements.push({ amountFen: paidFen, paidOn: days[k]!, voucherNo, paidBy: reviewer });
          if (!post) plan.inspectionDueOn = spec.overdue ? today - 20 : days[k]! + 365;
          return ev(reviewer, `资金已拨付 ${paidFen / WAN} 万元，凭证号 ${voucherNo}。`);
        }
        case 'accepted':
        case 'acceptance_failed': {
          plan.inspectedBy = inspector;
          plan.inspectedAt = when;
          plan.inspectionDueOn = days[k]! + rng.int(3, 30);
          plan.indicators = plan.indicators.map((ind, n) => {
            const miss = to === 'acceptance_failed' && n === 0;
            const factor = miss ? rng.float(0.4, 0.7) : rng.float(1.0, 1.4);
            const actual = ind.unit === '%' ? (miss ? 60 : 100) : Math.round(ind.target * factor);
            return { ...ind, actual, passed: !miss };
          });
          return ev(
            inspector,
            to === 'accepted'
              ? post
                ? `验收通过，按绩效评估核定后补贴 ${finalFen! / WAN} 万元。`
                : '验收通过，绩效指标全部完成。'
              : `验收不通过：${plan.indicators[0]!.name}未达到目标值。`,
          );
        }
        case 'withdrawn':
          return ev(operator, '申请单位主动撤回申请。');
      }
    });
    return plan;
  });
  return plans;
}
