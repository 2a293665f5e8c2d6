import { stripInvisibleCharacters } from './validation/visible-text';

/**
 * Evidence files (certificates, investment agreements, accounts): PDF or images only, told
 * apart by their first bytes rather than by their names, at most 10 MB each
 * and 25 MB together.
 */
export const MAX_EVIDENCE_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_EVIDENCE_FILES = 10;
/** All files of one graduation together; the server accepts a request body a little larger (next.config.js). */
export const MAX_EVIDENCE_TOTAL_BYTES = 25 * 1024 * 1024;

export type EvidenceMime = 'application/pdf' | 'image/png' | 'image/jpeg';

const SIGNATURES: { mime: EvidenceMime; bytes: number[]; ext: string }[] = [
  { mime: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46], ext: 'pdf' }, // %PDF
  { mime: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], ext: 'png' },
  { mime: 'image/jpeg', bytes: [0xff, 0xd8, 0xff], ext: 'jpg' },
];

/** The type of a file from its content, or null when it is none of the accepted ones. */
export function sniffEvidenceType(content: Uint8Array): EvidenceMime | null {
  for (const s of SIGNATURES) {
    if (content.length >= s.bytes.length && s.bytes.every((b, i) => content[i] === b)) return s.mime;
  }
  return null;
}

export function extensionOf(mime: EvidenceMime): string {
  return SIGNATURES.find((s) => s.mime === mime)!.ext;
}

/**
 * A file name fit to store and to send back: no folders, no control characters, no invisible
 * or direction-changing characters (lib/validation/visible-text.ts), no quotes or characters
 * that break a header, at most 120 characters; a fallback when nothing is left.
 */
export function safeFileName(name: string, fallback: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = stripInvisibleCharacters(base.normalize('NFC'))
    .replace(/[\u0000-\u001f\u007f"*:<>?|;]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  const chars = Array.from(cleaned);
  const short = chars.length > 120 ? chars.slice(chars.length - 120).join('') : cleaned;
  return short || fallback;
}

/**
 * The name a file is stored and sent under: the cleaned uploaded name with its own extension
 * replaced by the one of the type found in the content, so that `evil.html` holding a PDF is
 * `evil.pdf`, and a file whose content is of no accepted type is `….bin`.
 */
export function nameForType(name: string, fallback: string, mime: EvidenceMime | null): string {
  const clean = safeFileName(name, fallback);
  const dot = clean.lastIndexOf('.');
  const stem = (dot > 0 ? clean.slice(0, dot) : clean).replace(/[.\s]+$/, '') || fallback;
  return `${stem}.${mime ? extensionOf(mime) : 'bin'}`;
}

/** A Content-Disposition header value for a download: an ASCII fallback and the UTF-8 name (RFC 6266). */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(fileName)}`;
}

function rfc5987(s: string): string {
  return encodeURIComponent(s).replace(/['()!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * A stored file as a download: always an attachment, never sniffed or rendered by the browser.
 * Its type and its name's extension are those found in the bytes being sent (checked again,
 * whatever was stored with the row); bytes of no accepted type go as application/octet-stream
 * under `….bin`.
 */
export function fileDownload(file: { content: Uint8Array; mimeType: string; fileName: string }, fallbackName: string): Response {
  const body = new Uint8Array(file.content);
  const mime = sniffEvidenceType(body);
  return new Response(body, {
    headers: {
      'Content-Type': mime ?? 'application/octet-stream',
      'Content-Length': String(body.byteLength),
      'Content-Disposition': attachmentDisposition(nameForType(file.fileName, fallbackName, mime)),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  });
}
