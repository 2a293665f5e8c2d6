import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/connect';
import type { AuthUser } from '@/db/queries/accounts/users';
import { auditLog, residencies, ventureReports } from '@/db/schema';
import { auditExportFile } from '@/lib/server/audit-view/export';
import { namesOfPage } from '@/lib/server/audit-view/names';
import { openTestDatabase } from '../helpers/db';
import { translatorOf } from '../helpers/catalogue';
import { bindOperator, makeCarrier, makeResidentCompany, makeUser } from '../helpers/fixtures';

let handle: DatabaseHandle;
vi.mock('@/db/client', () => ({ getDb: () => handle.db }));
// Headings come back as their keys; the whole catalogue (asked for with no namespace) is the real one.
vi.mock('next-intl/server', () => ({
  getTranslations: async (arg?: string | { locale: 'zh-CN' | 'en'; namespace?: string }) =>
    typeof arg === 'object' && !arg.namespace
      ? (await import('../helpers/catalogue')).translatorOf(arg.locale)
      : Object.assign((key: string) => key, { has: () => false }),
}));
vi.mock('@/lib/server/authz', () => ({ scopeFor: async (u: { role: string }) => (u.role === 'committee' ? { kind: 'all' } : { kind: 'none' }) }));

let carrier: { id: number; name: string };
let decider: { id: number; name: string };
let account: { id: number; name: string };
let committee: AuthUser;

beforeAll(async () => {
  handle = await openTestDatabase();
  const db = handle.db;
  carrier = await makeCarrier(db, 'incubator', { nameEn: 'Test Incubator' });
  decider = await makeUser(db, 'committee');
  account = await makeUser(db, 'operator');
  await bindOperator(db, account.id, carrier.id);
  committee = { ...(await makeUser(db, 'committee')), carrierIds: [] } as unknown as AuthUser;
  await db.insert(auditLog).values([
    {
      at: new Date('2026-03-01T02:00:00Z'),
      userId: decider.id,
      role: 'committee' as const,
      action: 'user.updated',
      entity: 'user',
      entityId: String(account.id),
      carrierId: null,
      before: { carrierIds: [] },
      after: { carrierIds: [carrier.id] },
      prevHash: 'h0',
      hash: 'h1',
    },
    {
      at: new Date('2026-03-02T02:00:00Z'),
      userId: decider.id,
      role: 'committee' as const,
      action: 'application.reject',
      entity: 'application',
      entityId: '999999',
      carrierId: carrier.id,
      before: { status: 'in_review', version: 9 },
      after: { status: 'rejected', decidedBy: decider.id, version: 10 },
      prevHash: 'h1',
      hash: 'h2',
    },
  ]);
});

afterAll(async () => {
  await handle?.close();
});

const sheetRows = async (bytes: Uint8Array | Buffer) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const rows: string[][] = [];
  wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
  return rows;
};

describe('names instead of ids in the audit log', () => {
  it('names the carriers, people and records of a page, as the reader knows them', async () => {
    const rows = [{ entity: 'user', entityId: String(account.id), before: null, after: { carrierIds: [carrier.id], decidedBy: decider.id } }];
    const committeeEn = await namesOfPage(rows, 'committee', 'en');
    expect(committeeEn.carrier?.get(carrier.id)).toBe('Test Incubator');
    expect(committeeEn.user?.get(decider.id)).toBe(decider.name);
    expect(committeeEn.user?.get(account.id)).toBe(account.name);
    // An operator's carrier pages name the carrier by its registered name in every language.
    expect((await namesOfPage(rows, 'operator', 'en')).carrier?.get(carrier.id)).toBe(carrier.name);
  });

  it('names a quarterly report by its venture and quarter, not by its number', async () => {
    const venture = await makeResidentCompany(handle.db, carrier.id);
    const [report] = await handle.db
      .insert(ventureReports)
      .values({ ventureId: venture.id, carrierId: carrier.id, year: 2026, quarter: 3, employees: 4 })
      .returning();
    const names = await namesOfPage(
      [{ entity: 'venture_report', entityId: String(report!.id), before: { employees: 4 }, after: { employees: 248 } }],
      'operator',
      'zh-CN',
    );
    // The period is the reports catalogue's own words (the mocked translator returns the key).
    expect(names.report?.get(report!.id)).toBe(`${venture.name} · period`);
    // A stay is known by its venture too.
    const [stay] = await handle.db.select({ id: residencies.id }).from(residencies).where(eq(residencies.ventureId, venture.id));
    const stays = await namesOfPage([{ entity: 'residency', entityId: String(stay!.id), before: null, after: { areaM2: 100 } }], 'operator', 'zh-CN');
    expect(stays.residency?.get(stay!.id)).toBe(venture.name);
  });

  it('exports the changes with names, without the version, and the action code in its own column', async () => {
    const { bytes } = await auditExportFile(committee, {}, 'zh-CN', '2026-03-05');
    const [heading, ...body] = await sheetRows(bytes);
    const col = (key: string) => heading!.indexOf(key);
    const byCode = (code: string) => body.find((r) => r[col('actionCode')] === code)!;
    expect(byCode('user.updated')[col('recordName')]).toBe(account.name);
    expect(byCode('user.updated')[col('changes')]).toBe(`绑定载体：— → ${carrier.name}`);
    const status = (code: string) => (translatorOf('zh-CN') as unknown as (key: string) => string)(`glossary.applicationStatus.${code}`);
    expect(byCode('application.reject')[col('changes')]).toBe(`状态：${status('in_review')} → ${status('rejected')}\n决定人：— → ${decider.name}`);
  });
});
