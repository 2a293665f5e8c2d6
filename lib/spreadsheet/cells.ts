/**
 * Every cell becomes a string before it is validated, whatever Excel, LibreOffice or a CSV
 * made of it: numbers, dates, rich text, formula results, hyperlinks, errors.
 */
export function cellToString(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return numberToString(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateToIso(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText))
      return v.richText
        .map((r: { text?: unknown }) => plain(r?.text ?? ''))
        .join('')
        .trim();
    if ('result' in v || 'formula' in v || 'sharedFormula' in v) return cellToString(v.result);
    if ('text' in v) return cellToString(v.text);
    if ('error' in v) return plain(v.error);
  }
  return plain(value).trim();
}

/** String(value), or '' for a value that has no text form (an object without a prototype). */
function plain(value: unknown): string {
  try {
    return String(value);
  } catch {
    return '';
  }
}

/**
 * Numbers as people wrote them: no exponent, no binary noise (0.1 + 0.2 -> "0.3").
 * A whole number beyond 2^53 (a credit code typed into a number cell) has already lost
 * digits in the file; it comes out as its exact value, which then fails the code's check.
 */
export function numberToString(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return Math.abs(n) <= Number.MAX_SAFE_INTEGER ? String(n) : BigInt(n).toString();
  const s = n.toPrecision(15);
  if (/e/i.test(s))
    return Number(s)
      .toFixed(20)
      .replace(/\.?0+$/, '');
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/**
 * A date cell: Excel stores the calendar day and exceljs hands it over as that day at UTC
 * midnight, so the UTC parts are the day the user typed, in any server time zone.
 */
export function dateToIso(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const y = d.getUTCFullYear();
  const m = String(d.getUTCMonth() + 1).padStart(2, '0');
  const day = String(d.getUTCDate()).padStart(2, '0');
  return `${String(y).padStart(4, '0')}-${m}-${day}`;
}

/**
 * Dates written as text in the ways people write them (2025/3/1, 2025.03.01, 2025年3月1日,
 * 2025-3-1) become YYYY-MM-DD; anything else is left for the schema to refuse.
 */
export function normalizeDateText(s: string): string {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]0{1,2}:00(?::00(?:\.0+)?)?)?$/.exec(s.trim());
  if (!m) return s;
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}
