import { z } from 'zod';

/** A carrier id from the URL, kept only when it is one of the operator's. */
export function carrierParam(raw: string | undefined, carrierIds: number[]): number | undefined {
  const id = z.coerce.number().int().positive().catch(0).parse(raw ?? 0);
  return carrierIds.includes(id) ? id : undefined;
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
