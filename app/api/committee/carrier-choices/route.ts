import { getDb } from '@/db/client';
import { searchCarrierChoices } from '@/db/queries/carriers';
import { authorizeRequest } from '@/lib/server/authz';
import { localeOf } from '@/lib/server/http';
import { localName } from '@/lib/display-format';

/**
 * GET ?q=…: the carriers whose name holds what a committee member typed into a carrier filter
 * (components/ui/carrier-search.tsx), at most twenty, as { choices: [{ value, label }] }.
 * Committee only, like the pages whose filters ask.
 */
export async function GET(request: Request): Promise<Response> {
  const auth = await authorizeRequest('committee');
  if ('response' in auth) return auth.response;
  const q = new URL(request.url).searchParams.get('q') ?? '';
  const locale = localeOf(request);
  const rows = await searchCarrierChoices(getDb(), q);
  return Response.json({ choices: rows.map((c) => ({ value: String(c.id), label: localName(locale, c) })) }, { headers: { 'Cache-Control': 'no-store' } });
}
