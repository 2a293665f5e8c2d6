import { describe, expect, it } from 'vitest';
import { parseAmountToFen } from '../money';
import { fenToYuanInput } from './amount-input';

describe('amounts as typed', () => {
  it('writes fen as yuan and reads back the same fen', () => {
    expect(fenToYuanInput(1_234_500)).toBe('12345');
    expect(fenToYuanInput(1_234_550)).toBe('12345.50');
    expect(fenToYuanInput(7)).toBe('0.07');
    expect(fenToYuanInput(-5)).toBe('-0.05');
    expect(fenToYuanInput(0)).toBe('0');
    for (const fen of [0, 1, 99, 100, 123_456_789, 500_000_050]) expect(parseAmountToFen(fenToYuanInput(fen))).toBe(fen);
  });
});
