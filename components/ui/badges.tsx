import type { ApplicationStatus } from '@/lib/domain/workflow';
import type { Tone } from '@/components/ui/badge';

export { Badge, type Tone } from '@/components/ui/badge';

/** The tone of an application's status label on the committee's subsidy screens. */
export function statusTone(status: ApplicationStatus): Tone {
  switch (status) {
    case 'submitted':
    case 'in_review':
    case 'reviewed':
      return 'warn';
    case 'approved':
    case 'paid':
      return 'brand';
    case 'accepted':
      return 'good';
    case 'rejected':
    case 'acceptance_failed':
      return 'bad';
    default:
      return 'neutral';
  }
}
