/** Calendar arithmetic on ISO dates (YYYY-MM-DD), free of time zones. */
export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseIsoDate(s: IsoDate): { y: number; m: number; d: number } {
  const match = ISO.exec(s);
  if (!match) throw new Error(`Not an ISO date: ${s}`);
  return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
}

export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string' || !ISO.test(s)) return false;
  const { y, m, d } = parseIsoDate(s);
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function fmt(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Adds calendar months; the day is clamped to the month's last (2024-02-29 + 12 -> 2025-02-28). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { y, m, d } = parseIsoDate(date);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return fmt(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const { y, m, d } = parseIsoDate(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return fmt(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Whole months from `from` to `to` (0 when `to` is earlier). */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  if (to <= from) return 0;
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  let months = (b.y - a.y) * 12 + (b.m - a.m);
  if (addMonths(from, months) > to) months -= 1;
  return months;
}

/** Today's date in Shanghai, for callers at the edge (pages, actions); rules take it as a parameter. */
export function todayInShanghai(now: Date = new Date()): IsoDate {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}
