import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/connect';
import { auditLog } from '@/db/schema';
import { auditCarrierChoices, auditFilterChoices, auditScope, entityHistory, listAuditEntries, type AuditFilters } from '@/db/queries/oversight/audit-log';
import type { Scope } from '@/lib/roles';
import { announcePeerHeader } from '@/lib/client-ip';
import { openTestDatabase } from '../helpers/db';

// As the portal's server does: the socket's address arrives in x-portal-peer, a forged X-Forwarded-For is not believed.
announcePeerHeader();
import { bindOperator, makeCarrier, makeUser } from '../helpers/fixtures';

/** Who the mocked session says is calling the export route (null: nobody is signed in). */
const session = vi.hoisted(() => ({ user: null as null | { id: number; role: 'operator' | 'committee' | 'admin' | 'auditor' }, carrierIds: [] as number[] }));
let handle: DatabaseHandle;
vi.mock('@/db/client', () => ({ getDb: () => handle.db }));
// Headings and codes come back as their keys; the whole catalogue (asked for with no namespace) is the real one.
vi.mock('next-intl/server', () => ({
  getTranslations: async (arg?: string | { locale: 'zh-CN' | 'en'; namespace?: string }) =>
    typeof arg === 'object' && !arg.namespace
      ? (await import('../helpers/catalogue')).translatorOf(arg.locale)
      : Object.assign((key: string) => key, { has: () => false }),
}));
vi.mock('@/lib/server/authz', () => ({
  authorizeRequest: async (...roles: string[]) => {
    if (!session.user) return { response: Response.json({ error: 'unauthenticated' }, { status: 401 }) };
    if (!roles.includes(session.user.role)) return { response: Response.json({ error: 'forbidden' }, { status: 403 }) };
    return { user: session.user };
  },
  // As lib/server/authz has it: the audit administrator's scope of carrier data is none.
  scopeFor: async (u: { role: string }) =>
    u.role === 'operator' ? { kind: 'carriers', carrierIds: session.carrierIds } : u.role === 'committee' ? { kind: 'all' } : { kind: 'none' },
}));

const ALL: Scope = { kind: 'all' };
let scopeA: Scope;
let scopeB: Scope;
let ids: { carrierA: number; carrierB: number; opA: number; opB: number; committee: number; admin: number };
let names: Record<'carrierA' | 'carrierB' | 'opA' | 'opB', string>;
/** The entries inserted, with the instant of each. */
type Seed = { user: number; action: string; entity: string; entityId: string | null; carrier: number | null; at: string; before?: unknown; after?: unknown };
const seeds: Seed[] = [];

beforeAll(async () => {
  handle = await openTestDatabase();
  const db = handle.db;
  const [cA, cB] = [await makeCarrier(db, 'incubator'), await makeCarrier(db, 'incubator')];
  const [oA, oB, c, a] = [await makeUser(db, 'operator'), await makeUser(db, 'operator'), await makeUser(db, 'committee'), await makeUser(db, 'auditor')];
  await bindOperator(db, oA.id, cA.id);
  await bindOperator(db, oB.id, cB.id);
  ids = { carrierA: cA.id, carrierB: cB.id, opA: oA.id, opB: oB.id, committee: c.id, admin: a.id };
  names = { carrierA: cA.name, carrierB: cB.name, opA: oA.name, opB: oB.name };
  scopeA = { kind: 'carriers', carrierIds: [cA.id] };
  scopeB = { kind: 'carriers', carrierIds: [cB.id] };
  // Thirty profile changes of carrier A in February, one a minute.
  for (let i = 0; i < 30; i++) {
    seeds.push({
      user: oA.id,
      action: 'carrier.updateProfile',
      entity: 'carrier',
      entityId: String(cA.id),
      carrier: cA.id,
      at: new Date(Date.UTC(2026, 1, 10, 2, i)).toISOString(),
      after: { contactName: `联系人${i}` },
    });
  }
  seeds.push(
    {
      user: oA.id,
      action: 'venture.update',
      entity: 'venture',
      entityId: '10',
      carrier: cA.id,
      at: '2026-03-01T10:00:00+08:00',
      before: { name: '旧名' },
      after: { name: '新名' },
    },
    { user: oA.id, action: 'application.submit', entity: 'application', entityId: '5', carrier: cA.id, at: '2026-03-02T23:30:00+08:00' },
    // 2 March in Shanghai, still 1 March in UTC.
    { user: oB.id, action: 'venture.update', entity: 'venture', entityId: '20', carrier: cB.id, at: '2026-03-02T00:30:00+08:00' },
    { user: c.id, action: 'carrier.updateAccreditation', entity: 'carrier', entityId: String(cB.id), carrier: cB.id, at: '2026-03-03T09:00:00+08:00' },
    { user: c.id, action: 'target.update', entity: 'annual_target', entityId: '1', carrier: null, at: '2026-03-03T10:00:00+08:00' },
    { user: oB.id, action: 'application.submit', entity: 'application', entityId: '7', carrier: cB.id, at: '2026-03-04T11:00:00+08:00' },
  );
  // Inserted in the order of time, as the log is written; the hashes play no part in reading it.
  await db.insert(auditLog).values(
    seeds.map((s, i) => ({
      at: new Date(s.at),
      userId: s.user,
      role: s.user === c.id ? ('committee' as const) : ('operator' as const),
      action: s.action,
      entity: s.entity,
      entityId: s.entityId,
      carrierId: s.carrier,
      before: s.before ?? null,
      after: s.after ?? null,
      ip: '10.0.0.1',
      prevHash: `h${i}`,
      hash: `h${i + 1}`,
    })),
  );
});

afterAll(async () => {
  await handle?.close();
});

const list = (scope: Scope, f: AuditFilters, page = 1, pageSize = 100) => listAuditEntries(handle.db, scope, f, { page, pageSize });
/** What the seeds say a filter must yield, newest first. */
const expected = (keep: (s: Seed) => boolean) =>
  seeds
    .filter(keep)
    .sort((a, b) => +new Date(b.at) - +new Date(a.at))
    .map((s) => `${s.action}|${s.entityId}`);
const got = (rows: { action: string; entityId: string | null }[]) => rows.map((r) => `${r.action}|${r.entityId}`);

describe('listAuditEntries', () => {
  it('lists everything for the committee, newest first, with the user and the carrier by name', async () => {
    const { rows, total } = await list(ALL, {});
    expect(total).toBe(seeds.length);
    expect(got(rows)).toEqual(expected(() => true));
    expect(rows[0]).toMatchObject({
      action: 'application.submit',
      entityId: '7',
      userName: names.opB,
      carrierName: names.carrierB,
      role: 'operator',
      ip: '10.0.0.1',
    });
    const target = rows.find((r) => r.entity === 'annual_target')!;
    expect(target.carrierName).toBeNull();
    expect(target.carrierId).toBeNull();
  });

  it('pages on the server: pages of 10 hold every entry once, with the total on each', async () => {
    const pages = await Promise.all([1, 2, 3, 4].map((p) => list(ALL, {}, p, 10)));
    expect(pages.map((p) => p.rows.length)).toEqual([10, 10, 10, 6]);
    expect(pages.every((p) => p.total === seeds.length)).toBe(true);
    const seen = pages.flatMap((p) => p.rows.map((r) => r.id));
    expect(new Set(seen).size).toBe(seeds.length);
    expect((await list(ALL, {}, 5, 10)).rows).toEqual([]);
  });

  it('narrows by user, entity, entity id, action and carrier', async () => {
    const cases: [AuditFilters, (s: Seed) => boolean][] = [
      [{ userId: ids.opB }, (s) => s.user === ids.opB],
      [{ entity: 'venture' }, (s) => s.entity === 'venture'],
      [{ entity: 'venture', entityId: '20' }, (s) => s.entity === 'venture' && s.entityId === '20'],
      [{ action: 'application.submit' }, (s) => s.action === 'application.submit'],
      [{ carrierId: ids.carrierB }, (s) => s.carrier === ids.carrierB],
      [{ userId: ids.opA, action: 'carrier.updateProfile' }, (s) => s.user === ids.opA && s.action === 'carrier.updateProfile'],
    ];
    for (const [filters, keep] of cases) {
      const { rows, total } = await list(ALL, filters);
      expect(got(rows), JSON.stringify(filters)).toEqual(expected(keep));
      expect(total).toBe(rows.length);
      expect(rows.length).toBeGreaterThan(0);
    }
  });

  it('reads dates as days in Shanghai, both ends included', async () => {
    // 00:30 on 2 March in Shanghai is 1 March in UTC: it belongs to the 2nd.
    expect(got((await list(ALL, { from: '2026-03-02', to: '2026-03-02' })).rows)).toEqual(['application.submit|5', 'venture.update|20']);
    expect(got((await list(ALL, { from: '2026-03-01', to: '2026-03-01' })).rows)).toEqual(['venture.update|10']);
    expect((await list(ALL, { from: '2026-03-03' })).total).toBe(3);
    expect((await list(ALL, { to: '2026-02-28' })).total).toBe(30);
    expect((await list(ALL, { from: '2026-03-05' })).total).toBe(0);
  });

  it('shows an operator only the entries of their carriers, whatever the filters name', async () => {
    const own = await list(scopeA, {});
    expect(own.total).toBe(32);
    expect(own.rows.every((r) => r.carrierId === ids.carrierA)).toBe(true);
    for (const f of [
      { carrierId: ids.carrierB },
      { entity: 'venture', entityId: '20' },
      { entity: 'carrier', entityId: String(ids.carrierB) },
      { userId: ids.opB },
      { userId: ids.committee },
      { entity: 'annual_target' },
    ] satisfies AuditFilters[]) {
      expect(await list(scopeA, f), JSON.stringify(f)).toEqual({ rows: [], total: 0 });
    }
    expect(got((await list(scopeB, { entity: 'carrier' })).rows)).toEqual([`carrier.updateAccreditation|${ids.carrierB}`]);
    expect(await list({ kind: 'carriers', carrierIds: [] }, {})).toEqual({ rows: [], total: 0 });
  });

  it('gives the committee and the audit administrator the whole log, an operator their carriers, the other administrators nothing', () => {
    expect(auditScope('auditor', { kind: 'none' })).toEqual({ ...ALL, security: true, audience: 'committee' });
    expect(auditScope('admin', { kind: 'none' })).toEqual({ kind: 'none' });
    expect(auditScope('security', { kind: 'none' })).toEqual({ kind: 'none' });
    expect(auditScope('committee', ALL)).toEqual({ ...ALL, security: false, audience: 'committee' });
    // An operator reads what is meant for everyone involved (lib/audit-audience.ts).
    expect(auditScope('operator', scopeA)).toEqual({ ...scopeA, audience: 'involved' });
  });
});

describe('filter choices', () => {
  it('offers the users, entities and actions that appear, within the scope', async () => {
    const all = await auditFilterChoices(handle.db, ALL);
    expect(all.users.map((u) => u.id).sort()).toEqual([ids.opA, ids.opB, ids.committee].sort());
    expect(all.entities).toEqual(['annual_target', 'application', 'carrier', 'venture']);
    expect(all.actions).toEqual(['application.submit', 'carrier.updateAccreditation', 'carrier.updateProfile', 'target.update', 'venture.update']);
    const a = await auditFilterChoices(handle.db, scopeA);
    expect(a.users.map((u) => u.id)).toEqual([ids.opA]);
    expect(a.entities).toEqual(['application', 'carrier', 'venture']);
    expect(a.actions).toEqual(['application.submit', 'carrier.updateProfile', 'venture.update']);
    expect((await auditCarrierChoices(handle.db, scopeA)).map((c) => c.id)).toEqual([ids.carrierA]);
  });
});

describe('entityHistory', () => {
  it("gives a record's newest 20 entries and the number of all", async () => {
    const { rows, total } = await entityHistory(handle.db, ALL, 'carrier', ids.carrierA);
    expect(total).toBe(30);
    expect(rows).toHaveLength(20);
    expect(rows[0]!.after).toEqual({ contactName: '联系人29' });
    expect(rows.every((r) => r.entity === 'carrier' && r.entityId === String(ids.carrierA))).toBe(true);
  });

  it("never shows an operator another carrier's record", async () => {
    expect(await entityHistory(handle.db, scopeB, 'carrier', ids.carrierA)).toEqual({ rows: [], total: 0 });
    expect(await entityHistory(handle.db, scopeA, 'venture', 20)).toEqual({ rows: [], total: 0 });
    expect((await entityHistory(handle.db, scopeA, 'venture', 10)).total).toBe(1);
  });
});

describe('GET /api/committee/export/audit', () => {
  const GET = async (q: string) => {
    const route = await import('@/app/api/committee/export/audit/route');
    return route.GET(new Request(`http://localhost/api/committee/export/audit?${q}`));
  };
  const sheetRows = async (res: Response) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const rows: string[][] = [];
    wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
    return rows;
  };

  it('refuses anonymous visitors (401) and operators (403)', async () => {
    session.user = null;
    expect((await GET('')).status).toBe(401);
    session.user = { id: ids.opA, role: 'operator' };
    session.carrierIds = [ids.carrierA];
    expect((await GET('')).status).toBe(403);
  });

  it('exports the filtered entries for the committee', async () => {
    session.user = { id: ids.committee, role: 'committee' };
    const res = await GET(`carrier=${ids.carrierB}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment;.*\.xlsx/);
    const rows = await sheetRows(res);
    expect(rows[0]).toEqual(['at', 'user', 'role', 'action', 'actionCode', 'entity', 'entityId', 'recordName', 'carrier', 'ip', 'changes']);
    const body = rows.slice(1);
    expect(body.map((r) => `${r[4]}|${r[6]}`)).toEqual(expected((s) => s.carrier === ids.carrierB));
    expect(body.every((r) => r[8] === names.carrierB)).toBe(true);
    expect(body[0]![0]).toBe('2026-03-04 11:00:00');
  });

  it('exports everything for the audit administrator, with the changes in words', async () => {
    session.user = { id: ids.admin, role: 'auditor' };
    const rows = (await sheetRows(await GET('entity=venture'))).slice(1);
    expect(rows.map((r) => `${r[4]}|${r[6]}`)).toEqual(['venture.update|20', 'venture.update|10']);
    expect(rows[1]![10]).toBe('名称：旧名 → 新名');
    expect(rows[1]![1]).toBe(names.opA);
  });
});

describe('security events', () => {
  const SECURITY_READER = { kind: 'all', security: true } as const;
  let before: number;

  it('are written for every export, with who, from where, which list and how many rows', async () => {
    before = (await list(SECURITY_READER, { kind: 'security' })).total;
    session.user = { id: ids.committee, role: 'committee' };
    const route = await import('@/app/api/committee/export/audit/route');
    const res = await route.GET(
      new Request(`http://localhost/api/committee/export/audit?carrier=${ids.carrierA}`, {
        headers: { 'x-portal-peer': '10.9.8.7', 'x-forwarded-for': '6.6.6.6' },
      }),
    );
    expect(res.status).toBe(200);
    const { rows, total } = await list(SECURITY_READER, { kind: 'security' });
    expect(total).toBe(before + 1);
    expect(rows[0]).toMatchObject({ userId: ids.committee, role: 'committee', action: 'export', entity: 'list', entityId: 'audit', ip: '10.9.8.7' });
    expect(rows[0]!.after).toEqual({ rows: expected((s) => s.carrier === ids.carrierA).length, filters: `carrier=${ids.carrierA}` });
  });

  it('are not written for a refused export', async () => {
    session.user = { id: ids.opA, role: 'operator' };
    const route = await import('@/app/api/committee/export/audit/route');
    expect((await route.GET(new Request('http://localhost/api/committee/export/audit'))).status).toBe(403);
    expect((await list(SECURITY_READER, { kind: 'security' })).total).toBe(before + 1);
  });

  it('are read only by the readers of security events, and filter as a kind of their own', async () => {
    await handle.db.insert(auditLog).values({
      at: new Date('2026-03-05T08:00:00+08:00'),
      userId: ids.opA,
      role: 'operator',
      action: 'auth.signIn',
      entity: 'user',
      entityId: String(ids.opA),
      carrierId: null,
      ip: '10.0.0.2',
      prevHash: 'x',
      hash: 'y',
    });
    const changes = expected(() => true);
    // The committee and an operator see changes to records only, whatever kind they ask for.
    for (const kind of [undefined, 'security', 'changes'] as const) {
      expect(got((await list(ALL, { kind })).rows), String(kind)).toEqual(changes);
      expect(got((await list(auditScope('committee', ALL), { kind })).rows)).toEqual(changes);
      expect((await list(scopeA, { kind })).rows.some((r) => r.action === 'auth.signIn' || r.action === 'export')).toBe(false);
    }
    expect((await auditFilterChoices(handle.db, ALL)).actions).not.toContain('auth.signIn');
    // The reader of security events sees both, and each kind alone.
    const security = await list(SECURITY_READER, { kind: 'security' });
    expect(security.rows.every((r) => r.action === 'auth.signIn' || r.action === 'export')).toBe(true);
    expect(security.rows.map((r) => r.action)).toContain('auth.signIn');
    expect(got((await list(SECURITY_READER, { kind: 'changes' })).rows)).toEqual(changes);
    expect((await list(SECURITY_READER, {})).total).toBe(changes.length + security.total);
    expect((await auditFilterChoices(handle.db, SECURITY_READER)).actions).toContain('auth.signIn');
  });
});
