import http from 'node:http';
import { expect, test } from '@playwright/test';
import { ACCOUNTS, currentCode, DEMO_PASSWORD, enterCode, storageState } from './accounts';

/**
 * The sign-in path as an attacker tries it, over HTTP against the production build and its own
 * server (scripts/server.mjs): return-path payloads, forged forwarded headers, and a lockout
 * attempted from many addresses. Connections come from distinct loopback addresses
 * (127.0.0.x), so that each "address" is a real socket address, as the portal sees a client,
 * and the failures here do not count against the address the other specs sign in from.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE = `http://localhost:${PORT}`;
const run = Date.now() % 200;
/** A loopback address of its own for each part of this spec and each run. */
const addr = (n: number) => `127.0.${1 + ((run + n) % 250)}.${10 + (n % 200)}`;

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** An HTTP client bound to one source address, with its own cookie jar. */
class Client {
  private jar = new Map<string, string>();
  constructor(private readonly localAddress: string) {}

  request(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
    const cookie = [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: PORT,
          family: 4,
          localAddress: this.localAddress,
          path,
          method: opts.method ?? 'GET',
          headers: { host: `localhost:${PORT}`, ...(cookie ? { cookie } : {}), ...opts.headers },
        },
        (res) => {
          for (const c of res.headers['set-cookie'] ?? []) {
            const [pair] = c.split(';');
            const eq = pair!.indexOf('=');
            this.jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
          }
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (d) => (body += d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      req.on('error', reject);
      if (opts.body) req.write(opts.body);
      req.end();
    });
  }

  /** next-auth's credentials sign-in; the error code ('CredentialsSignin', 'throttled', 'slowed') or null. */
  async signIn(email: string, password: string, headers: Record<string, string> = {}): Promise<string | null> {
    const csrf = await this.request('/api/auth/csrf', { headers });
    const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
    const res = await this.request('/api/auth/callback/credentials', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      // The demo secret's current code: every demo account has the second factor (it is checked after the password).
      body: new URLSearchParams({ csrfToken, email, password, code: currentCode(), callbackUrl: `${BASE}/`, json: 'true' }).toString(),
    });
    // next-auth answers a refused sign-in with 401, both with the error in the JSON's url.
    expect([200, 401]).toContain(res.status);
    const { url } = JSON.parse(res.body) as { url: string };
    const error = new URL(url, BASE).searchParams.get('error');
    if (!error) expect([...this.jar.keys()].some((k) => k.includes('session-token'))).toBe(true);
    return error;
  }
}

/** Payloads that must send the user home (the others are odd but harmless paths on this site). */
const GO_HOME = new Set([
  '%2F%09%2Fevil.example%2Fphish',
  '%2F%09%2Fevil.example',
  '%2F%0A%2Fevil.example',
  '%2F%0D%0A%2Fevil.example',
  '%2F%2Fevil.example',
  '%2F%5Cevil.example',
  '%5C%5Cevil.example',
  '%2F%252f%252fevil.example',
  'https%3A%2F%2Fevil.example%2F',
  `http%3A%2F%2Flocalhost%3A${PORT}%40evil.example%2F`,
  'javascript%3Aalert(1)',
  '%2F.%2F%2Fevil.example',
  '%2Fcommittee%2F%E8%BD%BD%E4%BD%93',
]);
const PAYLOADS = [
  '%2F%09%2Fevil.example%2Fphish',
  '%2F%09%2Fevil.example',
  '%2F%0A%2Fevil.example',
  '%2F%0D%0A%2Fevil.example',
  '%2F%2Fevil.example',
  '%2F%5Cevil.example',
  '%5C%5Cevil.example',
  '%2F%252f%252fevil.example',
  'https%3A%2F%2Fevil.example%2F',
  `http%3A%2F%2Flocalhost%3A${PORT}%40evil.example%2F`,
  'javascript%3Aalert(1)',
  '%2F.%2F%2Fevil.example',
  '%2F%EF%BC%8Fevil.example',
  '%2F%E2%80%AE%2Fevil.example',
  '%2F%C3%A9t%C3%A9',
  '%2Fcommittee%2F%E8%BD%BD%E4%BD%93',
  '%FF%FE',
];

function expectOnSite(location: string | undefined) {
  expect(location).toBeTruthy();
  expect(location).toMatch(/^[\x21-\x7e]+$/);
  const url = new URL(location!, BASE);
  expect(url.origin).toBe(new URL(BASE).origin);
  expect(url.username + url.password).toBe('');
}

test.describe('return paths', () => {
  test('a correct sign-in after a hostile callbackUrl lands on the role home, on this site', async ({ page }) => {
    await page.route(
      (url) => url.hostname.endsWith('evil.example'),
      (route) => route.abort(),
    );
    await page.goto('/login?callbackUrl=%2F%09%2Fevil.example%2Fphish');
    await page.getByLabel(/电子邮箱|Email/).fill(ACCOUNTS.committee2);
    await page.getByLabel(/密码|Password/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /^(登录|Sign in)$/ }).click();
    await enterCode(page);
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    expect(new URL(page.url()).origin).toBe(new URL(BASE).origin);
    await expect(page).toHaveURL(`${BASE}/committee`);
  });

  test.describe('signed in', () => {
    test.use({ storageState: storageState('operator') });

    test('GET /?next=… answers a redirect to a path on this site, never a 500', async ({ request }) => {
      for (const p of PAYLOADS) {
        const res = await request.get(`/?next=${p}`, { maxRedirects: 0 });
        expect(res.status(), p).toBe(307);
        expectOnSite(res.headers()['location']);
        if (GO_HOME.has(p)) expect(new URL(res.headers()['location']!, BASE).pathname, p).toBe('/operator');
      }
      const fine = await request.get('/?next=%2Foperator%2Fventures%3Fq%3D1', { maxRedirects: 0 });
      expect(fine.headers()['location']).toBe('/operator/ventures?q=1');
    });

    test('the sign-in page sends a signed-in user on with the same rules, never a 500', async ({ request }) => {
      for (const p of PAYLOADS) {
        const res = await request.get(`/login?callbackUrl=${p}`, { maxRedirects: 0 });
        expect(res.status(), p).toBe(307);
        expectOnSite(res.headers()['location']);
        const next = await request.get(res.headers()['location']!, { maxRedirects: 0 });
        expect(next.status(), p).toBe(307);
        expectOnSite(next.headers()['location']);
      }
    });
  });

  test('a visitor gets the sign-in page for every payload, and no foreign callbackUrl in links', async ({ request }) => {
    for (const p of PAYLOADS) {
      const res = await request.get(`/login?callbackUrl=${p}`, { maxRedirects: 0 });
      expect(res.status(), p).toBe(200);
    }
    for (const p of ['/operator/%0A', '/operator/%E2%80%AE', '/operator//evil.example']) {
      const res = await request.get(p, { maxRedirects: 0 });
      expect([307, 308], p).toContain(res.status());
      expectOnSite(res.headers()['location']);
      const to = new URL(res.headers()['location']!, BASE);
      const back = to.searchParams.get('callbackUrl');
      if (back) expectOnSite(back);
    }
  });
});

test.describe('forwarded headers from a client are not believed', () => {
  test('a different forged X-Forwarded-For on every attempt does not escape the lock', async () => {
    const client = new Client(addr(1));
    const email = `forged-xff-${Date.now()}@example.org`;
    const answers: (string | null)[] = [];
    for (let i = 0; i < 6; i++) {
      answers.push(await client.signIn(email, `wrong-${i}`, { 'x-forwarded-for': `10.9.8.${i}`, 'x-real-ip': `10.9.9.${i}` }));
    }
    expect(answers.slice(0, 5)).toEqual(Array(5).fill('CredentialsSignin'));
    expect(answers[5]).toBe('throttled');
  });

  test('the audit log records the socket address, not the forged one', async ({ browser }) => {
    const client = new Client(addr(2));
    expect(await client.signIn(ACCOUNTS.committee3, DEMO_PASSWORD, { 'x-forwarded-for': '6.6.6.6' })).toBeNull();
    expect(await client.signIn('nobody-forged@example.org', 'wrong', { 'x-forwarded-for': '6.6.6.7', 'x-real-ip': '6.6.6.8' })).toBe('CredentialsSignin');
    const auditor = await browser.newContext({ storageState: storageState('auditor') });
    for (const action of ['auth.signIn', 'auth.signInFailed']) {
      const page = await auditor.request.get(`/auditor?action=${action}`);
      expect(page.status()).toBe(200);
      const html = await page.text();
      expect(html, action).toContain(addr(2));
      expect(html, action).not.toMatch(/6\.6\.6\.[678]/);
    }
    await auditor.close();
  });

  test('a forged X-Forwarded-Host does not pass the origin check', async ({ browser }) => {
    const operator = await browser.newContext({ storageState: storageState('operator') });
    const post = (headers: Record<string, string>) =>
      operator.request.post('/api/operator/import', { headers, multipart: { kind: 'ventures' }, maxRedirects: 0 });
    const forged = await post({ origin: 'http://evil.example', 'x-forwarded-host': 'evil.example' });
    expect(forged.status()).toBe(403);
    expect((await forged.json()).error).toBe('crossSite');
    // The same request from this site's own origin gets past the check (and fails for want of a file).
    const own = await post({ origin: BASE });
    expect(own.status()).toBe(400);
    await operator.close();
  });
});

test.describe('lockout from many addresses', () => {
  test('25 failures from 25 addresses slow the account down but do not lock its owner out', async ({ browser }) => {
    const owner = ACCOUNTS.operator2;
    const answers: (string | null)[] = [];
    for (let i = 0; i < 25; i++) answers.push(await new Client(addr(100 + i)).signIn(owner, `guess-${i}`));
    expect(answers.slice(0, 5)).toEqual(Array(5).fill('CredentialsSignin'));
    expect(answers.every((a) => a === 'CredentialsSignin' || a === 'slowed')).toBe(true);
    expect(answers).toContain('slowed');

    // The owner, from the address they signed in from before, signs in at once and is told.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel(/电子邮箱|Email/).fill(owner);
    await page.getByLabel(/密码|Password/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /^(登录|Sign in)$/ }).click();
    await enterCode(page);
    await page.waitForURL('**/operator');
    const notice = page.getByRole('region', { name: '登录记录' });
    await expect(notice).toContainText('上次登录时间');
    await expect(notice).toContainText(/此后登录失败 \d+ 次/);
    await context.close();

    // And from an address never seen before, once the delay (at most a minute) is over.
    const fresh = new Client(addr(140));
    await expect.poll(() => fresh.signIn(owner, DEMO_PASSWORD), { timeout: 65_000, intervals: [1000] }).toBeNull();
  });
});
