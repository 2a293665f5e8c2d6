import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileDownload, nameForType, safeFileName } from '../evidence-files';
import { accountInput } from './account';
import { carrierProfileInput } from './carrier';
import { incorporationInput } from './residency';
import { blacklistInput, draftInput, paymentInput, programmeInput } from './subsidies';
import { admissionInput, financingInput, ventureEditInput } from './venture';
import { firstInvisibleCharacter, hasInvisibleCharacter, INVISIBLE_CHARACTER, optionalName, requiredName, stripInvisibleCharacters } from './visible-text';
import { zodFieldErrors } from './zod-messages';

/** The characters the rule is about, by name: bidi controls, marks, zero-width and other format characters. */
const NAMED = [
  ...range(0x202a, 0x202e), // LRE RLE PDF LRO RLO
  ...range(0x2066, 0x2069), // LRI RLI FSI PDI
  0x200e,
  0x200f,
  0x061c, // LRM RLM ALM
  ...range(0x200b, 0x200d), // zero-width space, non-joiner, joiner
  0x2060,
  0xfeff,
  0x00ad,
  0x180e,
  0x2061,
  0x2062,
  0x2063,
  0x2064,
  0xfff9,
  0xfffa,
  0xfffb,
  0x034f,
  0x3164,
  0x115f,
  0x1160,
  0xffa0,
  0xe0001,
  0xe0041,
  0x1d173,
  0x0600,
  0x2028,
  0x2029,
  0x0009,
  0x000a,
  0x007f,
  0x0085,
].map((c) => String.fromCodePoint(c));

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

const invisible = fc.oneof(
  fc.constantFrom(...NAMED),
  // Anything of the format category, wherever it is in the code space.
  fc
    .integer({ min: 0, max: 0x10ffff })
    .map((c) => String.fromCodePoint(c))
    .filter((c) => /\p{Cf}/u.test(c)),
);
/** Text a person may type: letters of any script, digits, punctuation, spaces; nothing invisible. */
const visibleText = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 40 })
  .filter((s) => !hasInvisibleCharacter(s) && s.trim() !== '' && !s.includes('\u0000'));
const anyText = fc.string({ unit: 'binary', maxLength: 80 });

/** `text` with `c` put in at a position chosen by `at` (0..1). */
const insert = (text: string, c: string, at: number) => {
  const chars = Array.from(text);
  const i = Math.floor(at * (chars.length + 1));
  return [...chars.slice(0, i), c, ...chars.slice(i)].join('');
};
const position = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

const keysOf = (r: { success: boolean; error?: unknown }, field: string) =>
  r.success ? [] : (zodFieldErrors(r.error as never)[field] ?? []).map((m) => m.key);

describe('names hold only characters that are drawn', () => {
  it('refuses every bidi control, zero-width and format character within a name, and names it', () => {
    // (At the very ends, the characters that are white space to String.prototype.trim, such as
    // U+FEFF or a newline, are trimmed away with the spaces before the rule looks.)
    fc.assert(
      fc.property(visibleText, invisible, position, visibleText, (text, c, at, end) => {
        const value = text.trimStart() + insert(end, c, at) + '.';
        for (const schema of [requiredName(200), optionalName(200)]) {
          const r = schema.safeParse(value);
          expect(r.success).toBe(false);
          const messages = zodFieldErrors(r.error!)._form!;
          expect(messages).toContainEqual({ key: INVISIBLE_CHARACTER, params: { character: firstInvisibleCharacter(value) } });
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('accepts any visible text, in any script, unchanged but for the trimmed ends', () => {
    fc.assert(
      fc.property(visibleText, (text) => {
        const r = requiredName(400).safeParse(text);
        expect(r.success).toBe(true);
        expect(r.data).toBe(text.trim());
      }),
      { numRuns: 3000 },
    );
    for (const name of ['瑞德生物科技（苏州）有限公司', 'Ørsted & Søn A/S', 'Société Générale', 'عبد الله', '김민준', '👩‍🔬 Lab'.replace('\u200d', '')]) {
      expect(requiredName(100).safeParse(name).success, name).toBe(true);
    }
  });

  it('strips exactly the invisible characters: nothing invisible is left and every other character stays in order', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const stripped = stripInvisibleCharacters(text);
        expect(hasInvisibleCharacter(stripped)).toBe(false);
        expect(stripInvisibleCharacters(stripped)).toBe(stripped);
        expect(stripped).toBe(
          Array.from(text)
            .filter((c) => !hasInvisibleCharacter(c))
            .join(''),
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('gives a refused name the translated message key once, and a NUL its own message', () => {
    expect(keysOf(requiredName(100).safeParse('invoice\u202Efdp.exe'), '_form')).toEqual([INVISIBLE_CHARACTER]);
    expect(keysOf(requiredName(100).safeParse('a\u0000b'), '_form')).toEqual(['nulCharacter']);
    expect(firstInvisibleCharacter('invoice\u202Efdp.exe')).toBe('U+202E');
    expect(firstInvisibleCharacter('a\u{E0041}')).toBe('U+E0041');
  });
});

describe('every name field of the forms and imports uses the rule', () => {
  const rlo = '\u202E';
  const cases: [string, { safeParse: (v: unknown) => { success: boolean; error?: unknown } }, Record<string, unknown>, string][] = [
    ['venture name (team)', admissionInput, { kind: 'team', name: `A${rlo}B` }, 'name'],
    ['venture name (company)', admissionInput, { kind: 'company', name: `A${rlo}B` }, 'name'],
    ['founders', admissionInput, { kind: 'team', founders: `张三\u200B` }, 'founders'],
    ['founders (edit)', ventureEditInput, { founders: `张三\u2066` }, 'founders'],
    ['investor', financingInput, { investor: `红杉\u200F资本` }, 'investor'],
    ['incorporated name', incorporationInput, { name: `某\uFEFF公司` }, 'name'],
    ['user name', accountInput, { name: `王\u00AD伟` }, 'name'],
    ['programme title (zh)', programmeInput, { nameZh: `项目\u2067` }, 'nameZh'],
    ['programme title (en)', programmeInput, { nameEn: `Programme\u202A` }, 'nameEn'],
    ['programme code', programmeInput, { code: `P-1\u200D` }, 'code'],
    ['indicator name', draftInput, { indicators: [{ name: `营收\u061C`, unit: '万元', targetValue: 1 }] }, 'indicators.0.name'],
    ['payment voucher', paymentInput, { voucherNo: `V\u2060001` }, 'voucherNo'],
    ['blacklisted venture name', blacklistInput, { subjectType: 'venture', subjectName: `某\u202D公司` }, 'subjectName'],
    ['carrier contact', carrierProfileInput, { contactName: `李\u200C明` }, 'contactName'],
  ];
  for (const [label, schema, input, field] of cases) {
    it(`refuses an invisible character in the ${label}`, () => {
      expect(keysOf(schema.safeParse(input), field)).toContain(INVISIBLE_CHARACTER);
    });
  }
});

describe('uploaded file names', () => {
  const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]);

  it('lose every invisible character, and keep the visible ones', () => {
    fc.assert(
      fc.property(anyText, (name) => {
        const safe = safeFileName(name, 'document');
        expect(hasInvisibleCharacter(safe)).toBe(false);
        const stored = nameForType(name, 'document', 'application/pdf');
        expect(hasInvisibleCharacter(stored)).toBe(false);
        expect(stored).toMatch(/\.pdf$/);
      }),
      { numRuns: 3000 },
    );
    expect(safeFileName('invoice\u202Efdp.exe', 'f')).toBe('invoicefdp.exe');
    expect(safeFileName('合同\u200B扫描件.pdf', 'f')).toBe('合同扫描件.pdf');
  });

  it('take the extension of the type found in their content, whatever they were called', () => {
    expect(nameForType('evil.html', 'f', 'application/pdf')).toBe('evil.pdf');
    expect(nameForType('invoice\u202Efdp.exe', 'f', 'application/pdf')).toBe('invoicefdp.pdf');
    expect(nameForType('photo', 'f', 'image/jpeg')).toBe('photo.jpg');
    expect(nameForType('.html', 'f', 'image/png')).toBe('html.png');
    expect(nameForType('scan.PDF', 'f', 'application/pdf')).toBe('scan.pdf');
    expect(nameForType('a.tar.gz', 'f', null)).toBe('a.tar.bin');
    const res = fileDownload({ content: pdf, mimeType: 'text/html', fileName: 'evil.html' }, 'attachment-1');
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="evil.pdf"; filename*=UTF-8''evil.pdf`);
  });

  it('never leave a download named for a type other than the one its bytes are', () => {
    const content = fc.constantFrom<[Uint8Array, string, string]>(
      [pdf, 'application/pdf', 'pdf'],
      [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'image/png', 'png'],
      [new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), 'image/jpeg', 'jpg'],
      [new TextEncoder().encode('<html><script>alert(1)</script>'), 'application/octet-stream', 'bin'],
    );
    fc.assert(
      fc.property(anyText, content, fc.constantFrom('application/pdf', 'text/html', 'image/png'), (name, [bytes, mime, ext], stored) => {
        const res = fileDownload({ content: bytes, mimeType: stored, fileName: name }, 'attachment-9');
        expect(res.headers.get('content-type')).toBe(mime);
        const disposition = res.headers.get('content-disposition')!;
        expect(/filename="([^"]*)"/.exec(disposition)![1]).toMatch(new RegExp(`\\.${ext}$`));
        expect(decodeURIComponent(/filename\*=UTF-8''(.*)$/.exec(disposition)![1]!)).toMatch(new RegExp(`\\.${ext}$`));
      }),
      { numRuns: 2000 },
    );
  });
});
