import { count } from 'drizzle-orm';
import fc from 'fast-check';
import { createTranslator } from 'next-intl';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import type { DatabaseHandle } from '@/db/connect';
import { importVentures } from '@/db/queries/ventures/transfer';
import { auditLog, residencies, ventureFinancings, ventures } from '@/db/schema';
import { MESSAGE_FILES } from '@/lib/i18n/files';
import { admissionInput, financingInput, ventureEditInput } from '@/lib/validation/venture';
import { validCreditCode } from '../helpers/credit-code-spec';
import { openTestDatabase } from '../helpers/db';
import { makeResidentCompany } from '../helpers/fixtures';
import { hostileValue } from '../helpers/hostile';
import { makeOperatorWithCarriers } from '../helpers/residency-fixtures';
import { companyCells, translate, venturesWorkbook, type VentureCells } from '../helpers/transfer-fixtures';

/**
 * Hostile input to the import and to server actions on a real database: whenever validation
 * refuses it, not one row is written (ventures, residencies, financings, audit entries).
 */
let handle: DatabaseHandle;
let op: Awaited<ReturnType<typeof makeOperatorWithCarriers>>;

vi.mock('@/db/client', () => ({ getDb: () => handle.db }));
vi.mock('@/lib/server/authz', () => ({
  requireRole: async () => ({ id: op.user.id, role: 'operator', email: op.user.email, name: op.user.name }),
  scopeFor: async () => op.scope,
}));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ origin: 'http://portal.test', host: 'portal.test' }) }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
vi.mock('next-intl/server', async () => {
  const messages = Object.assign({}, ...(await Promise.all(MESSAGE_FILES.map((f) => import(`@/messages/zh-CN/${f}.json`)))).map((m) => m.default));
  const translator = (namespace?: string) => createTranslator({ locale: 'zh-CN', messages, namespace: namespace as never });
  return { getTranslations: async (arg?: string | { namespace?: string }) => translator(typeof arg === 'string' ? arg : arg?.namespace) };
});

const { admitVenture } = await import('@/app/(portal)/operator/ventures/new/actions');
const { saveVenture, addVentureFinancing } = await import('@/app/(portal)/operator/ventures/[id]/edit/actions');

const TODAY = '2026-02-01';
let existing: { id: number; version: number };

async function counts() {
  const db = handle.db;
  const n = async (t: typeof ventures | typeof residencies | typeof auditLog | typeof ventureFinancings) => (await db.select({ n: count() }).from(t))[0]!.n;
  return { ventures: await n(ventures), residencies: await n(residencies), financings: await n(ventureFinancings), audit: await n(auditLog) };
}

beforeAll(async () => {
  handle = await openTestDatabase();
  op = await makeOperatorWithCarriers(handle.db);
  const v = await makeResidentCompany(handle.db, op.incubator.id);
  existing = { id: v.id, version: v.version };
});
afterAll(async () => {
  await handle?.close();
});

/** A valid form with one field replaced (or added) by a hostile value that the schema refuses. */
function spoiled(schema: z.ZodType, base: () => Record<string, unknown>) {
  return fc
    .tuple(fc.constantFrom(...Object.keys(base()), '__proto__', 'constructor'), hostileValue)
    .map(([key, value]) => ({ ...base(), [key]: value }))
    .filter((form) => !schema.safeParse(form).success);
}

describe('refused input writes nothing', () => {
  const admission = () => ({
    kind: 'company',
    carrierId: String(op.incubator.id),
    name: '属性测试企业',
    creditCode: '91310115MA1K3Y006M',
    industry: 'software',
    foundedOn: '2025-06-01',
    enteredOn: '2026-01-10',
    areaM2: '80',
    workstations: '6',
  });
  const edit = () => ({ ventureId: String(existing.id), version: String(existing.version), industry: 'software', founders: '张三' });
  const financing = () => ({
    ventureId: String(existing.id),
    version: String(existing.version),
    receivedOn: '2025-12-01',
    amountFen: '1,000,000',
    investor: '天使投资人',
  });

  it('the same pipeline writes a valid form (so the refusals above are the schema’s)', async () => {
    const before = await counts();
    const r = await admitVenture({ ...admission(), creditCode: '91310115MA1H7W00X8' });
    expect(r).toMatchObject({ ok: true });
    const after = await counts();
    expect(after.ventures).toBe(before.ventures + 1);
    expect(after.audit).toBeGreaterThan(before.audit);
  });

  for (const [name, action, schema, base] of [
    ['admitting a venture', admitVenture, admissionInput, admission],
    ['editing a venture', saveVenture, ventureEditInput, edit],
    ['adding a financing', addVentureFinancing, financingInput, financing],
  ] as const) {
    it(`${name}: a form the schema refuses is answered 'invalid' and changes no row`, async () => {
      const before = await counts();
      await fc.assert(
        fc.asyncProperty(spoiled(schema, base), async (form) => {
          const r = await action(form);
          expect(r).toMatchObject({ ok: false, code: 'invalid' });
          expect(Object.keys((r as { fieldErrors: object }).fieldErrors).length).toBeGreaterThan(0);
        }),
        { numRuns: 100 },
      );
      expect(await counts()).toEqual(before);
    });
  }

  it('importing: a sheet with a bad row writes nothing; a good one writes every row', async () => {
    const hostileRow = fc
      .tuple(fc.constantFrom<keyof VentureCells>('carrier', 'kind', 'name', 'creditCode', 'industry', 'enteredOn', 'areaM2', 'workstations'), hostileValue)
      .map(([key, value]) => ({ [key]: value }) as VentureCells);
    const outcomes = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.option(hostileRow, { freq: 3 }), { minLength: 1, maxLength: 4 }),
        fc.array(validCreditCode, { minLength: 4, maxLength: 4 }),
        async (spoils, codes) => {
          const rows = spoils.map((over, i) => companyCells(op.incubator.name, { creditCode: codes[i], ...(over ?? {}) }));
          const before = await counts();
          let bytes: Uint8Array;
          try {
            bytes = await venturesWorkbook(rows);
          } catch {
            return; // exceljs cannot write this cell at all; no user could send it.
          }
          const r = await importVentures(handle.db, op.actor, op.scope, bytes, 'hostile.xlsx', TODAY, { translate });
          const after = await counts();
          if (r.ok) {
            outcomes.add('written');
            expect(after.ventures).toBe(before.ventures + rows.length);
            expect(after.residencies).toBe(before.residencies + rows.length);
            expect(after.audit).toBeGreaterThan(before.audit);
          } else {
            outcomes.add('refused');
            // Refused by row (each error keyed to its cell) or, for a cell past the file's limits, as a whole file with its message.
            expect(r.errorCount > 0 || (r.message ?? '').length > 0).toBe(true);
            expect(after).toEqual(before);
          }
        },
      ),
      { numRuns: 50 },
    );
    expect([...outcomes].sort()).toEqual(['refused', 'written']);
  });

  it('importing: bytes that are not a workbook write nothing', async () => {
    const before = await counts();
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), fc.constantFrom('a.xlsx', 'a.csv', 'a.xls', 'a'), async (bytes, fileName) => {
        const zip = fileName.endsWith('.xlsx') ? Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...bytes]) : bytes;
        const r = await importVentures(handle.db, op.actor, op.scope, zip, fileName, TODAY, { translate });
        expect(r.ok).toBe(false);
      }),
      { numRuns: 100 },
    );
    expect(await counts()).toEqual(before);
  });
});
