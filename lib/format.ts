import { formatWan } from './money';

/** Dates are shown as YYYY-MM-DD in every language. */
export function formatDate(d: Date | string | null | undefined): string {
  if (!d) return '—';
  if (typeof d === 'string') return d.slice(0, 10);
  const y = d.getFullYear();
  const m = String(d.getMonth() + 1).padStart(2, '0');
  const day = String(d.getDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}

export function formatInt(n: number): string {
  return n.toLocaleString('en-US');
}

export { formatWan };
