/**
 * Which demo applications exist: at least two in every status of the workflow, for carriers
 * and for ventures, spread over last year's and this year's programmes. applications.ts
 * walks each one through the workflow.
 */
import type { Day } from './calendar';
import type { Category, ProgramPlan } from './programs';
import { openResidency, type VenturePlan, type VentureStage } from './plan-types';

export type AppStatus =
  'draft' | 'submitted' | 'returned' | 'in_review' | 'reviewed' | 'approved' | 'rejected' | 'paid' | 'accepted' | 'acceptance_failed' | 'withdrawn';

export type AppSpec = {
  status: AppStatus;
  category: Category;
  /** Last year's programme (the far end of the workflow lives there). */
  prev?: boolean;
  carrier: string;
  /** The venture applies (through its carrier's operator) when set. */
  ventureStages?: readonly VentureStage[];
  /** For withdrawn: the status it was withdrawn from. */
  withdrawnFrom?: 'submitted' | 'returned';
  /** Returned once and submitted again before it was accepted. */
  resubmitted?: boolean;
  /** Paid, pre-funded, and its inspection is overdue. */
  overdue?: boolean;
};

const INCUBATING = ['incubating'] as const;
const GRADUATE = ['graduated'] as const;
const TEAM = ['nursery'] as const;

export const APPLICATION_SPECS: readonly AppSpec[] = [
  { status: 'draft', category: 'operation', carrier: 'pdsp-inc' },
  { status: 'draft', category: 'rent', carrier: 'zjyg-inc', ventureStages: INCUBATING },
  { status: 'draft', category: 'nursery_project', carrier: 'pdsp-nursery', ventureStages: TEAM },
  { status: 'submitted', category: 'construction', carrier: 'zjyg-inc' },
  { status: 'submitted', category: 'rd_post_subsidy', carrier: 'pdsp-inc', ventureStages: INCUBATING },
  { status: 'submitted', category: 'graduation_reward', carrier: 'ic-inc', ventureStages: GRADUATE },
  { status: 'submitted', category: 'rent', carrier: 'lingang-inc', ventureStages: INCUBATING },
  { status: 'returned', category: 'operation', carrier: 'pdsp-nursery' },
  { status: 'returned', category: 'ip_pledge_risk', carrier: 'zjyg-inc', ventureStages: INCUBATING },
  { status: 'in_review', category: 'rent', carrier: 'pdsp-inc', ventureStages: INCUBATING, resubmitted: true },
  { status: 'in_review', category: 'operation', carrier: 'lingang-inc' },
  { status: 'in_review', category: 'nursery_project', carrier: 'lingang-nursery', ventureStages: TEAM },
  { status: 'reviewed', category: 'construction', carrier: 'pdsp-inc' },
  { status: 'reviewed', category: 'rd_post_subsidy', carrier: 'zjyg-inc', ventureStages: INCUBATING },
  { status: 'approved', category: 'operation', carrier: 'zjyg-inc' },
  { status: 'approved', category: 'rd_post_subsidy', carrier: 'ic-inc', ventureStages: INCUBATING },
  { status: 'approved', category: 'rent', carrier: 'ic-inc', ventureStages: INCUBATING },
  { status: 'rejected', category: 'graduation_reward', carrier: 'pdsp-inc', ventureStages: GRADUATE },
  { status: 'rejected', category: 'construction', carrier: 'lingang-inc', prev: true },
  { status: 'rejected', category: 'ip_pledge_risk', carrier: 'pdsp-inc', ventureStages: INCUBATING },
  { status: 'paid', category: 'nursery_project', carrier: 'pdsp-nursery', ventureStages: TEAM },
  { status: 'paid', category: 'operation', carrier: 'pdsp-inc', prev: true, overdue: true },
  { status: 'paid', category: 'rent', carrier: 'zjyg-inc', ventureStages: INCUBATING, prev: true },
  { status: 'paid', category: 'rd_post_subsidy', carrier: 'jinqiao-acc', ventureStages: ['accelerating'], prev: true },
  { status: 'paid', category: 'ip_pledge_risk', carrier: 'jinqiao-acc', ventureStages: ['accelerating'] },
  { status: 'accepted', category: 'operation', carrier: 'zjyg-inc', prev: true },
  { status: 'accepted', category: 'operation', carrier: 'lingang-inc', prev: true },
  { status: 'accepted', category: 'rd_post_subsidy', carrier: 'pdsp-inc', ventureStages: INCUBATING, prev: true },
  { status: 'accepted', category: 'graduation_reward', carrier: 'zjyg-inc', ventureStages: GRADUATE, prev: true },
  { status: 'accepted', category: 'ip_pledge_risk', carrier: 'zjyg-inc', ventureStages: INCUBATING, prev: true },
  { status: 'acceptance_failed', category: 'construction', carrier: 'ic-inc', prev: true },
  { status: 'acceptance_failed', category: 'rent', carrier: 'pdsp-inc', ventureStages: INCUBATING, prev: true },
  { status: 'withdrawn', category: 'ip_pledge_risk', carrier: 'ic-inc', ventureStages: INCUBATING, withdrawnFrom: 'submitted' },
  { status: 'withdrawn', category: 'operation', carrier: 'lingang-nursery', withdrawnFrom: 'submitted' },
  { status: 'withdrawn', category: 'rent', carrier: 'lingang-inc', ventureStages: INCUBATING, prev: true, withdrawnFrom: 'returned' },
];

/**
 * Picks the applying venture: resident at the carrier (a graduate: graduated from it) since
 * before `since`, in an eligible stage, not picked already and not on the blacklist.
 */
export function pickApplicant(
  ventures: readonly VenturePlan[],
  spec: AppSpec,
  program: ProgramPlan,
  since: Day,
  used: Set<number>,
  barred: ReadonlySet<number>,
): number {
  const stages = spec.ventureStages ?? [];
  const index = ventures.findIndex((v, i) => {
    if (used.has(i) || barred.has(i) || !stages.includes(v.stage) || v.currentCarrier !== spec.carrier) return false;
    if (!program.eligibleStages.includes(v.stage)) return false;
    if (v.stage === 'graduated') return v.graduations.some((g) => g.status === 'verified' && g.day < since);
    const open = openResidency(v);
    return open !== undefined && open.entered < since;
  });
  if (index < 0) throw new Error(`No demo venture fits application spec ${spec.status}/${spec.category} at ${spec.carrier}`);
  used.add(index);
  return index;
}
