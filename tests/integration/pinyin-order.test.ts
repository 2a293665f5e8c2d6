import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/connect';
import { allCarrierChoices } from '@/db/queries/carriers/choices';
import { listNetworkCarriers } from '@/db/queries/network/carriers';
import { listVentures, carrierChoices } from '@/db/queries/ventures/list';
import type { Scope } from '@/lib/roles';
import { openTestDatabase, postgresUrl } from '../helpers/db';
import { bindOperator, makeCarrier, makeUser } from '../helpers/fixtures';
import { makeVenture } from '../helpers/ventures-fixtures';

/**
 * Names sort in pinyin order on PostgreSQL (its ICU collation "zh-x-icu"); the embedded PGlite
 * has no Chinese tailoring and keeps Chinese characters in code point order.
 */
const TODAY = '2026-05-20';
const FIRSTS = ['张', '上', '阿', '北', '成', '浙'];
const PINYIN = ['阿', '北', '成', '上', '张', '浙'];
const CODE_POINT = [...FIRSTS].sort();
const expected = postgresUrl ? PINYIN : CODE_POINT;

let handle: DatabaseHandle;
let scope: Scope;
let carrierIds: number[];
beforeAll(async () => {
  handle = await openTestDatabase();
  const op = await makeUser(handle.db, 'operator');
  const carriers = [];
  for (const f of FIRSTS) carriers.push(await makeCarrier(handle.db, 'incubator', { name: `${f}拼音序孵化器` }));
  carrierIds = carriers.map((c) => c.id);
  for (const c of carriers) await bindOperator(handle.db, op.id, c.id);
  scope = { kind: 'carriers', carrierIds };
  for (const f of FIRSTS) {
    await makeVenture(handle.db, {
      name: `${f}拼音序企业`,
      stage: 'incubating',
      currentCarrierId: carrierIds[0]!,
      residencies: [{ carrierId: carrierIds[0]!, stage: 'incubating', enteredOn: '2025-01-01' }],
    });
  }
});
afterAll(async () => {
  await handle?.close();
});

const firsts = (names: string[]) => names.filter((n) => n.includes('拼音序')).map((n) => n[0]);

describe('names in the order Chinese readers expect', () => {
  it('the premise: pinyin order is not code point order', () => {
    expect(PINYIN).not.toEqual(CODE_POINT);
    expect([...FIRSTS].sort(new Intl.Collator('zh-CN').compare)).toEqual(PINYIN);
  });

  it(`sorts the operator's ventures list by name in ${postgresUrl ? 'pinyin' : 'code point'} order, either way round`, async () => {
    const page = { page: 1, pageSize: 50 };
    const asc = await listVentures(handle.db, scope, { q: '拼音序', sort: 'name' }, page, TODAY);
    expect(firsts(asc.rows.map((r) => r.name))).toEqual(expected);
    const desc = await listVentures(handle.db, scope, { q: '拼音序', sort: 'name', dir: 'desc' }, page, TODAY);
    expect(firsts(desc.rows.map((r) => r.name))).toEqual([...expected].reverse());
  });

  it("sorts the committee's carriers list and the carrier choices the same way", async () => {
    const { rows } = await listNetworkCarriers(handle.db, TODAY, { q: '拼音序', page: 1, pageSize: 50 });
    expect(firsts(rows.map((r) => r.name))).toEqual(expected);
    expect(firsts((await allCarrierChoices(handle.db)).map((c) => c.name))).toEqual(expected);
    expect(firsts((await carrierChoices(handle.db, scope)).map((c) => c.name))).toEqual(expected);
  });
});
