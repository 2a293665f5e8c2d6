import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext } from '@playwright/test';

/**
 * Operations against the production build (scripts/server.mjs, started by scripts/e2e-server.mjs
 * with METRICS_TOKEN and LOG_FILE): every response carries its request id; the request's latency
 * shows in /api/metrics under its route pattern, and its JSON log line carries the same id.
 */
const METRICS_TOKEN = process.env.METRICS_TOKEN ?? 'e2e-metrics-token-e2e-metrics-token-01';
const LOG_FILE = '.data/e2e/server.log';

type LogLine = { level: number; msg: string; requestId?: string; method?: string; route?: string; path?: string; status?: number; durationMs?: number };

function logLines(): LogLine[] {
  if (!fs.existsSync(LOG_FILE)) return [];
  return fs
    .readFileSync(LOG_FILE, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as LogLine);
}

/** The line of the request with this id, once the server has written it (at the end of the response). */
async function lineOf(requestId: string): Promise<LogLine> {
  await expect.poll(() => logLines().filter((l) => l.requestId === requestId && l.msg === 'request').length).toBe(1);
  return logLines().find((l) => l.requestId === requestId && l.msg === 'request')!;
}

async function scrape(request: APIRequestContext): Promise<string> {
  const res = await request.get('/api/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(res.status()).toBe(200);
  return res.text();
}

/** The count of the latency histogram for one series (0 when it has none yet). */
function latencyCount(metrics: string, labels: string): number {
  const m = new RegExp(`^http_request_duration_seconds_count\\{${labels.replace(/[[\]().*+?^$|\\/]/g, '\\$&')}\\} (\\d+)$`, 'm').exec(metrics);
  return m ? Number(m[1]) : 0;
}

test('a request keeps a well-formed id it came with, and gets a new one otherwise', async ({ request }) => {
  const given = `e2e-${randomUUID()}`;
  expect((await request.get('/api/health/live', { headers: { 'x-request-id': given } })).headers()['x-request-id']).toBe(given);
  for (const bad of ['short', 'a b c d e f g h', 'x'.repeat(65), '<script>alert(1)</script>']) {
    const id = (await request.get('/api/health/live', { headers: { 'x-request-id': bad } })).headers()['x-request-id'];
    expect(id, bad).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  }
  // Pages get one too, and two requests never share one.
  const a = (await request.get('/login')).headers()['x-request-id'];
  const b = (await request.get('/login')).headers()['x-request-id'];
  expect(a).toMatch(/^[0-9a-f-]{36}$/);
  expect(b).not.toBe(a);
});

test("a request's latency is in the metrics under its route, and its log line carries its id", async ({ request }) => {
  const series = 'method="GET",route="/login",status="200"';
  const before = latencyCount(await scrape(request), series);
  const requestId = `e2e-${randomUUID()}`;
  const res = await request.get('/login', { headers: { 'x-request-id': requestId } });
  expect(res.status()).toBe(200);
  expect(res.headers()['x-request-id']).toBe(requestId);

  const line = await lineOf(requestId);
  expect(line).toMatchObject({ level: 30, method: 'GET', route: '/login', path: '/login', status: 200 });
  expect(line.durationMs).toBeGreaterThan(0);
  // The scrape after it counts it (and, at most, the other requests to /login made meanwhile: none in this run).
  const metrics = await scrape(request);
  expect(latencyCount(metrics, series)).toBe(before + 1);
  expect(metrics).toMatch(new RegExp(`^http_request_duration_seconds_bucket\\{le="\\+Inf",${series.replace(/[/]/g, '\\/')}\\} ${before + 1}$`, 'm'));
});

test('a route with an id is counted under its pattern, never under the address', async ({ request }) => {
  const requestId = `e2e-${randomUUID()}`;
  // A visitor is sent to sign-in; the address names a venture that does not exist.
  const res = await request.get('/operator/ventures/987654321', { headers: { 'x-request-id': requestId }, maxRedirects: 0 });
  expect(res.status()).toBe(307);
  expect(await lineOf(requestId)).toMatchObject({ route: '/operator/ventures/[id]', path: '/operator/ventures/987654321', status: 307 });
  const metrics = await scrape(request);
  expect(latencyCount(metrics, 'method="GET",route="/operator/ventures/[id]",status="307"')).toBeGreaterThanOrEqual(1);
  expect(metrics).not.toContain('987654321');
  // An address of no route is counted under one label.
  await request.get(`/no-such-page-${randomUUID()}`);
  const after = await scrape(request);
  expect(after).toMatch(/route="\(other\)",status="404"/);
  expect(after).not.toContain('no-such-page');
});

test('a refused sign-in is counted and its log line carries its id', async ({ playwright, baseURL }) => {
  const client = await playwright.request.newContext({ baseURL, maxRedirects: 0 });
  const count = async () => Number(/^signin_failures_total\{reason="unknown"\} (\d+)$/m.exec(await scrape(client))?.[1] ?? 0);
  const before = await count();
  const { csrfToken } = (await (await client.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const requestId = `e2e-${randomUUID()}`;
  await client.post('/api/auth/callback/credentials', {
    headers: { 'x-request-id': requestId },
    form: { csrfToken, email: `nobody-${Date.now()}@example.org`, password: 'not a password', callbackUrl: `${baseURL}/`, json: 'true' },
  });
  expect(await count()).toBe(before + 1);
  expect(await lineOf(requestId)).toMatchObject({ method: 'POST', route: '/api/auth/[...nextauth]' });
  await client.dispose();
});

test('the metrics are refused without the token, and the health endpoints tell liveness from readiness', async ({ request }) => {
  expect((await request.get('/api/metrics')).status()).toBe(401);
  expect((await request.get('/api/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}-wrong` } })).status()).toBe(401);
  const live = await request.get('/api/health/live');
  expect(live.status()).toBe(200);
  expect(await live.json()).toEqual({ status: 'up' });
  const ready = await request.get('/api/health/ready');
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toEqual({ status: 'ready' });
  expect(await (await request.get('/api/health')).json()).toEqual({ status: 'up' });
});
