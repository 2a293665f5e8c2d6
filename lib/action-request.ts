/**
 * A server action's request is checked before Next decodes it: Next answers a body it cannot
 * decode (JSON cut short, nesting deep enough to exhaust the stack, a reference to a part that
 * is not there, a multipart body without its boundary) with a 500. Such a request is the
 * client's fault and gets a 4xx here, from the proxy, with the security headers of every
 * response. The checks read what a real client of React's reply encoding sends
 * (ReactFlightReplyClient): a JSON body as text/plain, or multipart form data whose numbered
 * fields are JSON. docs/request-hygiene.md
 *
 * No `server-only` and no database: the proxy imports it, and the tests call it directly.
 */

/** As next.config.js's serverActions.bodySizeLimit and proxyClientMaxBodySize (26 MB). */
export const MAX_ACTION_BODY_BYTES = 26 * 1024 * 1024;
/** Deeper than any form of the portal nests (they stay under 6); far below what exhausts the stack. */
export const MAX_ACTION_DEPTH = 32;

export type ActionRefusal = { status: 400 | 413 | 415; reason: string };

/** True when the JSON text nests arrays and objects deeper than `max` (strings are skipped; linear, no recursion). */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

const CONSTANTS = new Set(['$undefined', '$NaN', '$Infinity', '$-Infinity', '$-0']);
/** A reference to another part of the reply: `$` [type letter] hex id. */
const PART_REFERENCE = /^\$([@QWiBAOoUSsLlGgMmVRrXx]?)([0-9a-f]{1,8})$/;

/**
 * Why a string value of the reply would not decode, or null: escaped strings, the constants,
 * dates and big integers decode by themselves; a FormData (`$K`) may be empty; any other
 * reference must name a part the request carries.
 */
export function referenceProblem(value: string, parts: ReadonlySet<number>): string | null {
  if (!value.startsWith('$') || value.startsWith('$$') || CONSTANTS.has(value)) return null;
  if (value.startsWith('$D')) return null;
  if (value.startsWith('$n')) return /^\$n-?\d{1,400}$/.test(value) ? null : 'bigint';
  if (/^\$K[0-9a-f]{1,8}$/.test(value)) return null;
  const m = PART_REFERENCE.exec(value);
  if (!m) return 'reference';
  return parts.has(parseInt(m[2]!, 16)) ? null : 'missingPart';
}

/** Walks a parsed reply value (iteratively) for a string that would not decode. */
export function replyValueProblem(root: unknown, parts: ReadonlySet<number>): string | null {
  const stack: unknown[] = [root];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'string') {
      const problem = referenceProblem(v, parts);
      if (problem) return problem;
    } else if (Array.isArray(v)) stack.push(...v);
    else if (v && typeof v === 'object') stack.push(...Object.values(v));
  }
  return null;
}

/** One JSON part of a reply: parses, nests within the limit, references only parts that exist. */
export function replyPartProblem(text: string, parts: ReadonlySet<number>): string | null {
  if (nestsDeeperThan(text, MAX_ACTION_DEPTH)) return 'tooDeep';
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'json';
  }
  return replyValueProblem(value, parts);
}

const refuse = (status: ActionRefusal['status'], reason: string): ActionRefusal => ({ status, reason });

/**
 * Why a server action request would not decode, or null when it is well formed. `request` is
 * read (pass a clone when the body must go on).
 */
export async function actionRequestProblem(request: Request): Promise<ActionRefusal | null> {
  const length = Number(request.headers.get('content-length') ?? '0');
  if (!Number.isFinite(length) || length > MAX_ACTION_BODY_BYTES) return refuse(413, 'tooLarge');
  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) {
    if (!/;\s*boundary=/.test(type)) return refuse(400, 'boundary');
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      return refuse(400, 'multipart');
    }
    const parts = new Set<number>();
    for (const key of form.keys()) if (/^\d{1,9}$/.test(key)) parts.add(Number(key));
    for (const [key, value] of form.entries()) {
      if (!/^\d{1,9}$/.test(key) || typeof value !== 'string') continue;
      const problem = replyPartProblem(value, parts);
      if (problem) return refuse(400, problem);
    }
    return null;
  }
  if (request.headers.has('next-action')) {
    if (type !== '' && !type.startsWith('text/plain')) return refuse(415, 'contentType');
    const bytes = new Uint8Array(await request.arrayBuffer());
    // The proxy sees at most the first 26 MB of a body sent without a length.
    if (bytes.byteLength >= MAX_ACTION_BODY_BYTES) return refuse(413, 'tooLarge');
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return refuse(400, 'encoding');
    }
    const problem = replyPartProblem(text, new Set());
    return problem ? refuse(400, problem) : null;
  }
  return null;
}
