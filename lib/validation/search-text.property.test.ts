import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCarrierFilters } from '@/lib/server/filters/carriers';
import { hostileString } from '@/tests/helpers/hostile';
import { searchText } from './search-text';
import { parseVentureFilters } from './venture-filters';

/**
 * List filters come from URLs anyone can type: whatever they hold, parsing never throws and
 * free text reaches the database trimmed, bounded and without NUL (which PostgreSQL refuses).
 */
const param = fc.oneof(hostileString, fc.array(hostileString, { maxLength: 3 }), fc.constant(undefined));
const KEYS = [
  'q',
  'zone',
  'carrier',
  'stage',
  'industry',
  'highTech',
  'warnings',
  'limit',
  'enteredYear',
  'sort',
  'dir',
  'kind',
  'level',
  'status',
  '__proto__',
  'constructor',
];
const searchParams = fc.record(Object.fromEntries(KEYS.map((k) => [k, param])), { requiredKeys: [] }) as fc.Arbitrary<
  Record<string, string | string[] | undefined>
>;

function checkText(v: string | undefined, max = 100) {
  if (v === undefined) return;
  expect(v.length).toBeGreaterThan(0);
  expect(v.length).toBeLessThanOrEqual(max);
  expect(v).toBe(v.trim());
  expect(v).not.toContain('\u0000');
}

describe('search text from URLs', () => {
  it('searchText keeps what was typed, less NUL and surrounding space, up to the limit', () => {
    fc.assert(
      fc.property(hostileString, (s) => {
        const out = searchText(s);
        checkText(out);
        const expected = s
          .replace(/\u0000/g, '')
          .trim()
          .slice(0, 100);
        expect(out ?? '').toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('the venture and carrier filters never throw and never pass NUL on', () => {
    fc.assert(
      fc.property(searchParams, fc.boolean(), (params, asUrl) => {
        const input = asUrl ? new URLSearchParams(Object.entries(params).flatMap(([k, v]) => (v === undefined ? [] : [v].flat().map((x) => [k, x])))) : params;
        const ventures = parseVentureFilters(input);
        checkText(ventures.q);
        const carriers = parseCarrierFilters(input);
        checkText(carriers.q);
        checkText(carriers.zone);
      }),
      { numRuns: 2000 },
    );
  });
});
