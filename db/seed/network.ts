/**
 * Lays out the demo ventures and their residency histories (苗圃 -> 孵化器 -> 加速器), so that
 * every venture's stage and current carrier follow from its residencies. Nothing is
 * inserted here; demo.ts writes the plan in bulk.
 */
import { addMonths, type Day } from './calendar';
import {
  acceleratorFor,
  admissionWarnings,
  financing,
  IdentityFactory,
  incubationLimitMonths,
  incubatorAfterNursery,
  industryFor,
  pickCarrier,
  spaceFor,
} from './identity';
import { graduate, markExits, planPendingGraduations } from './graduations';
import type { Industry } from './names';
import type { ExitReason, FiguresProfile, ResidencyPlan, ResidencyStage, VenturePlan } from './plan-types';
import type { Rng } from './random';
import type { VentureKind } from '../../lib/domain/vocabulary';

type IncubatingOptions = {
  /** Day the venture entered its (last) incubator. */
  entered: Day;
  fromNursery?: boolean;
  moved?: boolean;
  incubator?: string;
};

export class NetworkPlanner {
  readonly ventures: VenturePlan[] = [];
  private readonly ids: IdentityFactory;

  constructor(
    private readonly rng: Rng,
    private readonly today: Day,
  ) {
    this.ids = new IdentityFactory(rng);
  }

  private residency(carrier: string, stage: ResidencyStage, industry: Industry, entered: Day, founded: Day | null): ResidencyPlan {
    return {
      carrier,
      stage,
      entered,
      left: null,
      exitReason: null,
      ...spaceFor(this.rng, stage, industry),
      warnings: admissionWarnings(stage, entered, founded),
    };
  }

  private close(r: ResidencyPlan, left: Day, reason: ExitReason): void {
    r.left = Math.max(left, r.entered);
    r.exitReason = reason;
  }

  private figures(revenueMinWan: number, revenueMaxWan: number, zeroShare: number, employees: [number, number]): FiguresProfile {
    const rng = this.rng;
    return {
      revenueWan: rng.chance(zeroShare) ? 0 : rng.float(revenueMinWan, revenueMaxWan),
      growth: rng.float(1.0, 1.08),
      employees: rng.int(employees[0], employees[1]),
      patents: rng.int(0, 3),
    };
  }

  private base(industry: Industry, kind: VentureKind, founded: Day | null): VenturePlan {
    const who = this.ids.identity(industry);
    return {
      kind,
      name: kind === 'team' ? who.teamName : who.name,
      creditCode: kind === 'company' ? this.ids.creditCode() : null,
      industry,
      technicalField: who.technicalField,
      founded,
      founders: who.founders,
      talentFlags: who.talentFlags,
      highTechCertNo: null,
      highTechCertOn: null,
      exitKind: null,
      exitOn: null,
      stage: 'incubating',
      currentCarrier: null,
      residencies: [],
      financings: [],
      graduations: [],
      figures: { revenueWan: 0, growth: 1, employees: 3, patents: 0 },
      tags: new Set(),
    };
  }

  certify(v: VenturePlan, day: Day): void {
    v.highTechCertOn = day;
    v.highTechCertNo = this.ids.highTechCertNo(day);
  }

  /** A team working in a nursery now. */
  nurseryTeam(): VenturePlan {
    const rng = this.rng;
    const nursery = pickCarrier(rng, 'nursery');
    const industry = industryFor(rng, nursery);
    const v = this.base(industry, 'team', null);
    v.residencies.push(this.residency(nursery, 'nursery', industry, this.today - rng.int(15, 600), null));
    v.stage = 'nursery';
    v.currentCarrier = nursery;
    v.figures = this.figures(1, 8, 0.7, [2, 8]);
    return this.add(v);
  }

  /** A team that left its nursery without incorporating. */
  nurseryDropout(): VenturePlan {
    const rng = this.rng;
    const nursery = pickCarrier(rng, 'nursery');
    const industry = industryFor(rng, nursery);
    const v = this.base(industry, 'team', null);
    const left = this.today - rng.int(20, 700);
    const r = this.residency(nursery, 'nursery', industry, left - rng.int(90, 420), null);
    this.close(
      r,
      left,
      rng.weighted([
        ['failed', 5],
        ['voluntary', 3],
        ['expired', 2],
      ] as const),
    );
    v.residencies.push(r);
    v.stage = 'exited';
    v.figures = this.figures(0, 2, 0.9, [1, 4]);
    return this.add(v);
  }

  /**
   * A company with an incubating residency from `entered` (left open here), possibly after a
   * nursery stay (incorporated) or a stay in another incubator (moved).
   */
  private incubatingHistory(o: IncubatingOptions): { v: VenturePlan; stay: ResidencyPlan } {
    const rng = this.rng;
    const E = o.entered;
    if (o.fromNursery) {
      const nursery = pickCarrier(rng, 'nursery');
      const incubator = o.incubator ?? incubatorAfterNursery(rng, nursery);
      const industry = industryFor(rng, nursery);
      const nurseryIn = E - rng.int(120, 540);
      const founded = Math.max(nurseryIn + 1, E - rng.int(0, 25));
      const v = this.base(industry, 'company', founded);
      const first = this.residency(nursery, 'nursery', industry, nurseryIn, null);
      this.close(first, E, 'incorporated');
      const stay = this.residency(incubator, 'incubating', industry, E, founded);
      v.residencies.push(first, stay);
      return { v, stay };
    }
    const incubator = o.incubator ?? pickCarrier(rng, 'incubator');
    const industry = industryFor(rng, incubator);
    const firstIn = o.moved ? E - rng.int(200, 700) : E;
    const founded = rng.chance(0.9) ? firstIn - rng.int(0, 600) : firstIn - rng.int(760, 1600);
    const v = this.base(industry, 'company', founded);
    if (o.moved) {
      const prior = this.residency(pickCarrier(rng, 'incubator', incubator), 'incubating', industry, firstIn, founded);
      this.close(prior, E, 'moved');
      v.residencies.push(prior);
      v.tags.add('moved');
    }
    const stay = this.residency(incubator, 'incubating', industry, E, founded);
    v.residencies.push(stay);
    return { v, stay };
  }

  /** Angel money for some tenants, and the odd certificate for the older ones. */
  private ordinaryExtras(v: VenturePlan, from: Day, until: Day): void {
    const rng = this.rng;
    const span = until - from;
    if (span > 60 && rng.chance(0.28)) v.financings.push(financing(rng, from + rng.int(30, span - 10), 50, 300));
    if (span > 540 && rng.chance(0.16)) this.certify(v, from + rng.int(365, span - 20));
  }

  /** A tenant incubating now; `special` shapes the cases the dashboards must show. */
  incubating(special?: 'overdue' | 'near_limit' | 'revenue_star' | 'financing_candidate', incubator?: string): VenturePlan {
    const rng = this.rng;
    const T = this.today;
    // Stars have filed two years of reports; financing candidates have had time to raise money.
    let entered = special === 'revenue_star' ? T - rng.int(800, 1100) : special === 'financing_candidate' ? T - rng.int(300, 1100) : T - rng.int(20, 1150);
    const probe = special === 'overdue' || special === 'near_limit';
    const fromNursery = !probe && !special && rng.chance(0.28);
    const moved = !probe && !fromNursery && !special && rng.chance(0.1);
    const { v, stay } = this.incubatingHistory({ entered, fromNursery, moved, incubator });
    if (probe) {
      // Re-date the stay against the industry's limit: overdue, or within six months of it.
      const limit = incubationLimitMonths(v.industry);
      const k = rng.int(1, special === 'overdue' ? 8 : 5);
      entered = addMonths(T, special === 'overdue' ? -(limit + k) : -(limit - k)) - rng.int(0, 20);
      const founded = entered - rng.int(30, 500);
      v.founded = founded;
      stay.entered = entered;
      stay.warnings = admissionWarnings('incubating', entered, founded);
      v.tags.add(special);
    }
    v.stage = 'incubating';
    v.currentCarrier = stay.carrier;
    const tenure = T - stay.entered;
    const lab = v.industry === 'biomedicine';
    v.figures = tenure < 365 ? this.figures(2, 30, lab ? 0.6 : 0.4, [3, 25]) : this.figures(5, 60, lab ? 0.3 : 0.1, [8, 60]);
    if (special === 'revenue_star') {
      v.figures = { revenueWan: rng.float(260, 320), growth: rng.float(1.0, 1.03), employees: rng.int(40, 90), patents: rng.int(2, 6) };
      v.tags.add('revenue_star');
    } else if (special === 'financing_candidate') {
      const start = Math.max(v.founded ?? stay.entered, stay.entered - 200);
      const angelDay = start + rng.int(10, Math.max(11, Math.floor((T - start) / 3)));
      v.financings.push(financing(rng, angelDay, 100, 300));
      v.financings.push(financing(rng, angelDay + rng.int(30, Math.max(31, T - angelDay - 30)), 450, 1500));
      v.tags.add('financing_candidate');
    } else {
      this.ordinaryExtras(v, v.founded ?? stay.entered, T - 5);
    }
    return this.add(v);
  }

  /**
   * A company that graduated from an incubator `daysAgo` days ago; it may have moved on into
   * an accelerator (stage accelerating) or stayed a graduate of that incubator.
   */
  graduate(daysAgo: number, accelerate: boolean): VenturePlan {
    const rng = this.rng;
    const T = this.today;
    const g = T - daysAgo;
    const { v, stay } = this.incubatingHistory({ entered: g - rng.int(420, 1400), fromNursery: rng.chance(0.3) });
    this.close(stay, g, 'graduated');
    v.graduations.push(graduate(this, rng, v, stay, g, T));
    v.stage = 'graduated';
    v.currentCarrier = stay.carrier;
    v.figures = this.figures(80, 800, 0, [40, 300]);
    if (accelerate) {
      const acc = acceleratorFor(v.industry);
      const r = this.residency(acc, 'accelerating', v.industry, Math.min(T - 5, g + rng.int(0, 60)), v.founded);
      v.residencies.push(r);
      v.stage = 'accelerating';
      v.currentCarrier = acc;
    }
    if (rng.chance(0.35)) v.financings.push(financing(rng, Math.min(T - 3, g + rng.int(30, 400)), 500, 5000));
    return this.add(v);
  }

  /** A fast-growing company that came to an accelerator from outside the network. */
  acceleratingDirect(): VenturePlan {
    const rng = this.rng;
    const T = this.today;
    const acc = pickCarrier(rng, 'accelerator');
    const industry = industryFor(rng, acc);
    const founded = T - rng.int(1100, 3000);
    const v = this.base(industry, 'company', founded);
    v.residencies.push(this.residency(acc, 'accelerating', industry, T - rng.int(30, 900), founded));
    v.stage = 'accelerating';
    v.currentCarrier = acc;
    v.figures = this.figures(150, 900, 0, [60, 320]);
    if (rng.chance(0.7)) this.certify(v, founded + rng.int(400, 1000));
    if (rng.chance(0.6)) v.financings.push(financing(rng, founded + rng.int(300, 1000), 1000, 8000));
    return this.add(v);
  }

  /** A company that left its incubator without graduating: failed, gave up, ran out of time. */
  exitedCompany(): VenturePlan {
    const rng = this.rng;
    const T = this.today;
    const left = T - rng.int(20, 900);
    const reason = rng.weighted([
      ['failed', 5],
      ['voluntary', 3],
      ['expired', 2],
      ['moved', 1],
    ] as const);
    const { v, stay } = this.incubatingHistory({ entered: left - rng.int(150, 1100), fromNursery: rng.chance(0.25) });
    if (reason === 'expired') {
      stay.entered = addMonths(left, -incubationLimitMonths(v.industry));
      v.founded = Math.min(v.founded ?? stay.entered, stay.entered - rng.int(30, 400));
      const first = v.residencies[0]!;
      if (first !== stay) {
        first.entered = Math.min(first.entered, stay.entered - 120);
        this.close(first, stay.entered, first.exitReason ?? 'incorporated');
        v.founded = Math.max(first.entered + 1, stay.entered - 10);
      }
      stay.warnings = admissionWarnings('incubating', stay.entered, v.founded);
    }
    this.close(stay, left, reason);
    v.stage = 'exited';
    v.figures = this.figures(0, 20, 0.5, [2, 15]);
    return this.add(v);
  }

  private add(v: VenturePlan): VenturePlan {
    this.ventures.push(v);
    return v;
  }

  /** Pending and rejected graduation records on current tenants of operator-run incubators. */
  addPendingGraduations(recordedCarriers: readonly string[]): void {
    planPendingGraduations(this.rng, this.ventures, recordedCarriers, this.today);
  }
}

/** The whole demo network, in a fixed order so that the same `today` gives the same data. */
export function planNetwork(rng: Rng, today: Day): VenturePlan[] {
  const p = new NetworkPlanner(rng, today);
  for (let i = 0; i < 55; i++) p.nurseryTeam();
  for (let i = 0; i < 10; i++) p.nurseryDropout();
  for (let i = 0; i < 150; i++) p.incubating();
  for (let i = 0; i < 6; i++) p.incubating('overdue');
  for (let i = 0; i < 8; i++) p.incubating('near_limit');
  for (const inc of ['pdsp-inc', 'pdsp-inc', 'zjyg-inc', 'ic-inc', 'fudan-inc', 'jinqiao-inc']) p.incubating('revenue_star', inc);
  for (const inc of ['pdsp-inc', 'zjyg-inc', 'zjyg-inc', 'ic-inc', 'lingang-inc', 'fudan-inc', 'ljz-inc', 'jinqiao-inc']) {
    p.incubating('financing_candidate', inc);
  }
  for (let i = 0; i < 40; i++) p.graduate(rng.int(30, 1500), false);
  for (let i = 0; i < 24; i++) p.graduate(rng.int(120, 1400), true);
  for (let i = 0; i < 8; i++) p.acceleratingDirect();
  for (let i = 0; i < 22; i++) p.exitedCompany();
  markExits(rng, p.ventures, today);
  p.addPendingGraduations(['pdsp-inc', 'zjyg-inc', 'ic-inc']);
  return p.ventures;
}
