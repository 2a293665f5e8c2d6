import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { and, count, eq, gt, inArray, max, notInArray } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/connect';
import { auditLog, carriers } from '@/db/schema';
import { seedDemo } from '@/db/seed/demo';
import { verifyAuditChain } from '@/db/audit/verify';
import { todayInShanghai } from '@/lib/domain/dates';
import auditMessages from '@/messages/zh-CN/audit.json';
import { LOCALE_COOKIE } from '@/lib/i18n/config';
import type { Role } from '@/lib/roles';
import { ACTION_ROWS, CHANGING_ROUTES, type ActionRow } from '../authz/actions';
import { hostileInput, spoiled } from '../authz/hostile-inputs';
import { operators, type HappyBuilder } from '../authz/walk-world';
import { CLIENT_IP, cookieJar, interruptOf, signInAs, signOut, useDatabase } from '../helpers/action-harness';
import { openTestDatabase } from '../helpers/db';
import { companyCells, venturesWorkbook } from '../helpers/transfer-fixtures';
import { ALL_CASES } from './isolation/all-cases';
import { OPERATOR_ROUTES } from './isolation/routes';

vi.mock('next-auth', async () => (await import('../helpers/action-harness')).nextAuthMock);
vi.mock('next/headers', async () => (await import('../helpers/action-harness')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('../helpers/action-harness')).nextCacheMock);
vi.mock('next-intl/server', async () => (await import('../helpers/action-harness')).nextIntlServerMock);
vi.mock('@/db/client', async () => (await import('../helpers/action-harness')).dbClientMock);

/**
 * Every server action, walked: each has a row in tests/authz/actions.ts; each refuses an
 * anonymous visitor and every role not in its row; each, called the way its form calls it on
 * the seeded demo network, writes audit entries naming the user, their role, the entity and
 * the client's address; random hostile input never throws and never leaves an entry behind.
 */
const APP = path.resolve(__dirname, '../../app');
const CALLERS = ['anonymous', 'operator', 'committee', 'admin', 'security', 'auditor'] as const;
const ACCOUNT: Record<Role, string> = {
  operator: 'operator1@example.org',
  committee: 'committee1@example.org',
  admin: 'admin@example.org',
  security: 'security@example.org',
  auditor: 'auditor@example.org',
};

type Action = (input: unknown) => Promise<unknown>;
type Result = { ok: boolean; code?: string };

let handle: DatabaseHandle;
const today = todayInShanghai();
const key = (r: Pick<ActionRow, 'file' | 'name'>) => `${r.file} ${r.name}`;

beforeAll(async () => {
  handle = await openTestDatabase();
  useDatabase(handle);
  await seedDemo(handle.db, { today: new Date(), passwordHash: 'not-used-by-these-tests' });
});
afterAll(async () => {
  await handle?.close();
});

async function actionOf(row: Pick<ActionRow, 'file' | 'name'>): Promise<Action> {
  const mod = (await import(/* @vite-ignore */ path.join(APP, row.file))) as Record<string, unknown>;
  const fn = mod[row.name];
  if (typeof fn !== 'function') throw new Error(`${row.file} exports no function ${row.name}`);
  return fn as Action;
}

async function callAs(caller: (typeof CALLERS)[number], call: () => Promise<unknown>) {
  if (caller === 'anonymous') signOut();
  else await signInAs(ACCOUNT[caller]);
  return interruptOf(call);
}

const lastAuditId = async () => (await handle.db.select({ id: max(auditLog.id) }).from(auditLog))[0]?.id ?? 0;
const auditCount = async () => (await handle.db.select({ n: count() }).from(auditLog))[0]!.n;
/**
 * Security events a refusal itself must record (a wrong current password is audited); any other
 * entry after a refusal is a partial write.
 */
const REFUSAL_EVENTS = ['user.passwordCheckFailed'];
const auditCountBesidesRefusalEvents = async () =>
  (await handle.db.select({ n: count() }).from(auditLog).where(notInArray(auditLog.action, REFUSAL_EVENTS)))[0]!.n;

/** Every action file under app/: any actions.ts, and the shared ones in app/actions. */
function actionFiles(dir = ''): string[] {
  return readdirSync(path.join(APP, dir), { withFileTypes: true }).flatMap((d) => {
    const rel = path.posix.join(dir, d.name);
    if (d.isDirectory()) return actionFiles(rel);
    return d.name === 'actions.ts' || (dir === 'actions' && d.name.endsWith('.ts')) ? [rel] : [];
  });
}

const EXPORT = /^export\s+(?:const|let|async\s+function|function)\s+([A-Za-z_$][\w$]*)/gm;

describe('discovery: every server action has exactly one row', () => {
  const found = actionFiles()
    .sort()
    .flatMap((file) => [...readFileSync(path.join(APP, file), 'utf8').matchAll(EXPORT)].map((m) => ({ file, name: m[1]! })));
  const rowKeys = ACTION_ROWS.map(key);

  it('finds the action files and their exports', () => {
    expect(found.length).toBeGreaterThanOrEqual(30);
    expect(found.map(key)).toContain('actions/locale.ts setLocale');
  });

  it('has a row for every exported action', () => {
    const missing = found.filter((f) => !rowKeys.includes(key(f)));
    expect(missing.map((m) => `add to ACTION_ROWS in tests/authz/actions.ts: { file: '${m.file}', name: '${m.name}', roles: [...], audit: {...} }`)).toEqual(
      [],
    );
  });

  it('has no row for an export that does not exist, and no action twice', () => {
    const stale = ACTION_ROWS.filter((r) => !found.some((f) => key(f) === key(r)));
    expect(stale.map((r) => `remove or correct the row { file: '${r.file}', name: '${r.name}' }: no such export`)).toEqual([]);
    expect(rowKeys.filter((k, i) => rowKeys.indexOf(k) !== i)).toEqual([]);
  });

  // The file's real exports (whatever their form) are exactly those read from its text, all functions.
  it.each([...new Set(found.map((f) => f.file))])('%s exports only the actions read from it', async (file) => {
    const mod = (await import(/* @vite-ignore */ path.join(APP, file))) as Record<string, unknown>;
    expect(Object.keys(mod).sort()).toEqual(
      found
        .filter((f) => f.file === file)
        .map((f) => f.name)
        .sort(),
    );
    for (const name of Object.keys(mod)) expect(typeof mod[name], name).toBe('function');
  });
});

describe('roles: who gets past the role check', () => {
  const cases = ACTION_ROWS.flatMap((row) => CALLERS.map((caller) => [`${key(row)} as ${caller}`, row, caller] as const));

  it.each(cases)('%s', async (_, row, caller) => {
    const action = await actionOf(row);
    const outcome = await callAs(caller, () => action(new FormData()));
    const allowed = row.roles === 'anyone' || (caller !== 'anonymous' && row.roles.includes(caller));
    if (!allowed && caller === 'anonymous') {
      expect(outcome).toMatchObject({ kind: 'redirect', digest: expect.stringContaining(';/login;') });
    } else if (!allowed) {
      expect(outcome).toEqual({ kind: 'forbidden', digest: 'NEXT_HTTP_ERROR_FALLBACK;403' });
    } else if (row.roles === 'anyone') {
      expect(outcome).toEqual({ kind: 'none', value: undefined });
    } else {
      // Past the role check: an empty form comes back as a result, refused as invalid unless it needs no input.
      expect(outcome.kind).toBe('none');
      const result = (outcome as { value: Result }).value;
      expect(typeof result.ok).toBe('boolean');
      if (!result.ok) expect(result.code).toBe('invalid');
    }
  });
});

describe('audit: every change leaves its entry', () => {
  const walked = ACTION_ROWS.flatMap((row) => ('happy' in row.audit ? [[key(row), row, row.audit] as const] : []));
  const exempt = ACTION_ROWS.flatMap((row) => ('exempt' in row.audit ? [[key(row), row.audit.exempt] as const] : []));

  it.each(walked)('%s', async (_, row, audit) => {
    const call = await audit.happy({ db: handle.db, today });
    const user = await signInAs(call.userEmail);
    const before = await lastAuditId();
    const result = (await (await actionOf(row))(call.input)) as Result;
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
    const entries = await handle.db.select().from(auditLog).where(gt(auditLog.id, before));
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) {
      expect(e).toMatchObject({ userId: user.id, role: user.role, ip: CLIENT_IP });
      expect(e.action).toMatch(/^[a-z_]+(\.[a-zA-Z_]+)+$/);
      expect(e.before ?? e.after, `${e.action} records what changed`).not.toBeNull();
      // The audit viewer names each recorded field in words: audit.fields has a label for it.
      const keys = [e.before, e.after].flatMap((v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v) : []));
      expect(
        keys.filter((k) => !(k in auditMessages.audit.fields)),
        `${e.action}: add to audit.fields`,
      ).toEqual([]);
    }
    expect(entries.map((e) => e.entity)).toContain(audit.entity);
  });

  it.each(exempt)('%s is exempt: %s', (_, reason) => {
    expect(reason.length).toBeGreaterThan(20);
  });

  it('setLocale only sets the language cookie', async () => {
    const before = await auditCount();
    signOut();
    const fd = new FormData();
    fd.set('locale', 'en');
    await (
      await actionOf({ file: 'actions/locale.ts', name: 'setLocale' })
    )(fd);
    expect(cookieJar().get(LOCALE_COOKIE)).toBe('en');
    expect(await auditCount()).toBe(before);
  });
});

describe('route handlers that change data', () => {
  it('lists the import as the one changing operator route', () => {
    expect(CHANGING_ROUTES.map((r) => r.file)).toEqual(['api/operator/import/route.ts']);
  });

  async function postImport(asEmail: string | null) {
    const { POST } = (await import('@/app/api/operator/import/route')) as { POST: (r: Request) => Promise<Response> };
    if (asEmail) await signInAs(asEmail);
    else signOut();
    const op = (await operators(handle.db)).find((o) => o.email === ACCOUNT.operator)!;
    const [incubator] = await handle.db
      .select()
      .from(carriers)
      .where(and(inArray(carriers.id, op.carrierIds), eq(carriers.kind, 'incubator')));
    const fd = new FormData();
    fd.set('kind', 'ventures');
    fd.set(
      'file',
      new File(
        [Buffer.from(await venturesWorkbook([companyCells(incubator!.name, { enteredOn: today > '2026-01-10' ? '2026-01-10' : today })]))],
        '入驻项目.xlsx',
      ),
    );
    const body = new Request('http://portal.test/api/operator/import', { method: 'POST', body: fd });
    const request = new Request('http://portal.test/api/operator/import', {
      method: 'POST',
      body: await body.arrayBuffer(),
      headers: {
        'content-type': body.headers.get('content-type')!,
        origin: 'http://portal.test',
        host: 'portal.test',
        'x-portal-peer': CLIENT_IP,
        'x-forwarded-for': '6.6.6.6',
      },
    });
    return POST(request);
  }

  it('refuses an anonymous visitor (401) and the committee (403)', async () => {
    expect((await postImport(null)).status).toBe(401);
    expect((await postImport(ACCOUNT.committee)).status).toBe(403);
  });

  it('POST api/operator/import writes the ventures with their entries', async () => {
    const user = await signInAs(ACCOUNT.operator);
    const before = await lastAuditId();
    const response = await postImport(ACCOUNT.operator);
    expect(response.status).toBe(200);
    const lines = (await response.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; ok?: boolean });
    expect(lines.at(-1)).toMatchObject({ type: 'result', ok: true, written: 1 });
    const entries = await handle.db.select().from(auditLog).where(gt(auditLog.id, before));
    expect(entries.map((e) => e.entity)).toContain('venture');
    for (const e of entries) expect(e).toMatchObject({ userId: user.id, role: 'operator', ip: CLIENT_IP });
  });
});

/**
 * The administrator's account actions go last: their spoiled inputs may deactivate or reset
 * seeded users whom the other rows sign in as (the administrator's own account is protected
 * by the actions' guard rails).
 */
const isAccountAdmin = (row: (typeof ACTION_ROWS)[number]) => row.file.startsWith('(portal)/admin/');
const HOSTILE_ORDER = [...ACTION_ROWS.filter((r) => !isAccountAdmin(r)), ...ACTION_ROWS.filter(isAccountAdmin)];

describe('hostile input: never a throw, never an entry for a refusal', () => {
  it.each(HOSTILE_ORDER.map((row) => [key(row), row] as const))('%s', async (_, row) => {
    const action = await actionOf(row);
    const caller = row.roles === 'anyone' ? 'anonymous' : row.roles[0]!;
    // A valid input of the walk with one field spoiled reaches past the schema into the queries.
    const base = 'happy' in row.audit ? await row.audit.happy({ db: handle.db, today }) : null;
    const inputs = base ? fc.oneof(hostileInput, spoiled(base.input)) : hostileInput;
    await fc.assert(
      fc.asyncProperty(inputs, async (input) => {
        const before = await auditCountBesidesRefusalEvents();
        if (base) await signInAs(base.userEmail);
        const outcome = base ? await interruptOf(() => action(input)) : await callAs(caller, () => action(input));
        expect(outcome.kind).toBe('none');
        const result = (outcome as { value: Result | undefined }).value;
        // 'unexpected' is what lib/server/action.ts answers when something inside threw.
        expect(result?.code).not.toBe('unexpected');
        if (!result?.ok) expect(await auditCountBesidesRefusalEvents()).toBe(before);
      }),
      { numRuns: Number(process.env.WALK_RUNS ?? 30) },
    );
  });
});

describe('text PostgreSQL cannot store', () => {
  it('a NUL character in a field is refused as invalid on that field, and nothing is written', async () => {
    const row = ACTION_ROWS.find((r) => r.name === 'addBlacklistAction')!;
    const call = await (row.audit as { happy: HappyBuilder }).happy({ db: handle.db, today });
    (call.input as FormData).set('misconduct', '虚报\u0000数据');
    await signInAs(call.userEmail);
    const before = await auditCount();
    const result = (await (await actionOf(row))(call.input)) as Result & { fieldErrors: Record<string, string[]> };
    expect(result).toMatchObject({ ok: false, code: 'invalid' });
    expect(Object.keys(result.fieldErrors)).toEqual(['misconduct']);
    expect(await auditCount()).toBe(before);
  });
});

describe('another carrier’s operator: the isolation cases of each operator action', () => {
  const names = new Set(ALL_CASES.map((c) => c.name));
  const operatorRows = ACTION_ROWS.filter((r) => r.file.startsWith('(portal)/operator/'));

  it.each(operatorRows.map((row) => [key(row), row] as const))('%s', (_, row) => {
    expect(row.isolation ?? [], `give ${key(row)} the isolation cases that cover it`).not.toEqual([]);
    expect(row.isolation!.filter((c) => !names.has(c))).toEqual([]);
    const fileCases = OPERATOR_ROUTES.find((r) => r.file === row.file)?.cases ?? [];
    expect(
      row.isolation!.filter((c) => !fileCases.includes(c)),
      `the row of ${row.file} in isolation/routes.ts`,
    ).toEqual([]);
  });
});

describe('the audit chain after the walk', () => {
  it('still verifies', async () => {
    const report = await verifyAuditChain(handle.db);
    expect(report.ok).toBe(true);
    expect(report.entries).toBe(await auditCount());
  });
});
