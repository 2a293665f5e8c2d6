import { pgEnum } from 'drizzle-orm/pg-core';
import * as v from '@/lib/domain/vocabulary';

/** The database's enums, built from the vocabulary (lib/domain/vocabulary.ts). */
export const roleEnum = pgEnum('role', v.ROLES);
export const carrierKindEnum = pgEnum('carrier_kind', v.CARRIER_KINDS);
export const carrierLevelEnum = pgEnum('carrier_level', v.CARRIER_LEVELS);
export const ownershipEnum = pgEnum('ownership', v.OWNERSHIPS);
export const carrierStatusEnum = pgEnum('carrier_status', v.CARRIER_STATUSES);
export const industryEnum = pgEnum('industry', v.INDUSTRIES);
export const ventureKindEnum = pgEnum('venture_kind', v.VENTURE_KINDS);
export const ventureStageEnum = pgEnum('venture_stage', v.VENTURE_STAGES);
export const residencyStageEnum = pgEnum('residency_stage', v.RESIDENCY_STAGES);
export const exitReasonEnum = pgEnum('exit_reason', v.EXIT_REASONS);
export const exitKindEnum = pgEnum('exit_kind', v.EXIT_KINDS);
export const graduationCriterionEnum = pgEnum('graduation_criterion', v.GRADUATION_CRITERIA);
export const graduationStatusEnum = pgEnum('graduation_status', v.GRADUATION_STATUSES);
export const programCategoryEnum = pgEnum('program_category', v.PROGRAM_CATEGORIES);
export const applicantTypeEnum = pgEnum('applicant_type', v.APPLICANT_TYPES);
export const fundingModeEnum = pgEnum('funding_mode', v.FUNDING_MODES);
export const programStatusEnum = pgEnum('program_status', v.PROGRAM_STATUSES);
export const applicationStatusEnum = pgEnum('application_status', v.APPLICATION_STATUSES);
export const recommendationEnum = pgEnum('review_recommendation', v.RECOMMENDATIONS);
export const blacklistSubjectEnum = pgEnum('blacklist_subject', v.BLACKLIST_SUBJECTS);
