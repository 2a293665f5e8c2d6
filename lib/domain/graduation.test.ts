import { describe, expect, it } from 'vitest';
import { bestTwoConsecutiveYears, criteriaMet, type GraduationFacts } from './graduation';

const base: GraduationFacts = {
  highTechCertNo: null,
  highTechCertOn: null,
  financingTotalFen: 0,
  revenueByYear: {},
  exitKind: null,
  today: '2026-11-26',
};

describe('graduation criteria (any one of four)', () => {
  it('meets none on an empty record', () => {
    expect(criteriaMet(base)).toEqual([]);
  });

  it('counts a high-tech certificate only once it is issued', () => {
    expect(criteriaMet({ ...base, highTechCertNo: 'GR202531000123', highTechCertOn: '2025-12-01' })).toEqual(['high_tech']);
    expect(criteriaMet({ ...base, highTechCertNo: 'GR202631000999', highTechCertOn: '2026-12-01' })).toEqual([]);
  });

  it('needs investment strictly over ¥5,000,000', () => {
    expect(criteriaMet({ ...base, financingTotalFen: 500_000_000 })).toEqual([]);
    expect(criteriaMet({ ...base, financingTotalFen: 500_000_001 })).toEqual(['financing']);
  });

  it('needs two consecutive years of revenue together strictly over ¥10,000,000', () => {
    expect(criteriaMet({ ...base, revenueByYear: { 2024: 600_000_000, 2025: 400_000_000 } })).toEqual([]);
    expect(criteriaMet({ ...base, revenueByYear: { 2024: 600_000_000, 2025: 400_000_001 } })).toEqual(['revenue']);
    // Two good years that are not consecutive do not count.
    expect(criteriaMet({ ...base, revenueByYear: { 2022: 900_000_000, 2024: 900_000_000 } })).toEqual([]);
  });

  it('counts an acquisition or a listing', () => {
    expect(criteriaMet({ ...base, exitKind: 'acquired' })).toEqual(['exit']);
    expect(criteriaMet({ ...base, exitKind: 'listed', financingTotalFen: 600_000_000 })).toEqual(['financing', 'exit']);
  });

  it('picks the best pair of consecutive years', () => {
    expect(bestTwoConsecutiveYears({ 2022: 1, 2023: 5, 2024: 7, 2026: 100 })).toEqual({ firstYear: 2023, totalFen: 12 });
    expect(bestTwoConsecutiveYears({ 2025: 10 })).toEqual({ firstYear: null, totalFen: 0 });
  });
});
