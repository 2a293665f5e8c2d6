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

// Read by lib/client-ip.ts: the requests of this process carry a peer header it can believe.
globalThis[Symbol.for('incubator-portal.peer-header')] = true;

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
  handle(req, res).catch((e) => {
    console.error('Unhandled error serving', req.url, e);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
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
