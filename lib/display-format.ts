/** Execution as "95.2%" (one decimal), or a dash without a budget. */
export function rateText(rate: number | null): string {
  return rate === null ? '—' : `${rate.toFixed(1)}%`;
}

/** A file size for people: 12 KB, 3.4 MB. */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A record's name in the reader's language: its English name on English pages when it has one, else its own. */
export function localName(locale: string, r: { name: string; nameEn: string | null }): string {
  return locale === 'en' && r.nameEn ? r.nameEn : r.name;
}
