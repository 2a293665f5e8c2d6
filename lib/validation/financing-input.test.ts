import { describe, expect, it } from 'vitest';
import { financingInput } from './venture';

describe('financingInput', () => {
  const base = { ventureId: '7', receivedOn: '2026-03-01', investor: '浦东科创种子基金' };

  it('takes an amount in yuan as fen', () => {
    expect(financingInput.parse({ ...base, amountFen: '1,000.50' }).amountFen).toBe(100_050);
  });

  it('refuses a round of zero', () => {
    const r = financingInput.safeParse({ ...base, amountFen: '0' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: ['amountFen'], message: 'tooSmall' });
  });
});
