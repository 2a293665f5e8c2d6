import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DatabaseHandle } from '@/db/connect';
import { listNetworkCarriers } from '@/db/queries/network';
import { listBlacklist } from '@/db/queries/oversight';
import { listVentures } from '@/db/queries/ventures';
import { blacklistEntries } from '@/db/schema';
import { openTestDatabase } from '../helpers/db';
import { makeCarrier } from '../helpers/fixtures';
import { capturingDb, planNodesByConditionIndexes } from '../helpers/query-plans';
import { makeTenant } from '../helpers/ventures-fixtures';

/**
 * Name search on both engines: pg_trgm is there (PGlite loads it when it opens), and each search
 * as the app builds it can be served by the trigram indexes of the columns it searches (asked with
 * sequential scans and whole-index walks made as dear as possible, since a few test rows are
 * always cheapest read whole; tests/integration/list-plans.test.ts asks at scale).
 */
const TODAY = '2026-06-30';
const page = { page: 1, pageSize: 25 };

let handle: DatabaseHandle;
let capture: ReturnType<typeof capturingDb>;
let ids: { named: number; english: number; company: number };
beforeAll(async () => {
  handle = await openTestDatabase();
  capture = capturingDb(handle);
  const db = handle.db;
  const named = await makeCarrier(db, 'incubator', { name: '浦江星辰孵化器', nameEn: null, operatorOrg: '浦江运营有限公司' });
  const english = await makeCarrier(db, 'nursery', { name: '张江苗圃', nameEn: 'Starlight Seed Garden', operatorOrg: '张江运营' });
  const company = await makeCarrier(db, 'accelerator', { name: '临港加速器', nameEn: null, operatorOrg: '星辰资本管理公司' });
  ids = { named: named.id, english: english.id, company: company.id };
  await makeTenant(db, named.id, '2025-03-01', { name: '星辰智能科技有限公司' });
  await db.insert(blacklistEntries).values({
    subjectType: 'venture',
    subjectName: '星辰失信企业',
    creditCode: '91310115MA1K00000X',
    misconduct: '虚报材料',
    outcome: '取消资格',
    handlingBody: '区科委',
    legalBasis: '管理办法',
    effectiveOn: '2026-01-01',
  });
});
afterAll(async () => {
  await handle?.close();
});

describe('name search', () => {
  it('runs on an engine with pg_trgm', async () => {
    const { rows } = await handle.db.execute<{ extname: string }>(sql`SELECT extname FROM pg_extension WHERE extname = 'pg_trgm'`);
    expect(rows.map((r) => r.extname)).toEqual(['pg_trgm']);
  });

  it('finds carriers by a part of the name, of the English name or of the operating company, with or without an English name', async () => {
    const found = async (q: string) => (await listNetworkCarriers(handle.db, TODAY, { q, ...page })).rows.map((r) => r.id).sort((a, b) => a - b);
    expect(await found('星辰')).toEqual([ids.named, ids.company].sort((a, b) => a - b));
    expect(await found('starlight')).toEqual([ids.english]);
    expect(await found('江运营')).toEqual([ids.named, ids.english].sort((a, b) => a - b));
    expect(await found('星_')).toEqual([]);
  });
});

const SEARCHES: [name: string, run: (db: Db) => Promise<unknown>, indexes: string[]][] = [
  [
    'ventures by name or credit code',
    (db) => listVentures(db, { kind: 'all' }, { q: '星辰智能' }, page, TODAY),
    ['ventures_name_trgm_idx', 'ventures_credit_code_trgm_idx'],
  ],
  [
    'carriers by name, English name or operating company',
    (db) => listNetworkCarriers(db, TODAY, { q: '星辰孵化', ...page }),
    ['carriers_name_trgm_idx', 'carriers_name_en_trgm_idx', 'carriers_operator_org_trgm_idx'],
  ],
  ['the blacklist by subject', (db) => listBlacklist(db, TODAY, { q: '失信企业', ...page }), ['blacklist_subject_name_trgm_idx']],
];

describe.each(SEARCHES)('the search of %s', (_name, run, indexes) => {
  it(`can read ${indexes.join(', ')}`, async () => {
    capture.take();
    await run(capture.db);
    const used = new Set<string>();
    for (const q of capture.take()) for (const node of await planNodesByConditionIndexes(handle, q)) if (node['Index Name']) used.add(node['Index Name']);
    for (const index of indexes) expect(used).toContain(index);
  });
});
