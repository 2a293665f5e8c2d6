/**
 * Subsidy programmes (资助专项) for the previous and the current year, and the committee's
 * annual targets (2015 plan figures, docs/domain.md, repeated for the current year).
 */
import { dateDay, type Day } from './calendar';
import type { ApplicantType, CarrierKind, FundingMode, ProgramCategory, VentureStage } from '../../lib/domain/vocabulary';

export type Category = ProgramCategory;

export type ProgramPlan = {
  code: string;
  nameZh: string;
  nameEn: string;
  year: number;
  category: Category;
  applicantType: ApplicantType;
  eligibleKinds: CarrierKind[];
  eligibleStages: VentureStage[];
  fundingMode: FundingMode;
  budgetFen: number;
  capFen: number;
  opensOn: Day;
  closesOn: Day;
  requiredDocuments: string[];
  description: string;
  status: 'open' | 'closed';
};

const WAN = 1_000_000; // fen per 万元

type Template = Omit<ProgramPlan, 'code' | 'year' | 'opensOn' | 'closesOn' | 'status' | 'budgetFen' | 'capFen'> & {
  series: string;
  budgetWan: number;
  capWan: number;
};

/** Document types are keys (lowercase, digits, underscores); their names are in messages/<locale>/subsidies.json, `documentTypes`. */
const BASIC_DOCS = ['business_licence', 'legal_rep_id', 'credit_pledge'];

const TEMPLATES: readonly Template[] = [
  {
    series: 'FH-01',
    category: 'operation',
    nameZh: '孵化器运营资助',
    nameEn: 'Incubator operation grant',
    applicantType: 'carrier',
    eligibleKinds: ['nursery', 'incubator'],
    eligibleStages: [],
    fundingMode: 'pre_funded',
    budgetWan: 600,
    capWan: 80,
    requiredDocuments: [...BASIC_DOCS, 'annual_service_report', 'financial_statements', 'tenant_register'],
    description: '支持孵化载体开展专业孵化服务、创业导师辅导和公共技术服务平台运营，按年度绩效考核结果分档资助。',
  },
  {
    series: 'FH-02',
    category: 'construction',
    nameZh: '孵化器建设资助',
    nameEn: 'Incubator construction grant',
    applicantType: 'carrier',
    eligibleKinds: ['incubator', 'accelerator'],
    eligibleStages: [],
    fundingMode: 'pre_funded',
    budgetWan: 800,
    capWan: 200,
    requiredDocuments: [...BASIC_DOCS, 'construction_plan', 'premises_title_or_lease', 'investment_budget'],
    description: '支持新建或扩建孵化面积、建设公共技术服务平台，按实际投入的一定比例给予资助。',
  },
  {
    series: 'FH-03',
    category: 'rent',
    nameZh: '在孵企业房租补贴',
    nameEn: 'Tenant rent subsidy',
    applicantType: 'venture',
    eligibleKinds: ['incubator'],
    eligibleStages: ['incubating'],
    fundingMode: 'post_subsidy',
    budgetWan: 300,
    capWan: 30,
    requiredDocuments: [...BASIC_DOCS, 'tenancy_agreement', 'rent_invoices', 'financial_statements'],
    description: '对在孵企业实际支付的孵化场地租金给予后补贴，按验收核定的租金金额拨付。',
  },
  {
    series: 'FH-04',
    category: 'graduation_reward',
    nameZh: '毕业企业奖励',
    nameEn: 'Graduation reward',
    applicantType: 'venture',
    eligibleKinds: ['incubator', 'accelerator'],
    eligibleStages: ['graduated', 'accelerating'],
    fundingMode: 'pre_funded',
    budgetWan: 300,
    capWan: 50,
    requiredDocuments: [...BASIC_DOCS, 'graduation_evidence', 'stay_in_pudong_pledge'],
    description: '奖励经认定毕业并继续在浦东新区发展的企业，鼓励毕业企业进入加速器。',
  },
  {
    series: 'FH-05',
    category: 'nursery_project',
    nameZh: '创业苗圃项目资助',
    nameEn: 'Nursery project support',
    applicantType: 'venture',
    eligibleKinds: ['nursery'],
    eligibleStages: ['nursery'],
    fundingMode: 'pre_funded',
    budgetWan: 300,
    capWan: 20,
    requiredDocuments: ['team_leader_id', 'project_plan', 'nursery_recommendation'],
    description: '支持创业苗圃内的创业团队开展项目验证和原型开发，推动团队完成工商注册进入孵化器。',
  },
  {
    series: 'YF-01',
    category: 'rd_post_subsidy',
    nameZh: '研发投入后补贴',
    nameEn: 'R&D post-subsidy',
    applicantType: 'venture',
    eligibleKinds: ['incubator', 'accelerator'],
    eligibleStages: ['incubating', 'graduated', 'accelerating'],
    fundingMode: 'post_subsidy',
    budgetWan: 800,
    capWan: 100,
    requiredDocuments: [...BASIC_DOCS, 'rd_expense_audit', 'financial_statements', 'ip_certificates'],
    description: '“面向结果”的后补贴：按经审计的年度研发投入的一定比例，在验收后拨付。',
  },
  {
    series: 'ZY-01',
    category: 'ip_pledge_risk',
    nameZh: '知识产权质押贷款风险补贴',
    nameEn: 'IP-pledge loan risk subsidy',
    applicantType: 'venture',
    eligibleKinds: ['incubator', 'accelerator'],
    eligibleStages: ['incubating', 'graduated', 'accelerating'],
    fundingMode: 'pre_funded',
    budgetWan: 500,
    capWan: 60,
    requiredDocuments: [...BASIC_DOCS, 'ip_pledge_registration', 'loan_contract', 'financial_statements'],
    description: '对合作银行向科技型中小企业发放的知识产权质押贷款给予风险补贴，推动“补改贷”。',
  },
];

/**
 * The current year's programmes are open (closing after `today`); last year's are closed.
 * Last year's budgets were a little smaller.
 */
export function planPrograms(today: Day, year: number): ProgramPlan[] {
  const out: ProgramPlan[] = [];
  for (const y of [year - 1, year]) {
    const current = y === year;
    for (const t of TEMPLATES) {
      const { series, budgetWan, capWan, ...rest } = t;
      out.push({
        ...rest,
        code: `PD-${y}-${series}`,
        year: y,
        nameZh: `${y}年度${t.nameZh}`,
        nameEn: `${t.nameEn} ${y}`,
        budgetFen: Math.round((current ? budgetWan : budgetWan * 0.9) * WAN),
        capFen: capWan * WAN,
        opensOn: current ? Math.min(dateDay(y, 2, 15), today - 150) : dateDay(y, 2, 15),
        closesOn: current ? Math.max(dateDay(y, 12, 15), today + 14) : dateDay(y, 9, 30),
        status: current ? 'open' : 'closed',
      });
    }
  }
  return out;
}

export type TargetPlan = { year: number; metric: string; targetMin: number; targetMax: number | null; unit: string; note: string };

const TARGETS_2015: readonly Omit<TargetPlan, 'year' | 'note'>[] = [
  { metric: 'high_tech_enterprises', targetMin: 1450, targetMax: null, unit: '个' },
  { metric: 'new_incubators', targetMin: 10, targetMax: 20, unit: '家' },
  { metric: 'new_incubation_area_m2', targetMin: 50000, targetMax: null, unit: 'm²' },
  { metric: 'biomedicine_output_growth_pct', targetMin: 5, targetMax: null, unit: '%' },
  { metric: 'new_energy_output_growth_pct', targetMin: 5, targetMax: null, unit: '%' },
  { metric: 'rd_institutions', targetMin: 560, targetMax: null, unit: '个' },
  { metric: 'rd_gdp_ratio_pct', targetMin: 3.7, targetMax: null, unit: '%' },
];

export function planTargets(year: number): TargetPlan[] {
  const years = year === 2015 ? [2015] : [2015, year];
  return years.flatMap((y) =>
    TARGETS_2015.map((t) => ({
      ...t,
      year: y,
      note: y === 2015 ? '浦东新区科委科协2015年工作思路' : `${y}年度目标（演示数据，沿用2015年计划口径）`,
    })),
  );
}
