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

export type Server = { label: string; base: string; cookies: Record<'committee' | 'operator', string> };

async function timedGet(base: string, path: string, cookie: string): Promise<{ status: number; ms: number }> {
  const t0 = performance.now();
  const res = await fetch(`${base}${path}`, { redirect: 'manual', headers: cookie ? { Cookie: cookie } : {} });
  await res.arrayBuffer();
  return { status: res.status, ms: performance.now() - t0 };
}

/**
 * Warm-up requests, then `n` timed rounds; with several servers each round asks every server
 * once, in turn (the first server alternates), so machine noise falls on all of them alike. A
 * page that does not answer 200 is n/a on that server.
 */
export async function measure(servers: Server[], target: Target, n: number): Promise<Result[]> {
  const as = target.as ?? 'visitor';
  const cookie = (sv: Server) => (target.as ? sv.cookies[target.as] : '');
  const status = servers.map(() => 0);
  for (let i = 0; i < WARM_UP; i++) for (const [k, sv] of servers.entries()) status[k] = (await timedGet(sv.base, target.path, cookie(sv))).status;
  const times: number[][] = servers.map(() => []);
  for (let i = 0; i < n; i++) {
    const order = servers.map((_, k) => k);
    if (i % 2 === 1) order.reverse();
    for (const k of order) {
      if (status[k] !== 200) continue;
      const r = await timedGet(servers[k]!.base, target.path, cookie(servers[k]!));
      if (r.status !== 200) status[k] = r.status;
      else times[k]!.push(r.ms);
    }
  }
  return servers.map((_, k) => {
    if (status[k] !== 200) return { path: target.path, as, status: status[k]!, median: null, p95: null };
    const sorted = times[k]!.sort((a, b) => a - b);
    return { path: target.path, as, status: 200, median: percentile(sorted, 50), p95: percentile(sorted, 95) };
  });
}

const ms = (v: number | null) => (v === null ? 'n/a' : `${Math.round(v).toLocaleString('en-US')} ms`);

function markdown(head: string[], rows: string[][], numericFrom: number): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i >= numericFrom ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (i >= numericFrom ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`;
  return [line(head), rule, ...rows.map(line)];
}

export function printTable(results: Result[], n: number): void {
  const rows = results.map((r) => [r.path, r.as, String(r.status), ms(r.median), ms(r.p95)]);
  for (const l of markdown(['page', 'as', 'HTTP', `median (${n})`, `p95 (${n})`], rows, 3)) console.log(l);
  const slow = results.filter((r) => r.p95 !== null && r.p95 > 500);
  if (slow.length) console.log(`\nSlow (p95 > 500 ms): ${slow.map((r) => r.path).join(', ')}`);
}

/** The table of a compared run: each page's median at both scales, their ratio and the large scale's p95. */
export function printComparison(pairs: { small: Result; large: Result }[], scales: { small: number; large: number }, n: number): void {
  const ratio = (a: number | null, b: number | null) => (a === null || b === null ? 'n/a' : `${(b / a).toFixed(2)}×`);
  const { small: s1, large: sN } = scales;
  const rows = pairs.map(({ small, large }) => [small.path, small.as, ms(small.median), ms(large.median), ratio(small.median, large.median), ms(large.p95)]);
  const head = ['page', 'as', `median s${s1} (${n})`, `median s${sN} (${n})`, 'ratio', `p95 s${sN}`];
  for (const l of markdown(head, rows, 2)) console.log(l);
  const failed = pairs.filter((p) => p.small.status !== 200 || p.large.status !== 200);
  if (failed.length) console.log(`\nNot 200: ${failed.map((p) => `${p.small.path} (${p.small.status}/${p.large.status})`).join(', ')}`);
}
