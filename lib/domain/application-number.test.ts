import { describe, expect, it } from 'vitest';
import { applicationRefNo } from './application-number';

describe('applicationRefNo', () => {
  it("is the programme's code and the id in six digits", () => {
    expect(applicationRefNo('PD-2026-FH-03', 39)).toBe('PD-2026-FH-03-000039');
    expect(applicationRefNo('PD-2025-JS-01', 123_456)).toBe('PD-2025-JS-01-123456');
  });
  it('keeps an id past six digits whole', () => {
    expect(applicationRefNo('PD-2026-FH-03', 1_234_567)).toBe('PD-2026-FH-03-1234567');
  });
});
