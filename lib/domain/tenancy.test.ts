import { describe, expect, it } from 'vitest';
import { addMonths, monthsBetween } from './dates';
import { admissionWarnings, incubationLimitMonths, incubationLimitStatus } from './tenancy';

describe('company age at entry (≤ 24 months)', () => {
  const company = (foundedOn: string, enteredOn: string) => admissionWarnings({ kind: 'company', foundedOn, enteredOn });

  it('accepts entry on the 24-month anniversary to the day', () => {
    expect(company('2024-03-15', '2026-03-15')).toEqual([]);
  });

  it('warns one day after the anniversary', () => {
    expect(company('2024-03-15', '2026-03-16')).toEqual(['founded_over_24_months']);
  });

  it('handles month ends (founded 29 February)', () => {
    expect(company('2024-02-29', '2026-02-28')).toEqual([]);
    expect(company('2024-02-29', '2026-03-01')).toEqual(['founded_over_24_months']);
  });

  it('never warns for a team, and flags a founding date after entry', () => {
    expect(admissionWarnings({ kind: 'team', foundedOn: null, enteredOn: '2026-01-01' })).toEqual([]);
    expect(company('2026-02-01', '2026-01-01')).toEqual(['founded_after_entry']);
  });
});

describe('incubation limits (48 months; 60 for biomedicine, IC, modern agriculture)', () => {
  it('gives the extended limit to the three industries only', () => {
    expect(incubationLimitMonths('biomedicine')).toBe(60);
    expect(incubationLimitMonths('integrated_circuits')).toBe(60);
    expect(incubationLimitMonths('modern_agriculture')).toBe(60);
    expect(incubationLimitMonths('software')).toBe(48);
    expect(incubationLimitMonths('ai')).toBe(48);
  });

  it('is ok until six months before the limit, due soon from then, overdue the day after it', () => {
    const s = (today: string, industry = 'software') => incubationLimitStatus({ industry, incubationStartedOn: '2022-01-10', today });
    expect(s('2025-07-09').status).toBe('ok');
    expect(s('2025-07-10').status).toBe('due_soon');
    expect(s('2026-01-10')).toEqual({ endsOn: '2026-01-10', limitMonths: 48, status: 'due_soon' });
    expect(s('2026-01-11').status).toBe('overdue');
    expect(s('2026-01-11', 'biomedicine')).toEqual({ endsOn: '2027-01-10', limitMonths: 60, status: 'ok' });
    expect(s('2027-01-11', 'biomedicine').status).toBe('overdue');
  });
});

describe('calendar arithmetic', () => {
  it('adds months with end-of-month clamping and counts whole months', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2025-12-15', 1)).toBe('2026-01-15');
    expect(monthsBetween('2024-01-15', '2024-03-14')).toBe(1);
    expect(monthsBetween('2024-01-15', '2024-03-15')).toBe(2);
    expect(monthsBetween('2024-03-15', '2024-01-15')).toBe(0);
  });
});
