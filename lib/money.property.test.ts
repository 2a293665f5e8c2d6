import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostileString, padded } from '@/tests/helpers/hostile';
import { formatWan, formatYuan, parseAmountToFen } from './money';
import { amountFen } from './validation/fields';
import { fenToYuanInput } from './validation/amount-input';

const UNITS = ['yuan', 'wan'] as const;
const isFen = (v: number | null) => v === null || (Number.isSafeInteger(v) && v >= 0 && !Object.is(v, -0));

/** Whole yuan (or 万元) as digits, 1-13 of them, optionally grouped by thousands with , or ，. */
const wholeDigits = fc.bigInt({ min: 0n, max: 10n ** 13n - 1n }).map(String);
const grouped = (digits: string, sep: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
const typedAmount = (maxDecimals: number) =>
  fc
    .record({
      whole: wholeDigits,
      frac: fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 0, maxLength: maxDecimals }),
      sep: fc.constantFrom('', ',', '，'),
    })
    .chain((a) => padded(fc.constant(grouped(a.whole, a.sep) + (a.frac ? `.${a.frac}` : ''))).map((text) => ({ ...a, text })));

describe('money parser properties', () => {
  it('never throws, and returns null or a safe non-negative integer of fen', () => {
    fc.assert(
      fc.property(hostileString, fc.constantFrom(...UNITS), (s, unit) => {
        expect(isFen(parseAmountToFen(s, unit))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads typed yuan with up to two decimals exactly', () => {
    fc.assert(
      fc.property(typedAmount(2), ({ whole, frac, text }) => {
        expect(parseAmountToFen(text)).toBe(Number(BigInt(whole) * 100n + BigInt(frac.padEnd(2, '0'))));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads 万元 with up to six decimals exactly, or refuses beyond the safe range', () => {
    fc.assert(
      fc.property(typedAmount(6), ({ whole, frac, text }) => {
        const fen = BigInt(whole) * 1_000_000n + BigInt(frac.padEnd(6, '0'));
        expect(parseAmountToFen(text, 'wan')).toBe(fen > BigInt(Number.MAX_SAFE_INTEGER) ? null : Number(fen));
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses negative amounts, too many decimals, exponents and non-ASCII digits', () => {
    const tooPrecise = (n: number) => fc.tuple(wholeDigits, fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n + 5 }));
    fc.assert(
      fc.property(
        fc.oneof(
          typedAmount(2).map((a) => `-${a.text.trim()}`),
          tooPrecise(3).map(([w, f]) => `${w}.${f}`),
          wholeDigits.map((w) => `${w}e2`),
          fc.constantFrom('NaN', 'Infinity', '-0.01', '１２３', '١٢٣', '1.2.3', '.', '', '10000000000000'),
        ),
        (s) => {
          expect(parseAmountToFen(s)).toBeNull();
        },
      ),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(
        tooPrecise(7).map(([w, f]) => `${w}.${f}`),
        (s) => {
          expect(parseAmountToFen(s, 'wan')).toBeNull();
        },
      ),
      { numRuns: 500 },
    );
  });

  it('round-trips fen through what the forms show and what they read back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 15 - 1 }), (fen) => {
        expect(parseAmountToFen(fenToYuanInput(fen))).toBe(fen);
        expect(parseAmountToFen(formatYuan(fen))).toBe(fen);
        // 万元 with two decimals is exact to 100 yuan.
        expect(Math.abs(parseAmountToFen(formatWan(fen), 'wan')! - fen)).toBeLessThanOrEqual(5_000);
      }),
      { numRuns: 3000 },
    );
  });

  it('the form field takes numbers and strings alike and never yields anything but fen', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.integer(), hostileString), (v) => {
        const r = amountFen.safeParse(v);
        if (!r.success) return;
        expect(isFen(r.data)).toBe(true);
        if (typeof v === 'number') expect(Math.abs(r.data / 100 - v)).toBeLessThan(1e-6 * Math.max(1, v));
      }),
      { numRuns: 3000 },
    );
  });
});
