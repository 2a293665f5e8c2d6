import fc from 'fast-check';

/**
 * Inputs nobody should send but somebody will: for property tests of everything that parses
 * what a person, a browser or a spreadsheet hands over.
 */
export const HOSTILE_STRINGS = [
  '',
  ' ',
  '\t\n\r',
  '\u3000',
  '\u0000',
  'a\u0000b',
  '\u202e',
  '\ufeff1',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  "'; DROP TABLE ventures; --",
  '1 OR 1=1',
  '$1',
  '%s%n',
  '<script>alert(1)</script>',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '1e21',
  '-0',
  '0x10',
  '0b11',
  '1_000',
  '１２３',
  '１,２３４.５６',
  '٣٤',
  '9'.repeat(400),
  '-1',
  '1.005',
  '.5',
  '5.',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '𝌆𝌆',
  '\ud800',
  '2025-02-30',
  '2025-13-01',
  '0000-00-00',
  '+002025-01-01',
  'x'.repeat(100_000),
];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.double().map(String),
  fc.bigInt().map(String),
  fc.integer().map((n) => n.toLocaleString('en-US')),
);

/** Any value at all, weighted towards what breaks parsers. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileString },
  fc.anything({
    withNullPrototype: true,
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
    withSparseArray: true,
    withBoxedValues: true,
  }),
  fc.double(),
  fc.constantFrom(null, undefined, true, false, NaN, Infinity, -0, Number.MAX_SAFE_INTEGER + 2, new Date(NaN)),
  fc.array(hostileStringShort(), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'value', 'length'), fc.string(), { maxKeys: 3 }),
);

function hostileStringShort() {
  return fc.oneof(fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s.length < 500)), fc.string({ maxLength: 10 }));
}

/** Mostly `valid`, sometimes anything: so that objects built field by field are often accepted. */
export function mostly<T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 8, arbitrary: valid }, { weight: 1, arbitrary: hostileValue });
}

/** A string as people type it: with stray spaces around it. */
export const padded = (s: fc.Arbitrary<string>) =>
  fc.tuple(fc.constantFrom('', ' ', '  ', '\t', '\u3000'), s, fc.constantFrom('', ' ', '\n')).map(([a, b, c]) => a + b + c);

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A valid calendar date as YYYY-MM-DD (years 1900-2100). */
export const isoDateArb = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`);
