import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test';
import { ACCOUNTS, currentCode, DEMO_PASSWORD } from './accounts';

/**
 * The idle limit over HTTP, against the production build: a server of its own (scripts/server.mjs
 * on its own port and embedded database) runs with SESSION_IDLE_MINUTES=1, so that the shared
 * e2e server's sessions are not touched. A session left alone for a minute is refused by pages
 * and route handlers; one in use every 20 seconds stays open.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100) + 77;
const BASE = `http://localhost:${PORT}`;
const DATA = '.data/e2e-idle';

let server: ChildProcess | undefined;

test.describe.configure({ timeout: 240_000 });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  fs.rmSync(DATA, { recursive: true, force: true });
  server = spawn(process.execPath, ['scripts/server.mjs', '-p', String(PORT)], {
    stdio: 'ignore',
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: '',
      PGLITE_DIR: `${DATA}/pglite`,
      DEMO_SEED: '1',
      NEXTAUTH_URL: BASE,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? 'e2e-only-secret-e2e-only-secret-e2e-only',
      AUDIT_ANCHOR_KEY: process.env.AUDIT_ANCHOR_KEY ?? 'e2e-only-anchor-key-e2e-only-anchor-key',
      SESSION_IDLE_MINUTES: '1',
    },
  });
  // Up once health answers (the demo network is loaded on the first start).
  for (let i = 0; i < 150; i++) {
    const ok = await fetch(`${BASE}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error('the idle-limit server did not start');
});

test.afterAll(async () => {
  server?.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1000));
  fs.rmSync(DATA, { recursive: true, force: true });
});

/** A signed-in HTTP client: email, password and the demo secret's code in one request. */
async function signedIn(email: string): Promise<APIRequestContext> {
  const client = await playwrightRequest.newContext({ baseURL: BASE, maxRedirects: 0 });
  const { csrfToken } = (await (await client.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const res = await client.post('/api/auth/callback/credentials', {
    form: { csrfToken, email, password: DEMO_PASSWORD, code: currentCode(), callbackUrl: `${BASE}/`, json: 'true' },
  });
  expect(res.status()).toBe(200);
  expect((await client.storageState()).cookies.some((c) => c.name.includes('session-token'))).toBe(true);
  return client;
}

test('a session left alone for the idle limit is refused; one in use stays open', async () => {
  const idle = await signedIn(ACCOUNTS.operator);
  const busy = await signedIn(ACCOUNTS.operator2);
  expect((await idle.get('/operator')).status()).toBe(200);
  expect((await busy.get('/operator')).status()).toBe(200);

  // 75 seconds: the busy session is used every 15 seconds, the idle one not at all.
  for (let t = 0; t < 5; t++) {
    await new Promise((r) => setTimeout(r, 15_000));
    expect((await busy.get('/api/operator/export/ventures')).status(), `busy session after ${(t + 1) * 15} s`).toBe(200);
  }

  const page = await idle.get('/operator');
  expect(page.status()).toBe(307);
  expect(page.headers().location).toMatch(/\/login/);
  expect((await idle.get('/api/operator/export/ventures')).status()).toBe(401);
  expect((await busy.get('/operator')).status()).toBe(200);
  await idle.dispose();
  await busy.dispose();
});
