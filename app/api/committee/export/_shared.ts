import 'server-only';
import { localeOf, xlsxResponse } from '@/lib/server/http';
import type { AuthUser } from '@/db/queries/accounts/users';
import { auditExport } from '@/lib/server/access-audit';
import { authorizeRequest } from '@/lib/server/authz';
import { todayInShanghai } from '@/lib/domain/dates';
import type { Locale } from '@/lib/i18n/config';
import type { Role } from '@/lib/roles';

/** A list's export holds at most this many rows; a district's network is far smaller. */
export const MAX_ROWS = 10_000;

export type ListExportContext<F> = { filters: F; locale: Locale; today: string; user: AuthUser };
/** The file, and the number of rows it holds (for the export's audit entry). */
export type ListExportFile = { bytes: Uint8Array; asciiName: string; utf8Name: string; rows: number };

/**
 * The frame of a committee list's export: refuses anyone but the committee (or the given `roles`),
 * reads the list's own URL params with `parse`, and sends what `build` makes of them as .xlsx in
 * the user's language. Every export is audited.
 */
export async function committeeListExport<F>(
  request: Request,
  parse: (params: URLSearchParams) => F,
  build: (c: ListExportContext<F>) => Promise<ListExportFile>,
  roles: Role[] = ['committee'],
): Promise<Response> {
  const auth = await authorizeRequest(...roles);
  if ('response' in auth) return auth.response;
  const filters = parse(new URL(request.url).searchParams);
  const locale = localeOf(request);
  const today = todayInShanghai();
  const file = await build({ filters, locale, today, user: auth.user });
  await auditExport(auth.user, request, file.rows);
  return xlsxResponse(file.bytes, file.asciiName, file.utf8Name);
}
