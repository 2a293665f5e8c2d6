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
