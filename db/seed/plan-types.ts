/**
 * The in-memory plan of the demo network, laid out before anything is inserted. Carriers are
 * referred to by their key (carriers.ts), days are UTC day numbers (calendar.ts).
 */
import type { Day } from './calendar';
import type {
  ExitKind,
  ExitReason,
  GraduationCriterion as Criterion,
  GraduationStatus,
  Industry,
  ResidencyStage,
  VentureKind,
  VentureStage,
} from '../../lib/domain/vocabulary';

export type { Criterion, ExitReason, ResidencyStage, VentureStage };

export type ResidencyPlan = {
  carrier: string;
  stage: ResidencyStage;
  entered: Day;
  left: Day | null;
  exitReason: ExitReason | null;
  areaM2: number;
  workstations: number;
  warnings: string[];
};

export type FinancingPlan = { day: Day; amountFen: number; investor: string };

export type GraduationPlan = {
  carrier: string;
  day: Day;
  criteria: Criterion[];
  status: GraduationStatus;
  evidence: string;
  rejectionReason: string | null;
  /** Day the committee verified or rejected it; null while pending. */
  decidedDay: Day | null;
};

/** What the quarterly figures of a venture look like (reports.ts). */
export type FiguresProfile = {
  /** Quarterly revenue in the latest quarter, in 万元. */
  revenueWan: number;
  /** Growth factor per quarter. */
  growth: number;
  employees: number;
  /** Invention patents held eight quarters ago. */
  patents: number;
};

export type VenturePlan = {
  kind: VentureKind;
  name: string;
  creditCode: string | null;
  industry: Industry;
  technicalField: string;
  founded: Day | null;
  founders: string;
  talentFlags: string[];
  highTechCertNo: string | null;
  highTechCertOn: Day | null;
  exitKind: ExitKind | null;
  exitOn: Day | null;
  stage: VentureStage;
  currentCarrier: string | null;
  residencies: ResidencyPlan[];
  financings: FinancingPlan[];
  graduations: GraduationPlan[];
  figures: FiguresProfile;
  /** Tags the application and graduation planners look for. */
  tags: Set<'revenue_star' | 'financing_candidate' | 'overdue' | 'near_limit' | 'moved'>;
};

/** The open residency of a plan, if any. */
export function openResidency(v: VenturePlan): ResidencyPlan | undefined {
  return v.residencies.find((r) => r.left === null);
}
