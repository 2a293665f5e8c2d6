/**
 * Dates for the demo loader, as whole UTC day numbers (days since 1970-01-01), so that the
 * life of a venture can be laid out with plain arithmetic relative to `today`.
 */
const MS_PER_DAY = 86_400_000;

export type Day = number;

export function dayOf(date: Date): Day {
  return Math.floor(date.getTime() / MS_PER_DAY);
}

export function dayFromIso(iso: string): Day {
  return dayOf(new Date(`${iso}T00:00:00Z`));
}

/** YYYY-MM-DD, the form Drizzle's `date` columns take. */
export function isoOf(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** A timestamp on that day; hours are UTC (01:00-09:00 UTC is office hours in Shanghai). */
export function at(day: Day, hour = 2, minute = 0): Date {
  return new Date(day * MS_PER_DAY + hour * 3_600_000 + minute * 60_000);
}

export function yearOf(day: Day): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** The same day of the month `months` later (or earlier), clamped to the month's end. */
export function addMonths(day: Day, months: number): Day {
  const d = new Date(day * MS_PER_DAY);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const lastOfTarget = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return dayOf(new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), lastOfTarget))));
}

export function dateDay(year: number, month: number, dayOfMonth: number): Day {
  return dayOf(new Date(Date.UTC(year, month - 1, dayOfMonth)));
}

export type Quarter = { year: number; quarter: number; start: Day; end: Day };

export function quarterOf(year: number, quarter: number): Quarter {
  const start = dateDay(year, (quarter - 1) * 3 + 1, 1);
  const end = dayOf(new Date(Date.UTC(year, quarter * 3, 0)));
  return { year, quarter, start, end };
}

/** The `count` calendar quarters that ended before `today`, oldest first. */
export function closedQuartersBefore(today: Day, count: number): Quarter[] {
  const d = new Date(today * MS_PER_DAY);
  let year = d.getUTCFullYear();
  let quarter = Math.floor(d.getUTCMonth() / 3) + 1;
  const out: Quarter[] = [];
  for (let i = 0; i < count; i++) {
    quarter -= 1;
    if (quarter === 0) {
      quarter = 4;
      year -= 1;
    }
    out.unshift(quarterOf(year, quarter));
  }
  return out;
}
