import 'server-only';
import { requireRole } from './authz';
import type { Role } from '../roles';

/**
 * The title of a page about one record: the record's name only for a user whom the page itself
 * would show the record (the same `requireRole` check, and `named` may refuse with notFound or
 * any error), the generic title for everyone else. Next resolves a page's metadata even when
 * the page answers with sign-in, 403 or 404, so a title read before the access check would name
 * the record to a visitor or to the wrong role. docs/request-hygiene.md
 */
export async function titleAfterAccess(roles: Role[], generic: string, named: () => Promise<string>): Promise<{ title: string }> {
  try {
    await requireRole(...roles);
  } catch {
    // The page itself redirects or refuses with the same check; its title names nothing.
    return { title: generic };
  }
  try {
    return { title: `${await named()} · ${generic}` };
  } catch {
    return { title: generic };
  }
}
