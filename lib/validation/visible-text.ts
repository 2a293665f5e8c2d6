import { z } from 'zod';

/**
 * Names are shown to people who decide on them: a venture's name in a list, a file's name in a
 * download dialog. A character that is not drawn but changes what is drawn lets a name say one
 * thing and be another (`invoice\u202Efdp.exe` shows as `invoiceexe.pdf`; a zero-width space
 * makes two identical-looking names different). One rule, here, for every name field and every
 * uploaded file name (docs/request-hygiene.md):
 *
 * - every format character (Unicode category Cf): the bidi embeddings, overrides and isolates
 *   (U+202A–202E, U+2066–2069), the marks U+200E, U+200F, U+061C, the zero-width space, joiner
 *   and non-joiner (U+200B–200D), the word joiner U+2060, U+FEFF, the soft hyphen U+00AD, tag
 *   characters and the rest of the category;
 * - control characters (Cc), line and paragraph separators (Zl, Zp);
 * - the characters that are drawn as nothing though not Cf: the combining grapheme joiner
 *   U+034F, the Hangul fillers (U+115F, U+1160, U+3164, U+FFA0) and the Mongolian free
 *   variation selectors and vowel separator (U+180B–180F).
 */
const INVISIBLE = /[\p{Cf}\p{Cc}\p{Zl}\p{Zp}\u034F\u115F\u1160\u3164\uFFA0\u180B-\u180F]/u;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'gu');

/** The message key of a refused name (catalogue `hygiene`). */
export const INVISIBLE_CHARACTER = 'hygiene.invisibleCharacter';

/** The first invisible character of the text as `U+XXXX`, or null when every character is drawn. */
export function firstInvisibleCharacter(text: string): string | null {
  const m = INVISIBLE.exec(text);
  if (!m) return null;
  return `U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

export function hasInvisibleCharacter(text: string): boolean {
  return INVISIBLE.test(text);
}

/** The text without its invisible characters (for uploaded file names, which are cleaned, not refused). */
export function stripInvisibleCharacters(text: string): string {
  return text.replace(INVISIBLE_ALL, '');
}

/** A zod check for a name field: refuses an invisible character, naming it in the message. */
export function refuseInvisible(value: string, ctx: z.RefinementCtx): void {
  if (value.includes('\u0000')) return; // refused as 'nulCharacter' already
  const character = firstInvisibleCharacter(value);
  if (character) ctx.addIssue({ code: 'custom', message: INVISIBLE_CHARACTER, params: { character } });
}

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const storable = (v: string) => !v.includes('\u0000');

/** A required name (a venture, a person, an investor, a programme's title…): trimmed, 1..max characters, every character drawn. */
export const requiredName = (max = 200) => z.string().trim().min(1, 'required').max(max).refine(storable, 'nulCharacter').superRefine(refuseInvisible);

/** The same where blank means "not given". */
export const optionalName = (max = 200) =>
  z.preprocess(blankToUndefined, z.string().trim().max(max).refine(storable, 'nulCharacter').superRefine(refuseInvisible).optional());
