import fs from 'node:fs';
import { totpCode } from '../../lib/totp';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../accounts';

/**
 * A browser's part over plain HTTP, against any server of the fleet: a cookie jar (cookies are
 * not bound to a port, so the jar a server filled is sent to the others, as a load balancer's
 * one address would), next-auth's credentials sign-in and sign-out, pages, and the portal's
 * server actions posted as React's client posts them (the action's id from this build's
 * manifest, its argument as JSON).
 */

/** What a server action answered: its result when the answer carried one, the HTTP status and the raw body. */
export type ActionAnswer = {
  status: number;
  result: { ok: boolean; code?: string; message: string; data?: unknown; fieldErrors?: Record<string, string[]> } | null;
  body: string;
};

let manifest: Record<string, { exportedName?: string }> | null = null;

/** The id of a server action in the build the servers run. */
export function actionId(name: string): string {
  manifest ??= (JSON.parse(fs.readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as { node: Record<string, { exportedName?: string }> }).node;
  const found = Object.entries(manifest).filter(([, v]) => v.exportedName === name);
  if (found.length !== 1) throw new Error(`${found.length} server actions named ${name} in the build`);
  return found[0]![0];
}

/** The action's result in a React Server Components answer: the row that is an object with `ok`. */
export function actionResult(body: string): ActionAnswer['result'] {
  for (const line of body.split('\n')) {
    const json = line.replace(/^[0-9a-f]+:/, '');
    if (!json.startsWith('{')) continue;
    try {
      const value = JSON.parse(json) as ActionAnswer['result'];
      if (value && typeof value === 'object' && typeof value.ok === 'boolean') return value;
    } catch {
      // another kind of row
    }
  }
  return null;
}

export class Client {
  readonly jar = new Map<string, string>();

  /** A copy with the same cookies (a stolen or second copy of a session). */
  clone(): Client {
    const c = new Client();
    for (const [k, v] of this.jar) c.jar.set(k, v);
    return c;
  }

  get hasSession(): boolean {
    return [...this.jar.keys()].some((k) => k.includes('session-token'));
  }

  async request(base: string, path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Response> {
    const cookie = [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(`${base}${path}`, {
      method: init.method ?? 'GET',
      headers: { ...(cookie ? { cookie } : {}), ...init.headers },
      body: init.body,
      redirect: 'manual',
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (value === '' || /max-age=0/i.test(c)) this.jar.delete(name);
      else this.jar.set(name, value);
    }
    return res;
  }

  /** next-auth's credentials sign-in with the demo secret's current code: null when signed in, else the error code ('CredentialsSignin', 'throttled' …). */
  async signIn(base: string, email: string, password: string = DEMO_PASSWORD): Promise<string | null> {
    const csrf = (await (await this.request(base, '/api/auth/csrf')).json()) as { csrfToken: string };
    const res = await this.request(base, '/api/auth/callback/credentials', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        csrfToken: csrf.csrfToken,
        email,
        password,
        code: totpCode(DEMO_TOTP_SECRET, new Date()),
        callbackUrl: `${base}/`,
        json: 'true',
      }).toString(),
    });
    if (res.status !== 200 && res.status !== 401) throw new Error(`Sign-in answered ${res.status}: ${await res.text()}`);
    const { url } = (await res.json()) as { url: string };
    return new URL(url, base).searchParams.get('error');
  }

  /** next-auth's sign-out (the session row is ended, as the header's button does). */
  async signOut(base: string): Promise<void> {
    const csrf = (await (await this.request(base, '/api/auth/csrf')).json()) as { csrfToken: string };
    const res = await this.request(base, '/api/auth/signout', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrfToken: csrf.csrfToken, callbackUrl: `${base}/login`, json: 'true' }).toString(),
    });
    if (res.status !== 200) throw new Error(`Sign-out answered ${res.status}`);
  }

  /** A page: its status, where it redirects (if it does) and its HTML. */
  async page(base: string, path: string): Promise<{ status: number; location: string | null; html: string }> {
    const res = await this.request(base, path);
    return { status: res.status, location: res.headers.get('location'), html: await res.text() };
  }

  /** Posts a server action to the page that carries it, with one plain-object argument. */
  async action(base: string, pagePath: string, name: string, input: Record<string, unknown>): Promise<ActionAnswer> {
    const res = await this.request(base, pagePath, {
      method: 'POST',
      headers: { origin: base, 'next-action': actionId(name), 'content-type': 'text/plain;charset=UTF-8', accept: 'text/x-component' },
      body: JSON.stringify([input]),
    });
    const body = await res.text();
    return { status: res.status, result: actionResult(body), body };
  }
}
