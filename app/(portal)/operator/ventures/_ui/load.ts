import 'server-only';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { openResidencyOfVenture } from '@/db/queries/ventures';
import { requireRole, scopeFor } from '@/lib/server/authz';
import { pathId } from '@/lib/search-params';

/** The open stay of the venture in the URL, among the operator's carriers; otherwise the not-found page. */
export async function openStayFrom(params: Promise<{ id: string }>) {
  const scope = await scopeFor(await requireRole('operator'));
  const ventureId = pathId((await params).id);
  if (ventureId === undefined) notFound();
  const stay = await openResidencyOfVenture(getDb(), scope, ventureId);
  if (!stay) notFound();
  return { scope, stay };
}

/** A carrier's name in the page's language (the Chinese name when there is no English one). */
