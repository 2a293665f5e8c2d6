import { describe, expect, it } from 'vitest';
import { moneyCompact, moneyFigure, moneyText } from './money';

describe('money as each reader writes it', () => {
  it('keeps 万元 with two decimals in Chinese', () => {
    expect(moneyFigure('zh-CN', 15_000_000)).toBe('15.00');
    expect(moneyText('zh-CN', 15_000_000)).toBe('15.00 万元');
    expect(moneyText('zh-CN', 1_234_567_890)).toBe('1,234.57 万元');
    expect(moneyCompact('zh-CN', 15_000_000)).toBe('15.00万');
  });

  it('writes CNY in whole yuan in English, cents only when there are any', () => {
    expect(moneyFigure('en', 15_000_000)).toBe('150,000');
    expect(moneyText('en', 15_000_000)).toBe('CNY 150,000');
    expect(moneyText('en', 12_345)).toBe('CNY 123.45');
    expect(moneyText('en', 0)).toBe('CNY 0');
    expect(moneyText('en', 1_234_567_890)).toBe('CNY 12,345,678.90');
  });

  it('shortens English amounts to ¥150k, ¥1.2m and ¥3bn where space is short', () => {
    expect(moneyCompact('en', 15_000_000)).toBe('¥150k');
    expect(moneyCompact('en', 123_456_789)).toBe('¥1.2m');
    expect(moneyCompact('en', 300_000_000_000)).toBe('¥3bn');
    expect(moneyCompact('en', 50_000)).toBe('¥500');
    expect(moneyCompact('en', -15_000_000)).toBe('-¥150k');
  });

  it('never writes the Chinese unit on English pages nor the English one on Chinese pages', () => {
    for (const fen of [0, 1, 99, 1_000_000, 31_188_300_000]) {
      expect(moneyText('en', fen)).not.toMatch(/万|10k yuan/);
      expect(moneyCompact('en', fen)).not.toMatch(/万/);
      expect(moneyText('zh-CN', fen)).not.toMatch(/CNY|¥/);
    }
  });
});
