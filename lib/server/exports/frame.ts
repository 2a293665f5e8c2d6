import 'server-only';
import { getTranslations } from 'next-intl/server';
import { getDb, type Db } from '@/db/client';
import type { AuthUser } from '@/db/queries/accounts';
import { auditDownload, auditExport } from '@/lib/server/access-audit';
import { authorizeRequest, scopeFor } from '@/lib/server/authz';
import { localeOf, notFoundResponse, xlsxResponse } from '@/lib/server/http';
import { todayInShanghai } from '@/lib/domain/dates';
import { DomainError } from '@/lib/errors';
import { fileDownload } from '@/lib/evidence-files';
import type { Locale } from '@/lib/i18n/config';
import type { Role, Scope } from '@/lib/roles';
import { pathId } from '@/lib/search-params';

/**
 * The one frame of every .xlsx a route handler sends (exports of lists and tables, import
 * templates) and of every stored file it sends (attachments, evidence). The frame refuses whoever
 * the roles do not name (401 without a session, 403 otherwise: `authorizeRequest`), reads the
 * user's language, leaves the access audit entry before the file goes (lib/server/access-audit.ts),
 * and sends the file as an attachment under a safe name in ASCII and in the user's language. A
 * route only says who may ask and what the file is.
 */

/** A list's export holds at most this many rows; a district's network is far smaller. */
export const MAX_ROWS = 10_000;

export type ExportContext = {
  request: Request;
  /** The request's URL params: a list's export takes the list page's own filters. */
  params: URLSearchParams;
  user: AuthUser;
  locale: Locale;
  /** Today in Shanghai, for the figures and the file's name. */
  today: string;
  /** The user's scope of carrier data, read once when the file first asks for it. */
  scope: () => Promise<Scope>;
};

/** A spreadsheet and its name: ASCII for old clients, the real name in the user's language. */
export type XlsxFile = { bytes: Uint8Array; asciiName: string; utf8Name: string };
/** An exported file with what its audit entry records: the rows it holds, the carrier it is of. */
export type ExportFile = XlsxFile & { rows: number; carrierId?: number | null };

type Frame<F> = {
  roles: Role[];
  /** The file, or a Response (a refusal of the request's params) sent as it is. */
  file: (c: ExportContext) => Promise<F | Response>;
  /**
   * The message key (e.g. 'transfer.errors.notFound') of the 404 answered when the file names a
   * record outside the user's scope (a DomainError notFound); without it that error goes on up.
   */
  notFound?: string;
};

/** GET for an export: every file sent leaves an audit entry of the user, the URL and the rows. */
export function exportRoute(frame: Frame<ExportFile>): (request: Request) => Promise<Response> {
  return xlsxRoute(frame, (c, file) => auditExport(c.user, c.request, file.rows, file.carrierId ?? null));
}

/**
 * GET for a file that holds no record of the portal beyond what the user's own pages list (an
 * import template): no audit entry.
 */
export function unauditedXlsxRoute(frame: Frame<XlsxFile>): (request: Request) => Promise<Response> {
  return xlsxRoute(frame, async () => undefined);
}

function xlsxRoute<F extends XlsxFile>(frame: Frame<F>, audit: (c: ExportContext, file: F) => Promise<void>) {
  return async (request: Request): Promise<Response> => {
    const auth = await authorizeRequest(...frame.roles);
    if ('response' in auth) return auth.response;
    const user = auth.user;
    const locale = localeOf(request);
    let scope: Promise<Scope> | undefined;
    const c: ExportContext = {
      request,
      params: new URL(request.url).searchParams,
      user,
      locale,
      today: todayInShanghai(),
      scope: () => (scope ??= scopeFor(user)),
    };
    let file: F | Response;
    try {
      file = await frame.file(c);
    } catch (e) {
      if (!frame.notFound) throw e;
      return notFoundResponse(e, (await getTranslations({ locale }))(frame.notFound));
    }
    if (file instanceof Response) return file;
    await audit(c, file);
    return xlsxResponse(file.bytes, file.asciiName, file.utf8Name);
  };
}

type StoredFile = { content: Uint8Array; mimeType: string; fileName: string; carrierId: number };

/**
 * GET for one stored file by the id in its path ([id]), as a download that is never rendered
 * inline (lib/evidence-files.ts). A malformed id, a file that does not exist and one outside the
 * user's scope are the same 404; every file sent leaves an audit entry.
 */
export function storedFileRoute(frame: {
  roles: Role[];
  entity: 'attachment' | 'graduation_file';
  /** The name sent when nothing is left of the stored one: `${fallbackName}-${id}`. */
  fallbackName: string;
  file: (db: Db, scope: Scope, id: number) => Promise<StoredFile>;
}) {
  return async (request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> => {
    const auth = await authorizeRequest(...frame.roles);
    if ('response' in auth) return auth.response;
    const id = pathId((await params).id);
    const notFound = () => Response.json({ error: 'notFound' }, { status: 404 });
    if (id === undefined) return notFound();
    try {
      const file = await frame.file(getDb(), await scopeFor(auth.user), id);
      await auditDownload(auth.user, request, frame.entity, id, file);
      return fileDownload(file, `${frame.fallbackName}-${id}`);
    } catch (e) {
      if (e instanceof DomainError && e.code === 'notFound') return notFound();
      throw e;
    }
  };
}
