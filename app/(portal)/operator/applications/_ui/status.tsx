import type { ApplicationStatus, FundingMode } from '@/lib/domain/workflow';
import { Badge, type Tone } from '@/components/ui/badge';

const TONE: Record<ApplicationStatus, Tone> = {
  draft: 'neutral',
  submitted: 'brand',
  returned: 'warn',
  in_review: 'brand',
  reviewed: 'brand',
  approved: 'good',
  rejected: 'bad',
  paid: 'good',
  accepted: 'good',
  acceptance_failed: 'bad',
  withdrawn: 'neutral',
};

export function StatusBadge({ status, label }: { status: ApplicationStatus; label: string }) {
  return <Badge tone={TONE[status]}>{label}</Badge>;
}

/** Where the funding mode changes what comes next, the key names both. */
const BY_MODE: readonly ApplicationStatus[] = ['approved', 'paid', 'accepted'];

/** The key (under `applications.next`) of what is expected of the applicant now. */
export function nextStepKey(status: ApplicationStatus, mode: FundingMode): string {
  return BY_MODE.includes(status) ? `${status}_${mode}` : status;
}

/** Statuses in which the applicant has something to do. */
export function applicantActs(status: ApplicationStatus): boolean {
  return status === 'draft' || status === 'returned';
}
