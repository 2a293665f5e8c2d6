/**
 * The quarterly statistics calendar (季度统计报表): quarters as calendar dates, when a report is
 * due (MOST_2018.reportDueDays after the quarter ends) and whether a filing is late.
 */
import { addDays, parseIsoDate, type IsoDate } from './dates';
import { CURRENT_RULES, type RuleSet } from './rules';
import type { ReportFigures } from './report-figures';

export type Quarter = { year: number; quarter: number };

/** The figures of a quarterly report, or of several summed: money in integer fen. */
export type { ReportFigures };

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function isQuarter(quarter: number): boolean {
  return Number.isInteger(quarter) && quarter >= 1 && quarter <= 4;
}

function assertQuarter(quarter: number): void {
  if (!isQuarter(quarter)) throw new Error(`Not a quarter: ${quarter}`);
}

/** The first day of the quarter: Q1 -> 01-01, Q4 -> 10-01. */
export function quarterStart(year: number, quarter: number): IsoDate {
  assertQuarter(quarter);
  return `${year}-${pad((quarter - 1) * 3 + 1)}-01`;
}

/** The last day of the quarter: Q1 -> 03-31, Q2 -> 06-30, Q3 -> 09-30, Q4 -> 12-31. */
export function quarterEnd(year: number, quarter: number): IsoDate {
  assertQuarter(quarter);
  const lastMonth = quarter * 3;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return `${year}-${pad(lastMonth)}-${pad(lastDay)}`;
}

/** The last day to file the quarter's report on time: Q1 -> 04-15, Q4 -> 01-15 of the next year. */
export function quarterDueDate(year: number, quarter: number, rules: RuleSet = CURRENT_RULES): IsoDate {
  return addDays(quarterEnd(year, quarter), rules.reportDueDays);
}

/** A report filed after its due date is late; one filed on the due date is not. */
export function isLate(year: number, quarter: number, filedOn: IsoDate, rules: RuleSet = CURRENT_RULES): boolean {
  return filedOn > quarterDueDate(year, quarter, rules);
}

/** Days from `today` to the due date: 0 on the due date, negative once it has passed. */
export function daysUntilDue(year: number, quarter: number, today: IsoDate, rules: RuleSet = CURRENT_RULES): number {
  const due = parseIsoDate(quarterDueDate(year, quarter, rules));
  const now = parseIsoDate(today);
  return Math.round((Date.UTC(due.y, due.m - 1, due.d) - Date.UTC(now.y, now.m - 1, now.d)) / 86_400_000);
}

/** The quarter that contains `today`. */
export function quarterOf(today: IsoDate): Quarter {
  const { y, m } = parseIsoDate(today);
  return { year: y, quarter: Math.floor((m - 1) / 3) + 1 };
}

export function previousQuarter({ year, quarter }: Quarter): Quarter {
  return quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: quarter - 1 };
}

/** The latest quarter that has ended before `today` (on 03-31, Q1 is still open). */
export function lastClosedQuarter(today: IsoDate): Quarter {
  return previousQuarter(quarterOf(today));
}

/** Negative, zero or positive as `a` is before, the same as or after `b`. */
export function compareQuarters(a: Quarter, b: Quarter): number {
  return a.year !== b.year ? a.year - b.year : a.quarter - b.quarter;
}

/** The last `n` closed quarters, the most recent first: the periods an operator may pick. */
export function quarterOptions(today: IsoDate, n: number): Quarter[] {
  const out: Quarter[] = [];
  let q = lastClosedQuarter(today);
  for (let i = 0; i < n; i++) {
    out.push(q);
    q = previousQuarter(q);
  }
  return out;
}
