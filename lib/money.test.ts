import { describe, expect, it } from 'vitest';
import { executionRate, formatQian, formatWan, formatYuan, parseAmountToFen } from './money';

describe('money', () => {
  it('shows fen as 万元 with two decimals and grouping', () => {
    expect(formatWan(0)).toBe('0.00');
    expect(formatWan(-4_999)).toBe('0.00');
    expect(formatWan(-5_000)).toBe('-0.01');
    expect(formatYuan(-1)).toBe('-0.01');
    expect(formatWan(1_000_000)).toBe('1.00');
    expect(formatWan(31_188_300_000)).toBe('31,188.30'); // ¥311.883m
    expect(formatWan(1_234_567_890)).toBe('1,234.57');
  });

  it('shows fen as 千元 and 元', () => {
    expect(formatQian(100_000)).toBe('1.00');
    expect(formatQian(1_234_567_890)).toBe('12,345.68');
    expect(formatYuan(123_456)).toBe('1,234.56');
  });

  it('parses typed yuan into exact fen without floating point', () => {
    expect(parseAmountToFen('1,234.56')).toBe(123_456);
    expect(parseAmountToFen('0.1')).toBe(10);
    expect(parseAmountToFen(' 5000000 ')).toBe(500_000_000);
    expect(parseAmountToFen('0.29')).toBe(29); // 0.29 * 100 is 28.999… in floating point
    expect(parseAmountToFen('12.5', 'wan')).toBe(12_500_000);
  });

  it('refuses what is not an amount', () => {
    for (const bad of ['', '-1', '1.234', 'abc', '1e5', '1..2', 'Infinity', '99999999999999999']) {
      expect(parseAmountToFen(bad)).toBeNull();
    }
  });

  it('computes the execution rate to one decimal, as the committee reports it', () => {
    expect(executionRate(29_488_500_000, 31_188_300_000)).toBe(94.5);
    expect(executionRate(952, 1000)).toBe(95.2);
    expect(executionRate(1, 0)).toBeNull();
  });
});
