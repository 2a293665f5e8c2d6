import { describe, expect, it } from 'vitest';
import { carrierParam, hrefWith, one, pathId, statisticsYear } from './search-params';

describe('pathId', () => {
  it('reads a positive 32-bit decimal id', () => {
    expect(pathId('1')).toBe(1);
    expect(pathId('42')).toBe(42);
    expect(pathId('2147483647')).toBe(2_147_483_647);
  });
  it('refuses anything that is not written as one', () => {
    for (const v of [undefined, '', '0', '-1', '+1', ' 1', '1 ', '01', '1.0', '1e2', '0x10', 'abc', '2147483648', '99999999999']) {
      expect(pathId(v)).toBeUndefined();
    }
  });
});

describe('search helpers', () => {
  it('takes the first of repeated parameters', () => {
    expect(one(['a', 'b'])).toBe('a');
    expect(one('a')).toBe('a');
    expect(one(undefined)).toBeUndefined();
  });
  it('leaves empty parameters out of a link', () => {
    expect(hrefWith('/x', { a: '1', b: undefined, c: '' })).toBe('/x?a=1');
    expect(hrefWith('/x', {})).toBe('/x');
  });
});

describe('carrierParam', () => {
  it("keeps a carrier id only when it is one of the caller's", () => {
    expect(carrierParam('3', [1, 3])).toBe(3);
    expect(carrierParam('2', [1, 3])).toBeUndefined();
    expect(carrierParam('abc', [1, 3])).toBeUndefined();
    expect(carrierParam(undefined, [1, 3])).toBeUndefined();
  });
});

describe('statisticsYear', () => {
  it('takes a year up to the next one and falls back to this year otherwise', () => {
    expect(statisticsYear('2019', '2026-12-08')).toBe(2019);
    expect(statisticsYear('2027', '2026-12-08')).toBe(2027);
    expect(statisticsYear('2028', '2026-12-08')).toBe(2026);
    expect(statisticsYear('1999', '2026-12-08')).toBe(2026);
    expect(statisticsYear(undefined, '2026-12-08')).toBe(2026);
    expect(statisticsYear('abc', '2026-12-08')).toBe(2026);
  });
});
