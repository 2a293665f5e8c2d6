import { describe, expect, it } from 'vitest';
import { compareQuarters, daysUntilDue, isLate, lastClosedQuarter, quarterDueDate, quarterEnd, quarterOf, quarterOptions, quarterStart } from './reporting';
import { MOST_2018 } from './rules';

describe('quarters as dates', () => {
  it('starts and ends each quarter on its calendar days', () => {
    expect([1, 2, 3, 4].map((q) => quarterStart(2026, q))).toEqual(['2026-01-01', '2026-04-01', '2026-07-01', '2026-10-01']);
    expect([1, 2, 3, 4].map((q) => quarterEnd(2026, q))).toEqual(['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31']);
  });

  it('refuses a quarter that does not exist', () => {
    expect(() => quarterEnd(2026, 0)).toThrow();
    expect(() => quarterEnd(2026, 5)).toThrow();
    expect(() => quarterStart(2026, 1.5)).toThrow();
  });

  it('places a day in its quarter', () => {
    expect(quarterOf('2026-03-31')).toEqual({ year: 2026, quarter: 1 });
    expect(quarterOf('2026-04-01')).toEqual({ year: 2026, quarter: 2 });
    expect(quarterOf('2026-12-31')).toEqual({ year: 2026, quarter: 4 });
  });
});

describe('due dates (15 days after the quarter ends)', () => {
  it('falls on the 15th of the month after the quarter', () => {
    expect(MOST_2018.reportDueDays).toBe(15);
    expect(quarterDueDate(2026, 1)).toBe('2026-04-15');
    expect(quarterDueDate(2026, 2)).toBe('2026-07-15');
    expect(quarterDueDate(2026, 3)).toBe('2026-10-15');
  });

  it('moves Q4 into the next year', () => {
    expect(quarterDueDate(2026, 4)).toBe('2027-01-15');
  });

  it('follows the rule set', () => {
    expect(quarterDueDate(2026, 1, { ...MOST_2018, reportDueDays: 30 })).toBe('2026-04-30');
  });
});

describe('late filings', () => {
  it('is not late on the due date, and late the day after', () => {
    expect(isLate(2026, 1, '2026-04-14')).toBe(false);
    expect(isLate(2026, 1, '2026-04-15')).toBe(false);
    expect(isLate(2026, 1, '2026-04-16')).toBe(true);
  });

  it('counts Q4 against January of the next year', () => {
    expect(isLate(2026, 4, '2027-01-15')).toBe(false);
    expect(isLate(2026, 4, '2027-01-16')).toBe(true);
    expect(isLate(2026, 4, '2026-12-31')).toBe(false);
  });

  it('counts the days left until the due date', () => {
    expect(daysUntilDue(2026, 1, '2026-04-01')).toBe(14);
    expect(daysUntilDue(2026, 1, '2026-04-15')).toBe(0);
    expect(daysUntilDue(2026, 1, '2026-04-16')).toBe(-1);
    expect(daysUntilDue(2026, 4, '2026-12-31')).toBe(15);
  });

  it('is not late when filed early, before the quarter ends', () => {
    expect(isLate(2026, 2, '2026-05-01')).toBe(false);
  });
});

describe('the quarters an operator picks from', () => {
  it('takes the last closed quarter: the quarter end itself is not closed yet', () => {
    expect(lastClosedQuarter('2026-03-31')).toEqual({ year: 2025, quarter: 4 });
    expect(lastClosedQuarter('2026-04-01')).toEqual({ year: 2026, quarter: 1 });
    expect(lastClosedQuarter('2026-01-01')).toEqual({ year: 2025, quarter: 4 });
    expect(lastClosedQuarter('2026-12-31')).toEqual({ year: 2026, quarter: 3 });
  });

  it('lists the last n closed quarters, most recent first, across years', () => {
    expect(quarterOptions('2026-05-10', 5)).toEqual([
      { year: 2026, quarter: 1 },
      { year: 2025, quarter: 4 },
      { year: 2025, quarter: 3 },
      { year: 2025, quarter: 2 },
      { year: 2025, quarter: 1 },
    ]);
    expect(quarterOptions('2026-05-10', 0)).toEqual([]);
  });

  it('orders quarters', () => {
    expect(compareQuarters({ year: 2025, quarter: 4 }, { year: 2026, quarter: 1 })).toBeLessThan(0);
    expect(compareQuarters({ year: 2026, quarter: 2 }, { year: 2026, quarter: 1 })).toBeGreaterThan(0);
    expect(compareQuarters({ year: 2026, quarter: 2 }, { year: 2026, quarter: 2 })).toBe(0);
  });
});
