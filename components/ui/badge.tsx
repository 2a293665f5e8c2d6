import type { LimitStatus } from '@/lib/domain/tenancy';
import type { GraduationStatus } from '@/lib/domain/vocabulary';

/** Small status labels; each tone keeps AA contrast on its background. */
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

export function limitTone(status: LimitStatus['status']): Tone {
  return status === 'overdue' ? 'bad' : status === 'due_soon' ? 'warn' : 'good';
}

export function graduationTone(status: GraduationStatus): Tone {
  return status === 'verified' ? 'good' : status === 'rejected' ? 'bad' : 'warn';
}
