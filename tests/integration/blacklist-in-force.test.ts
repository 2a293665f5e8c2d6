/** "A blacklist entry in force" is one rule: the SQL condition the queries use agrees with lib/domain/blacklist.ts. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/connect';
import { entryInForce } from '@/db/queries/oversight/blacklist';
import { blacklistedCodes } from '@/db/queries/ventures/admission';
import { blacklistEntries } from '@/db/schema';
import { blacklistEntryInForce, type BlacklistTerm } from '@/lib/domain/blacklist';
import { openTestDatabase } from '../helpers/db';

const TODAY = '2026-06-15';
const TERMS: BlacklistTerm[] = [
  { effectiveOn: TODAY, sanctionEndsOn: null, liftedOn: null },
  { effectiveOn: '2026-06-16', sanctionEndsOn: null, liftedOn: null },
  { effectiveOn: '2025-01-01', sanctionEndsOn: TODAY, liftedOn: null },
  { effectiveOn: '2025-01-01', sanctionEndsOn: '2026-06-14', liftedOn: null },
  { effectiveOn: '2020-01-01', sanctionEndsOn: null, liftedOn: TODAY },
  { effectiveOn: '2020-01-01', sanctionEndsOn: '2030-01-01', liftedOn: '2021-01-01' },
  { effectiveOn: '2020-01-01', sanctionEndsOn: '2030-01-01', liftedOn: null },
];
const code = (i: number) => `91310115MA1H${String(i).padStart(6, '0')}`;

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
  await handle.db.insert(blacklistEntries).values(
    TERMS.map((t, i) => ({
      ...t,
      liftReason: t.liftedOn ? '信用修复' : null,
      subjectType: 'venture' as const,
      subjectName: `主体${i}`,
      creditCode: code(i),
      misconduct: '虚报',
      outcome: '取消资格',
      handlingBody: '区科经委',
      legalBasis: '沪科规〔2024〕12号',
    })),
  );
});
afterAll(async () => {
  await handle?.close();
});

describe('a blacklist entry in force', () => {
  it('is the same set of entries in SQL as by the domain rule', async () => {
    const expected = TERMS.flatMap((t, i) => (blacklistEntryInForce(t, TODAY) ? [code(i)] : []));
    expect(expected).toEqual([code(0), code(2), code(6)]);
    const rows = await handle.db.select({ code: blacklistEntries.creditCode }).from(blacklistEntries).where(entryInForce(TODAY));
    expect(rows.map((r) => r.code).sort()).toEqual(expected);
    expect(
      [
        ...(await blacklistedCodes(
          handle.db,
          TERMS.map((_, i) => code(i)),
          TODAY,
        )),
      ].sort(),
    ).toEqual(expected);
  });
});
