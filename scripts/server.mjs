// The production server: Next's request handler behind a thin layer that tells the app the
// socket's address. Next gives route handlers and server actions no socket address and fills
// X-Forwarded-For only when the client sent none, so a forged header would otherwise reach the
// app. Here every `x-portal-*` header the client sent is removed and `x-portal-peer` is set to
// the socket's address; lib/client-ip.ts works out the client from it and TRUSTED_PROXIES.
// Without a trusted proxy, the forwarded headers are removed too, so that Next itself sees
// only what the socket tells.
//
//   node scripts/server.mjs [-p PORT] [-H HOSTNAME]      (PORT and HOSTNAME from the environment too)
import http from 'node:http';
import { staticSecurityHeaders } from '../lib/static-security-headers.js';
import { REQUEST_ID_HEADER, requestIdFor } from '../lib/request-id.js';

const args = process.argv.slice(2);
const arg = (short, long) => {
  const i = args.findIndex((a) => a === short || a === long);
  return i >= 0 ? args[i + 1] : undefined;
};
const port = Number(arg('-p', '--port') ?? process.env.PORT ?? 3000);
// Unset: every interface, IPv6 and IPv4 alike, as `next start` listens.
const hostname = arg('-H', '--hostname');
const trustsAProxy = !['', '0', 'none'].includes((process.env.TRUSTED_PROXIES ?? '').trim().toLowerCase());
const FORWARDED = ['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'x-real-ip', 'forwarded'];

// A request refused here never reaches Next, so it carries the headers every response carries
// (lib/static-security-headers.js; e2e/request-hygiene.spec.ts checks them) and a policy that
// allows nothing, as its body is plain text.
const production = (process.env.NODE_ENV ?? 'production') === 'production';
const REFUSAL_HEADERS = {
  'Content-Security-Policy': "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  ...Object.fromEntries(staticSecurityHeaders(production).map(({ key, value }) => [key, value])),
  'Content-Type': 'text/plain; charset=utf-8',
  'Cache-Control': 'no-store',
};
const REASONS = {
  400: 'Bad Request',
  405: 'Method Not Allowed',
  413: 'Content Too Large',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
};
// The methods the portal answers: pages and route handlers use GET and POST (HEAD and
// OPTIONS come with them). TRACE, CONNECT and anything else are refused before Next, which
// answers TRACE with a bare 500.
const METHODS = new Set(['GET', 'HEAD', 'POST', 'OPTIONS']);
// As next.config.js's serverActions.bodySizeLimit and proxyClientMaxBodySize.
const MAX_BODY_BYTES = 26 * 1024 * 1024;

function refuse(res, status, extra = {}) {
  res.writeHead(status, { ...REFUSAL_HEADERS, Connection: 'close', ...extra });
  res.end(`${REASONS[status] ?? 'Refused'}.\n`);
}

// Read by lib/client-ip.ts: the requests of this process carry a peer header it can believe.
globalThis[Symbol.for('incubator-portal.peer-header')] = true;
// Installed by the app at start (lib/server/request-log.ts): the log line and latency of each response.
const REQUEST_DONE_HOOK = Symbol.for('incubator-portal.request-done');

/**
 * Every request gets its id here (a well-formed `x-request-id` it came with, or a new one,
 * lib/request-id.js): the app reads it from the request header, the client gets it back in the
 * response header, and when the response has ended the app writes the request's log line.
 */
function trackRequest(req, res) {
  const started = process.hrtime.bigint();
  const requestId = requestIdFor(req.headers[REQUEST_ID_HEADER]);
  req.headers[REQUEST_ID_HEADER] = requestId;
  res.setHeader(REQUEST_ID_HEADER, requestId);
  res.once('close', () => {
    const done = globalThis[REQUEST_DONE_HOOK];
    if (typeof done !== 'function') return;
    const path = (req.url ?? '/').split('?')[0];
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    done({ method: req.method ?? '', path, status: res.statusCode, seconds, requestId, aborted: !res.writableFinished });
  });
  return requestId;
}

process.env.NODE_ENV ??= 'production';
const { default: next } = await import('next');
const app = next({ dev: false, dir: process.cwd(), hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  for (const name of Object.keys(req.headers)) {
    if (name.startsWith('x-portal-')) delete req.headers[name];
  }
  if (!trustsAProxy) for (const name of FORWARDED) delete req.headers[name];
  const peer = req.socket.remoteAddress;
  if (peer) req.headers['x-portal-peer'] = peer;
  const requestId = trackRequest(req, res);
  if (!METHODS.has(req.method ?? '')) return refuse(res, 405, { Allow: [...METHODS].join(', ') });
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return refuse(res, 413);
  handle(req, res).catch((e) => {
    console.error('Unhandled error serving', req.url, `(request ${requestId})`, e);
    if (!res.headersSent) refuse(res, 500);
    else res.end();
  });
});
// What Node's parser cannot read (a malformed request line, an unknown method, headers over
// the size limit) is answered here, with the same headers, instead of a bare status line.
server.on('clientError', (err, socket) => {
  if (!socket.writable || err.code === 'ECONNRESET') return socket.destroy();
  const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  const headers = Object.entries({ ...REFUSAL_HEADERS, Connection: 'close', 'Content-Length': '0' })
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n');
  socket.end(`HTTP/1.1 ${status} ${REASONS[status]}\r\n${headers}\r\n\r\n`);
});
server.listen(port, hostname, () => {
  console.log(`Ready on http://${hostname ?? 'localhost'}:${port}`);
});

const stop = () => {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 5000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
