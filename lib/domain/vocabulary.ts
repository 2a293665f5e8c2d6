/**
 * The domain's words, each list declared once (docs/architecture.md, "one vocabulary"): the
 * database's enums (db/schema/enums.ts), validation, spreadsheets, seeds, queries and the message
 * catalogues derive from these tuples. Adding a value here needs a migration for its enum and a label
 * in both catalogues (tests/architecture/vocabulary.test.ts fails without one).
 */

export const ROLES = ['operator', 'committee', 'admin', 'security', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const CARRIER_KINDS = ['nursery', 'incubator', 'accelerator'] as const;
export type CarrierKind = (typeof CARRIER_KINDS)[number];

export const CARRIER_LEVELS = ['national', 'municipal', 'district', 'none'] as const;
export type CarrierLevel = (typeof CARRIER_LEVELS)[number];

export const OWNERSHIPS = ['state', 'private', 'mixed', 'university'] as const;
export type Ownership = (typeof OWNERSHIPS)[number];

export const CARRIER_STATUSES = ['active', 'suspended', 'closed'] as const;
export type CarrierStatus = (typeof CARRIER_STATUSES)[number];

export const INDUSTRIES = [
  'biomedicine',
  'integrated_circuits',
  'modern_agriculture',
  'ai',
  'software',
  'new_energy',
  'new_materials',
  'advanced_manufacturing',
  'fintech',
  'culture_creative',
  'other',
] as const;
export type Industry = (typeof INDUSTRIES)[number];

export const VENTURE_KINDS = ['team', 'company'] as const;
export type VentureKind = (typeof VENTURE_KINDS)[number];

export const VENTURE_STAGES = ['nursery', 'incubating', 'graduated', 'accelerating', 'exited'] as const;
export type VentureStage = (typeof VENTURE_STAGES)[number];

export const RESIDENCY_STAGES = ['nursery', 'incubating', 'accelerating'] as const;
export type ResidencyStage = (typeof RESIDENCY_STAGES)[number];

export const EXIT_REASONS = ['graduated', 'moved', 'failed', 'expired', 'voluntary', 'incorporated'] as const;
export type ExitReason = (typeof EXIT_REASONS)[number];

export const EXIT_KINDS = ['acquired', 'listed'] as const;
export type ExitKind = (typeof EXIT_KINDS)[number];

export const GRADUATION_CRITERIA = ['high_tech', 'financing', 'revenue', 'exit'] as const;
export type GraduationCriterion = (typeof GRADUATION_CRITERIA)[number];

export const GRADUATION_STATUSES = ['pending', 'verified', 'rejected'] as const;
export type GraduationStatus = (typeof GRADUATION_STATUSES)[number];

export const PROGRAM_CATEGORIES = [
  'operation',
  'construction',
  'rent',
  'graduation_reward',
  'nursery_project',
  'rd_post_subsidy',
  'ip_pledge_risk',
  'loan_interest',
] as const;
export type ProgramCategory = (typeof PROGRAM_CATEGORIES)[number];

export const APPLICANT_TYPES = ['carrier', 'venture'] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];

export const FUNDING_MODES = ['pre_funded', 'post_subsidy'] as const;
export type FundingMode = (typeof FUNDING_MODES)[number];

export const PROGRAM_STATUSES = ['draft', 'open', 'closed'] as const;
export type ProgramStatus = (typeof PROGRAM_STATUSES)[number];

export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'returned',
  'in_review',
  'reviewed',
  'approved',
  'rejected',
  'paid',
  'accepted',
  'acceptance_failed',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const RECOMMENDATIONS = ['fund', 'fund_reduced', 'reject'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

export const BLACKLIST_SUBJECTS = ['venture', 'carrier'] as const;
export type BlacklistSubject = (typeof BLACKLIST_SUBJECTS)[number];
