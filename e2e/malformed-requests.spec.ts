import fs from 'node:fs';
import net from 'node:net';
import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import fc from 'fast-check';
import { storageState } from './accounts';
import { expectSecurityHeaders } from './hygiene';

/**
 * Every malformed request gets a 4xx with the security headers, never a bare 500: server
 * action bodies nested too deep, cut short, too large, with references to parts that are not
 * there or multipart without a boundary; unknown methods (TRACE); unparsable request lines and
 * oversized headers; hostile `next` and `callbackUrl` values, signed in or not.
 * Against the production build. docs/request-hygiene.md
 */

/** The id of a server action in this build, from its manifest (the build the server runs). */
function actionId(name: string): string {
  const manifest = JSON.parse(fs.readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as {
    node: Record<string, { exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, v]) => v.exportedName === name);
  if (!found) throw new Error(`No server action ${name} in the build`);
  return found[0];
}

/** Sends bytes as they are and returns the raw answer (what a client library would refuse to send). */
function raw(baseURL: string, request: string): Promise<string> {
  const { hostname, port } = new URL(baseURL);
  return new Promise<string>((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.write(request));
    let answer = '';
    socket.setTimeout(15_000, () => socket.destroy(new Error('no answer')));
    socket.on('data', (d) => (answer += d.toString('latin1')));
    socket.on('end', () => resolve(answer));
    socket.on('close', () => resolve(answer));
    socket.on('error', (e) => (answer ? resolve(answer) : reject(e)));
  });
}

function expectRawRefusal(answer: string, what: string, status?: number) {
  const got = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]);
  if (status) expect(got, what).toBe(status);
  expect(got, what).toBeGreaterThanOrEqual(400);
  expect(got, what).toBeLessThan(500);
  const head = answer.split('\r\n\r\n')[0]!.toLowerCase();
  expect(head, what).toContain("frame-ancestors 'none'");
  expect(head, what).toContain('x-content-type-options: nosniff');
  expect(head, what).toContain('x-frame-options: deny');
}

function expectRefusedCleanly(res: APIResponse, what: string) {
  expect(res.status(), what).toBeLessThan(500);
  expectSecurityHeaders(res, what);
}

const hex = fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16));
/** Strings that React's reply decoder reads as references, most of them to parts that are not there. */
const reference = fc.oneof(
  fc.tuple(fc.constantFrom('', '@', 'Q', 'W', 'i', 'B', 'A', 'R', 'X', 'F', 'T', 'n', 'K', 'h', 'Z'), hex).map(([l, h]) => `$${l}${h}`),
  fc.string({ maxLength: 12 }).map((s) => `$${s}`),
);
const nested = fc.tuple(fc.integer({ min: 40, max: 60_000 }), fc.constantFrom('[', '{"a":')).map(([depth, open]) => {
  const close = open === '[' ? ']' : '}';
  return `[${open.repeat(depth)}1${close.repeat(depth)}]`;
});
const truncated = fc.tuple(fc.jsonValue({ maxDepth: 4 }), fc.double({ min: 0, max: 1, noNaN: true })).map(([v, cut]) => {
  const json = JSON.stringify([v]);
  return json.slice(0, Math.max(1, Math.floor(json.length * cut)));
});
const withReference = fc.tuple(fc.jsonValue({ maxDepth: 2 }), reference).map(([v, r]) => JSON.stringify([v, { x: [r] }]));
const textBody = fc.oneof(nested, truncated, withReference, fc.string({ unit: 'binary', maxLength: 300 }));

type Shot = { body: string | Buffer; headers: Record<string, string> };
const multipart = fc.oneof(
  fc.string({ maxLength: 200 }).map((s): Shot => ({ body: s, headers: { 'content-type': 'multipart/form-data' } })),
  fc.string({ maxLength: 200 }).map((s): Shot => ({ body: s, headers: { 'content-type': 'multipart/form-data; boundary=----x' } })),
  fc.oneof(nested, truncated, withReference).map((part): Shot => ({
    body: `------x\r\nContent-Disposition: form-data; name="0"\r\n\r\n${part}\r\n------x--\r\n`,
    headers: { 'content-type': 'multipart/form-data; boundary=----x' },
  })),
);
const hostileHeader = fc.oneof(
  fc.string({ unit: 'grapheme-ascii', maxLength: 80 }).map((s) => s.replace(/[^\x20-\x7e]/g, '')),
  fc.constantFrom('%%%', '[[[[[[', '["",{"":["",{}]}]', '%00', 'x'.repeat(4000)),
);
const shot: fc.Arbitrary<Shot> = fc.oneof(
  textBody.map((body): Shot => ({ body, headers: { 'content-type': 'text/plain;charset=UTF-8' } })),
  multipart,
  fc
    .tuple(textBody, fc.constantFrom('application/json', 'application/x-www-form-urlencoded', 'text/html', 'image/png', '', ';;;'))
    .map(([body, type]): Shot => ({ body, headers: type ? { 'content-type': type } : {} })),
);
const extraHeaders = fc.record(
  {
    'next-router-state-tree': hostileHeader,
    accept: hostileHeader,
    cookie: hostileHeader.map((v) => `next-auth.session-token=${encodeURIComponent(v)}`),
    'x-forwarded-host': hostileHeader.map((v) => v.replace(/[^\x21-\x7e]/g, '')),
  },
  { requiredKeys: [] },
);

test.describe('malformed requests', () => {
  let visitor: APIRequestContext;
  let operator: APIRequestContext;
  test.beforeAll(async ({ playwright, baseURL }) => {
    visitor = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    operator = await playwright.request.newContext({ baseURL, storageState: storageState('operator') });
  });
  test.afterAll(async () => {
    await visitor.dispose();
    await operator.dispose();
  });

  test('nested, cut-short, dangling and mistyped server action bodies and hostile headers: a 4xx with the headers, never a 500', async ({ baseURL }) => {
    test.setTimeout(180_000);
    const actions = [
      { path: '/login', id: actionId('setLocale'), as: visitor },
      { path: '/notifications', id: actionId('markReadAction'), as: operator },
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...actions), shot, extraHeaders, fc.boolean(), async (action, { body, headers }, extra, garbleId) => {
        const res = await action.as.post(action.path, {
          data: body,
          headers: { origin: baseURL!, 'next-action': garbleId ? `${action.id.slice(0, 20)}%zz` : action.id, ...headers, ...extra },
          maxRedirects: 0,
        });
        expectRefusedCleanly(res, `${action.path} ${JSON.stringify(headers)} ${String(body).slice(0, 80)}`);
      }),
      { numRuns: 50 },
    );
  });

  test('a server action body over the size limit is refused with 413, with the headers', async ({ baseURL }) => {
    // Announced by its length: refused before a byte of it is read.
    const answer = await raw(
      baseURL!,
      `POST /login HTTP/1.1\r\nHost: localhost\r\nOrigin: ${baseURL}\r\nNext-Action: ${actionId('setLocale')}\r\nContent-Type: text/plain;charset=UTF-8\r\nContent-Length: ${27 * 1024 * 1024}\r\n\r\n[`,
    );
    expectRawRefusal(answer, 'oversized', 413);
  });

  test('a well-formed action still works after the checks', async ({ baseURL }) => {
    const res = await operator.post('/notifications', {
      data: JSON.stringify([{ notificationId: 999999 }]),
      headers: { origin: baseURL!, 'next-action': actionId('markReadAction'), 'content-type': 'text/plain;charset=UTF-8', accept: 'text/x-component' },
    });
    expect(res.status()).toBe(200);
    expect(await res.text()).toContain('"ok":true');
  });

  test('TRACE and other unknown methods: 405 (or 400 from the parser) with the headers', async ({ baseURL }) => {
    for (const method of ['TRACE', 'PUT', 'DELETE', 'PATCH', 'PROPFIND', 'TRACK', 'FOO']) {
      for (const path of ['/', '/login', '/api/health', '/operator', '/api/operator/import']) {
        const res = await visitor.fetch(path, { method, maxRedirects: 0 });
        // Node's parser knows TRACK and FOO as no method at all: 400 before the server sees them.
        expect(res.status(), `${method} ${path}`).toBe(['TRACK', 'FOO'].includes(method) ? 400 : 405);
        expectSecurityHeaders(res, `${method} ${path}`);
      }
    }
    expectRawRefusal(await raw(baseURL!, 'TRACE / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'), 'raw TRACE', 405);
  });

  test('a request Node cannot parse, or with headers over the limit: a 4xx with the headers', async ({ baseURL }) => {
    for (const request of [
      'GARBAGE\r\n\r\n',
      'GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: ' + 'a'.repeat(40_000) + '\r\n\r\n',
      'GET /\u0000 HTTP/1.1\r\nHost: localhost\r\n\r\n',
      'GET / HTTP/1.1\r\nHost localhost\r\n\r\n',
    ]) {
      expectRawRefusal(await raw(baseURL!, request), JSON.stringify(request.slice(0, 40)));
    }
  });

  test('hostile next and callbackUrl values, signed in or not: never a 500, always the headers', async () => {
    const values = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 60 }).map(encodeURIComponent),
      fc.string({ unit: 'grapheme-ascii', maxLength: 60 }),
      fc.constantFrom(
        '%',
        '%E0%A4%A',
        '%C0%80',
        '%ED%A0%80',
        '%00',
        '%0d%0aSet-Cookie:x=1',
        '//evil.example',
        '/\\evil',
        'javascript:alert(1)',
        '%2F%09%2Fevil.example',
        'http://%5B::1',
        '/%E2%80%AE',
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        values,
        fc.constantFrom('/?next=', '/login?callbackUrl=', '/operator?next=', '/api/auth/signin?callbackUrl='),
        fc.boolean(),
        async (value, prefix, signedIn) => {
          const res = await (signedIn ? operator : visitor).get(prefix + value.replace(/[#\s]/g, encodeURIComponent), { maxRedirects: 0 });
          expectRefusedCleanly(res, `${prefix}${value} ${signedIn ? 'signed in' : 'visitor'}`);
        },
      ),
      { numRuns: 50 },
    );
  });
});
