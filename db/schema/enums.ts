import { pgEnum } from 'drizzle-orm/pg-core';

export const roleEnum = pgEnum('role', ['operator', 'committee', 'admin', 'security', 'auditor']);
export const carrierKindEnum = pgEnum('carrier_kind', ['nursery', 'incubator', 'accelerator']);
export const carrierLevelEnum = pgEnum('carrier_level', ['national', 'municipal', 'district', 'none']);
export const ownershipEnum = pgEnum('ownership', ['state', 'private', 'mixed', 'university']);
export const carrierStatusEnum = pgEnum('carrier_status', ['active', 'suspended', 'closed']);
export const industryEnum = pgEnum('industry', [
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
]);
export const ventureKindEnum = pgEnum('venture_kind', ['team', 'company']);
export const ventureStageEnum = pgEnum('venture_stage', [
  'nursery',
  'incubating',
  'graduated',
  'accelerating',
  'exited',
]);
export const residencyStageEnum = pgEnum('residency_stage', ['nursery', 'incubating', 'accelerating']);
export const exitReasonEnum = pgEnum('exit_reason', ['graduated', 'moved', 'failed', 'expired', 'voluntary', 'incorporated']);
export const exitKindEnum = pgEnum('exit_kind', ['acquired', 'listed']);
export const graduationCriterionEnum = pgEnum('graduation_criterion', ['high_tech', 'financing', 'revenue', 'exit']);
export const graduationStatusEnum = pgEnum('graduation_status', ['pending', 'verified', 'rejected']);
export const programCategoryEnum = pgEnum('program_category', [
  'operation',
  'construction',
  'rent',
  'graduation_reward',
  'nursery_project',
  'rd_post_subsidy',
  'ip_pledge_risk',
]);
export const applicantTypeEnum = pgEnum('applicant_type', ['carrier', 'venture']);
export const fundingModeEnum = pgEnum('funding_mode', ['pre_funded', 'post_subsidy']);
export const programStatusEnum = pgEnum('program_status', ['draft', 'open', 'closed']);
export const applicationStatusEnum = pgEnum('application_status', [
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
]);
export const recommendationEnum = pgEnum('review_recommendation', ['fund', 'fund_reduced', 'reject']);
export const blacklistSubjectEnum = pgEnum('blacklist_subject', ['venture', 'carrier']);
