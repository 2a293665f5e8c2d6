import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * The log lines of lib/server/request-log.ts as the logger (lib/log.ts) writes them to LOG_FILE:
 * one JSON line per request with its id, route pattern, status and duration, and an error with
 * the request's id and Next's digest. The production server's real lines are read in
 * e2e/operations.spec.ts.
 */
const LOGGER = Symbol.for('incubator-portal.logger');
let file: string;

beforeEach(() => {
  file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'portal-log-')), 'server.log');
  delete (globalThis as Record<symbol, unknown>)[LOGGER];
  vi.resetModules();
  vi.stubEnv('LOG_LEVEL', 'info');
  vi.stubEnv('LOG_FILE', file);
});
afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[LOGGER];
  vi.unstubAllEnvs();
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
});

const lines = () =>
  fs
    .readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('the request log', () => {
  it('writes one line per request, under its route, with its id', async () => {
    const { recordFinishedRequest } = await import('./request-log');
    recordFinishedRequest({ method: 'GET', path: '/wp-login.php', status: 404, seconds: 0.0123456, requestId: 'req-abcdefgh', aborted: false });
    recordFinishedRequest({ method: 'PROPFIND', path: '/login', status: 500, seconds: 1, requestId: 'req-ijklmnop', aborted: false });
    const [first, second] = lines();
    expect(first).toMatchObject({ level: 30, msg: 'request', requestId: 'req-abcdefgh', method: 'GET', route: '(other)', status: 404, durationMs: 12.346 });
    // An address of no route is not written out: it could be anything a scanner sent.
    expect(first).not.toHaveProperty('path');
    expect(typeof first!.time).toBe('string');
    expect(second).toMatchObject({ level: 50, requestId: 'req-ijklmnop', method: 'other', status: 500 });
  });

  it("writes an error with the request's id and Next's digest", async () => {
    const { logRequestError } = await import('./request-log');
    const error = Object.assign(new Error('the database went away'), { digest: '1234567890' });
    logRequestError(
      error,
      { path: '/committee', method: 'GET', headers: { 'x-request-id': 'req-qrstuvwx' } },
      { routePath: '/committee', routeType: 'render' },
    );
    const [line] = lines();
    expect(line).toMatchObject({ level: 50, msg: 'request failed', requestId: 'req-qrstuvwx', digest: '1234567890', route: '/committee' });
    expect(line!.err).toMatchObject({ message: 'the database went away' });
  });
});
