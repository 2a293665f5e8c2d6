/**
 * The benchmark's client side: next-auth credentials sign-in, timed requests and the table.
 */
export type Target = { path: string; as: 'committee' | 'operator' | null };
export type Result = { path: string; as: string; status: number; median: number | null; p95: number | null };

const WARM_UP = 3;

/** The cookies of a signed-in session, as a Cookie header. */
export async function signIn(base: string, email: string, password: string, code?: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
  };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: header() },
    body: new URLSearchParams({ csrfToken, email, password, ...(code ? { code } : {}), callbackUrl: `${base}/`, json: 'true' }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes('session-token'))) throw new Error(`Sign-in of ${email} failed (HTTP ${res.status}).`);
  return header();
}

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

/** Warm-up requests, then `n` timed ones in a row; a page that does not answer 200 is n/a. */
export async function measure(base: string, target: Target, cookie: string, n: number): Promise<Result> {
  const get = async () => {
    const t0 = performance.now();
    const res = await fetch(`${base}${target.path}`, { redirect: 'manual', headers: cookie ? { Cookie: cookie } : {} });
    await res.arrayBuffer();
    return { status: res.status, ms: performance.now() - t0 };
  };
  let status = 0;
  for (let i = 0; i < WARM_UP; i++) status = (await get()).status;
  const as = target.as ?? 'visitor';
  if (status !== 200) return { path: target.path, as, status, median: null, p95: null };
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = await get();
    if (r.status !== 200) return { path: target.path, as, status: r.status, median: null, p95: null };
    times.push(r.ms);
  }
  times.sort((a, b) => a - b);
  return { path: target.path, as, status, median: percentile(times, 50), p95: percentile(times, 95) };
}

export function printTable(results: Result[], n: number): void {
  const ms = (v: number | null) => (v === null ? 'n/a' : `${v.toFixed(0)} ms`);
  const rows = results.map((r) => [r.path, r.as, String(r.status), ms(r.median), ms(r.p95)]);
  const head = ['page', 'as', 'HTTP', `median (${n})`, `p95 (${n})`];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i >= 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
  console.log(line(head));
  console.log(`| ${widths.map((w, i) => (i >= 3 ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`);
  for (const r of rows) console.log(line(r));
  const slow = results.filter((r) => r.p95 !== null && r.p95 > 500);
  if (slow.length) console.log(`\nSlow (p95 > 500 ms): ${slow.map((r) => r.path).join(', ')}`);
}
