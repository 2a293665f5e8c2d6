import 'server-only';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { openResidencyOfVenture } from '@/db/queries/ventures/residencies';
import { requireRole, scopeFor } from '@/lib/server/authz';
import { DomainError } from '@/lib/errors';
import { id as idSchema } from '@/lib/validation/fields';

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

/** The open stay of the venture in the URL, among the operator's carriers; otherwise the not-found page. */
export async function openStayFrom(params: Promise<{ id: string }>) {
  const scope = await scopeFor(await requireRole('operator'));
  const parsed = idSchema.safeParse((await params).id);
  if (!parsed.success) notFound();
  const stay = await openResidencyOfVenture(getDb(), scope, parsed.data);
  if (!stay) notFound();
  return { scope, stay };
}

/** A carrier's name in the page's language (the Chinese name when there is no English one). */
export const localName = (locale: string, c: { name: string; nameEn: string | null }) => (locale === 'en' ? (c.nameEn ?? c.name) : c.name);
