import 'server-only';
import { notFound } from 'next/navigation';
import { DomainError } from '@/lib/errors';

/** A venture id from the URL; anything else is a page that does not exist. */
export function ventureIdFrom(raw: string): number {
  if (!/^\d{1,9}$/.test(raw) || Number(raw) === 0) notFound();
  return Number(raw);
}

/** A record outside the caller's carriers is shown as the not-found page, never as "forbidden". */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (e) {
    if (e instanceof DomainError && e.code === 'notFound') notFound();
    throw e;
  }
}
