import 'server-only';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from '@/lib/i18n/config';
import { DomainError } from '@/lib/errors';
import { isSameOrigin as sameOriginHeaders } from '@/lib/origin';

/** Small pieces shared by the operator's import and export route handlers. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The language of the user's choice (the NEXT_LOCALE cookie), Chinese when none was made. */
export function localeOf(request: Request): Locale {
  const cookie = request.headers.get('cookie') ?? '';
  const match = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]+)`).exec(cookie);
  const value = match ? decodeURIComponent(match[1]!) : undefined;
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

/** See lib/origin.ts: a state-changing request must come from a page of this site. */
export function isSameOrigin(request: Request): boolean {
  return sameOriginHeaders(request.headers);
}

/** "attachment" with an ASCII fallback name and the real name in UTF-8 (RFC 6266 / 5987). */
export function attachment(asciiName: string, utf8Name: string): string {
  const safe = asciiName.replace(/[^A-Za-z0-9._-]+/g, '_') || 'download.xlsx';
  const encoded = encodeURIComponent(utf8Name.replace(/[\\/:*?"<>|\r\n]+/g, '_')).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${safe}"; filename*=UTF-8''${encoded}`;
}

export function xlsxResponse(bytes: Uint8Array, asciiName: string, utf8Name: string): Response {
  return new Response(Buffer.from(bytes), {
    headers: {
      'Content-Type': XLSX_TYPE,
      'Content-Disposition': attachment(asciiName, utf8Name),
      'Content-Length': String(bytes.byteLength),
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

export function jsonError(status: number, error: string, message?: string): Response {
  return Response.json(message ? { error, message } : { error }, { status, headers: { 'Cache-Control': 'no-store' } });
}

/** A notFound from the queries (a carrier outside the scope) as a 404; anything else goes on up. */
export function notFoundResponse(e: unknown, message?: string): Response {
  if (e instanceof DomainError && e.code === 'notFound') return jsonError(404, 'notFound', message);
  throw e;
}

/**
 * The request body, refused past `limit` bytes without reading the rest: Content-Length is
 * checked first, and the stream is counted as it comes (a missing or false length).
 */
export async function readBodyWithin(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limit) return null;
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    body.set(c, offset);
    offset += c.byteLength;
  }
  return body;
}
