import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { assertOperatorOf } from '@/db/queries/shared';
import { importReports, importVentures, type ImportPhase, type ImportResult } from '@/db/queries/ventures';
import { authorizeRequest, scopeFor } from '@/lib/server/authz';
import { clientIpFrom } from '@/lib/client-ip';
import { logger } from '@/lib/log';
import { requestIdFrom } from '@/lib/request-id';
import { todayInShanghai } from '@/lib/domain/dates';
import { checkBeforeReading, detectFileKind, MAX_FILE_BYTES, SheetFileError, sheetFileMessageKey } from '@/lib/spreadsheet';
import { intlTranslator } from '@/lib/spreadsheet/translate';
import { quarterInput } from '@/lib/validation/report';
import { parseMultipart } from '@/lib/multipart';
import { isSameOrigin, jsonError, notFoundResponse, readBodyWithin } from '@/lib/server/http';

export const dynamic = 'force-dynamic';

/** Room for the multipart envelope and the other fields around a file of the maximum size. */
const BODY_LIMIT = MAX_FILE_BYTES + 64 * 1024;
const HEARTBEAT_MS = 3000;

type Line = { type: 'progress'; phase: ImportPhase; done: number; total: number } | ({ type: 'result' } & ImportResult);

/**
 * POST multipart/form-data: kind=ventures|reports, file (.xlsx or .csv, at most 20 MB), and for
 * reports carrier, year, quarter. Answers with NDJSON: progress lines, then one result line.
 * Nothing is written unless every row is valid; then all rows are written in one transaction.
 * Refusals before the import starts are JSON errors with a 4xx status. The file is read in a
 * worker thread within fixed limits (docs/imports.md); a file past one is refused with its message.
 */
export async function POST(request: Request) {
  const auth = await authorizeRequest('operator');
  if ('response' in auth) return auth.response;
  const t = await getTranslations();
  if (!isSameOrigin(request)) return jsonError(403, 'crossSite', t('transfer.errors.crossSite'));

  const body = await readBodyWithin(request, BODY_LIMIT);
  if (!body) return jsonError(413, 'fileTooLarge', t('transfer.errors.fileTooLarge'));
  // Split without copying: Request#formData would hold the request thread for a large file.
  const fields = parseMultipart(body, request.headers.get('content-type'));
  if (!fields) return jsonError(400, 'badRequest', t('transfer.errors.badRequest'));
  const field = (name: string) => fields.find((f) => f.name === name);
  const text = (name: string) => {
    const f = field(name);
    return f && 'value' in f ? f.value : null;
  };
  const kind = text('kind');
  const upload = field('file');
  if ((kind !== 'ventures' && kind !== 'reports') || !upload || !('bytes' in upload) || upload.bytes.length === 0) {
    return jsonError(400, 'badRequest', t('transfer.errors.badRequest'));
  }
  const file = { name: upload.fileName };
  const bytes = upload.bytes;
  if (bytes.length > MAX_FILE_BYTES) return jsonError(413, 'fileTooLarge', t('transfer.errors.fileTooLarge'));
  if (!detectFileKind(bytes, file.name)) return jsonError(415, 'fileType', t('transfer.errors.fileType'));
  try {
    // What the file declares (an .xlsx's parts and their sizes), before any reading (docs/imports.md).
    checkBeforeReading(bytes, file.name);
  } catch (e) {
    if (!(e instanceof SheetFileError)) throw e;
    return jsonError(422, e.code, t(sheetFileMessageKey(e.code), e.params));
  }

  const user = auth.user;
  const scope = await scopeFor(user);
  let quarter = null;
  if (kind === 'reports') {
    const parsed = quarterInput.safeParse({ carrierId: text('carrier'), year: text('year'), quarter: text('quarter') });
    if (!parsed.success) return jsonError(400, 'badRequest', t('transfer.errors.badRequest'));
    quarter = parsed.data;
    try {
      assertOperatorOf(scope, quarter.carrierId);
    } catch (e) {
      return notFoundResponse(e, t('transfer.errors.notFound'));
    }
  }

  const actor = { userId: user.id, role: user.role, ip: clientIpFrom(request.headers), requestId: requestIdFrom(request.headers) };
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let last: Line | null = null;
  let open = true;
  // The reading of the file stops when the client goes away; a write already under way finishes.
  const reading = new AbortController();
  const stopReading = () => reading.abort();
  request.signal.addEventListener('abort', stopReading, { once: true });
  const send = (line: Line) => {
    last = line;
    if (open) controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
  };

  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
    cancel() {
      // Once the file is read, the import goes on: it is one transaction either way, and the client
      // may look at the result later. A file still being read is not worth reading any more.
      open = false;
      stopReading();
    },
  });

  const options = {
    translate: intlTranslator(t),
    signal: reading.signal,
    onProgress: (phase: ImportPhase, done: number, total: number) => send({ type: 'progress', phase, done, total }),
  };
  const db = getDb();
  const today = todayInShanghai();
  // Keeps proxies from closing a quiet connection while a large file is written.
  const heartbeat = setInterval(() => last?.type === 'progress' && send(last), HEARTBEAT_MS);
  void (async () => {
    try {
      const result =
        quarter === null
          ? await importVentures(db, actor, scope, bytes, file.name, today, options)
          : await importReports(db, actor, scope, quarter, bytes, file.name, today, options);
      send({ type: 'result', ...result });
    } catch (e) {
      logger().error({ err: e, requestId: actor.requestId }, 'import failed');
      send({ type: 'result', ok: false, errors: [], errorCount: 0, message: t('transfer.import.unexpected') });
    } finally {
      clearInterval(heartbeat);
      request.signal.removeEventListener('abort', stopReading);
      if (open) controller.close();
    }
  })();

  return new Response(stream, {
    headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' },
  });
}
