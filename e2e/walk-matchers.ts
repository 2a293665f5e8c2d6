/**
 * What a page must never show its reader: the matchers of the e2e walk (e2e/walk.spec.ts), kept
 * pure so that a unit test (tests/walk-matchers.test.ts) can show each one catching its case
 * and passing over the names, addresses and file names the demo data holds.
 */

export type Finding = { kind: string; snippet: string };

/** Emails, web addresses, host names and file names: data, never a code. */
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const URL_LIKE = /\b(?:https?:\/\/|www\.)\S+/g;
const HOST_OR_FILE =
  /\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|cn|gov|edu|io|info|xlsx|xls|csv|pdf|docx?|pptx?|png|jpe?g|gif|svg|zip|rar|txt|md|json|ts|tsx|js)\b/gi;

/** Dotted codes such as `application.review`, `user.passwordChanged` or next-intl's missing key `dashboard.cards.x`. */
const DOTTED_CODE = /\b[a-z]{2,}(?:\.[a-z][A-Za-z]+)+\b/g;
/** Enum values written as they are stored: `fund_reduced`, `missing_reports`. */
const SNAKE_CASE = /\b[a-z]+_[a-z_]+\b/g;
/** A reference shown as its id: `→ 12`, `-> 12`, `— → 4`, `改为 2`. */
const ID_ARROW =
  /(?:→|->|⟶|改为)\s*#?\d+(?![\d.,:%/年月日万元个家人项号\w-]|\s*(?:%|万|元|个|家|人|项|分|年|月|日|天|平方米|次|小时|行|季度|CNY|yuan|m²|㎡|days?|months?|years?|[A-Za-z]))/g;
/** A record called by its number (`用户 #11`, `Attachment #3`) or a file by its media type (`application/pdf`). */
const RECORD_NUMBER = /#\d+\b/g;
const MEDIA_TYPE = /\b(?:application|image|text)\/[a-z][\w.+-]*/g;
const JSON_FRAGMENT = /\{\s*"|"[A-Za-z_][\w]*"\s*:/g;
const NOTHING_WORD = /\b(?:undefined|NaN|null)\b|\[object Object\]|MISSING_MESSAGE/g;
/**
 * On an English page: a figure followed by a Chinese unit ("≥ 1,450 个", "Actual 0 家"), unless it
 * is part of Chinese text (a comment or evidence written in Chinese), or amounts in "× 10k yuan".
 */
const CHINESE_UNIT =
  /(?<![\u3400-\u9fff\uff00-\uffef\u3000-\u303f][^\S\n]*[≥≤]?[^\S\n]*)(?<![\d,.])\d[\d,.]*\s*(?:个|家|人|项|万元|元|件|名|次)(?![\u3400-\u9fff])/g;
const TEN_K_YUAN = /×\s*10k\s*yuan|\b10k yuan\b/g;
const CHINESE = /[\u3400-\u9fff]/;

/** Masks the parts of a text that are data of a known shape (emails, addresses, file names). */
export function maskData(text: string): string {
  const blank = (m: string) => ' '.repeat(m.length);
  return text.replace(EMAIL, blank).replace(URL_LIKE, blank).replace(HOST_OR_FILE, blank);
}

function around(text: string, index: number, length: number): string {
  const start = Math.max(0, index - 25);
  const end = Math.min(text.length, index + length + 25);
  return text.slice(start, end).replace(/\s+/g, ' ').trim();
}

function collect(kind: string, pattern: RegExp, text: string, shown: string, out: Finding[]) {
  for (const m of text.matchAll(pattern)) out.push({ kind, snippet: around(shown, m.index, m[0].length) });
}

/** Every raw code, id, JSON fragment or missing value in a page's visible text. */
export function rawTextFindings(text: string, locale: 'zh-CN' | 'en'): Finding[] {
  const masked = maskData(text);
  const out: Finding[] = [];
  collect('missing value', NOTHING_WORD, masked, text, out);
  collect('JSON', JSON_FRAGMENT, masked, text, out);
  collect('id arrow', ID_ARROW, masked, text, out);
  collect('record by its number', RECORD_NUMBER, masked, text, out);
  collect('media type', MEDIA_TYPE, masked, text, out);
  collect('dotted code', DOTTED_CODE, masked, text, out);
  collect('snake_case value', SNAKE_CASE, masked, text, out);
  if (locale === 'en') {
    collect('Chinese unit on an English page', CHINESE_UNIT, masked, text, out);
    collect('amount in 10k yuan', TEN_K_YUAN, masked, text, out);
  }
  return out;
}

/**
 * Chinese words in the chrome of an English page: the texts given are those of column headers,
 * field labels, legends and navigation links, which are the portal's own words (data such as
 * names is excluded by the caller).
 */
export function chineseChromeFindings(texts: string[]): Finding[] {
  return texts.filter((t) => CHINESE.test(t)).map((t) => ({ kind: 'Chinese in English chrome', snippet: t.replace(/\s+/g, ' ').trim().slice(0, 80) }));
}
