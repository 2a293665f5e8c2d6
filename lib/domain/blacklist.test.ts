import { describe, expect, it } from 'vitest';
import { blacklistEntryInForce } from './blacklist';

const TODAY = '2026-06-15';
const entry = (effectiveOn: string, sanctionEndsOn: string | null = null, liftedOn: string | null = null) => ({ effectiveOn, sanctionEndsOn, liftedOn });

describe('a blacklist entry in force', () => {
  it('runs from its effective date to the last day of its sanction, both included', () => {
    expect(blacklistEntryInForce(entry(TODAY), TODAY)).toBe(true);
    expect(blacklistEntryInForce(entry('2026-06-16'), TODAY)).toBe(false);
    expect(blacklistEntryInForce(entry('2025-01-01', TODAY), TODAY)).toBe(true);
    expect(blacklistEntryInForce(entry('2025-01-01', '2026-06-14'), TODAY)).toBe(false);
  });

  it('is indefinite without a sanction end, and over once lifted', () => {
    expect(blacklistEntryInForce(entry('2020-01-01'), TODAY)).toBe(true);
    expect(blacklistEntryInForce(entry('2020-01-01', null, '2026-06-15'), TODAY)).toBe(false);
    expect(blacklistEntryInForce(entry('2020-01-01', '2030-01-01', '2021-01-01'), TODAY)).toBe(false);
  });
});
