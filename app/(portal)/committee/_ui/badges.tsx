import type { ApplicationStatus } from '@/lib/domain/workflow';

/** Small status labels of the committee's subsidy screens; colours keep AA contrast. */
const TONES = {
  neutral: 'bg-slate-100 text-slate-700',
  brand: 'bg-brand-50 text-brand-700',
  good: 'bg-emerald-50 text-emerald-800',
  warn: 'bg-amber-50 text-amber-900',
  bad: 'bg-red-50 text-red-800',
} as const;
export type Tone = keyof typeof TONES;

export function Badge({ tone = 'neutral', children }: { tone?: Tone; children: React.ReactNode }) {
  return <span className={`inline-block whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium ${TONES[tone]}`}>{children}</span>;
}

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
