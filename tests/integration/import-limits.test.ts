import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { importReports, importVentures } from '@/db/queries/ventures/transfer';
import { auditLog, ventures } from '@/db/schema';
import { translateEn, translateZh } from '@/lib/spreadsheet/test-support';
import { setUpOperatorDatabase } from '../helpers/operator-db';
import { emptyRowsBomb } from '../helpers/zip';

/** The import refuses hostile files with a message of their own, writing nothing (docs/imports.md). */
const TODAY = '2026-02-01';
const env = setUpOperatorDatabase();
const counts = async () => ({
  ventures: (await env.handle.db.select({ n: count() }).from(ventures))[0]!.n,
  audit: (await env.handle.db.select({ n: count() }).from(auditLog))[0]!.n,
});

describe('hostile import files', () => {
  it('refuses a zip bomb of empty rows with the blank-rows message in either language, writing nothing', async () => {
    const before = await counts();
    const bomb = emptyRowsBomb(4_200_000);
    const en = await importVentures(env.handle.db, env.op.actor, env.op.scope, bomb, 'bomb.xlsx', TODAY, { translate: translateEn });
    expect(en).toEqual({ ok: false, errors: [], errorCount: 0, message: expect.stringContaining('more than 50000 rows, counting the blank ones') });
    const zh = await importReports(
      env.handle.db,
      env.op.actor,
      env.op.scope,
      { carrierId: env.op.incubator.id, year: 2025, quarter: 4 },
      bomb,
      'bomb.xlsx',
      TODAY,
      { translate: translateZh },
    );
    expect(zh).toMatchObject({ ok: false, message: expect.stringContaining('文件超过 50000 行（含空行）') });
    expect(await counts()).toEqual(before);
  });

  it('refuses a CSV of only line breaks, and a file whose client has gone, writing nothing', async () => {
    const before = await counts();
    const newlines = new Uint8Array(20 * 1024 * 1024).fill(0x0a);
    const result = await importVentures(env.handle.db, env.op.actor, env.op.scope, newlines, 'newlines.csv', TODAY, { translate: translateEn });
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('counting the blank ones') });
    const gone = AbortSignal.abort();
    const aborted = await importVentures(env.handle.db, env.op.actor, env.op.scope, newlines, 'newlines.csv', TODAY, { translate: translateEn, signal: gone });
    expect(aborted).toMatchObject({ ok: false, message: 'The import was cancelled before the file was read.' });
    expect(await counts()).toEqual(before);
  });
});
