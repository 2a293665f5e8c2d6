import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/connect';
import { CARRIER_LIST_LIMIT, carrierFilterChoices, searchCarrierChoices } from '@/db/queries/carriers/choices';
import { carriers } from '@/db/schema';
import { openTestDatabase } from '../helpers/db';
import { makeCarrier } from '../helpers/fixtures';

/**
 * The committee's carrier filters: a small network lists every carrier; a larger one offers only
 * the chosen carrier in the page and finds the others by a part of their name as one types.
 */
let handle: DatabaseHandle;
let zhangjiang: number;

beforeAll(async () => {
  handle = await openTestDatabase();
  zhangjiang = (await makeCarrier(handle.db, 'incubator', { name: '张江创新孵化器', nameEn: 'Zhangjiang Innovation Incubator' })).id;
  await makeCarrier(handle.db, 'accelerator', { name: '陆家嘴金融加速器', nameEn: 'Lujiazui Finance Accelerator' });
  await makeCarrier(handle.db, 'nursery', { name: '100%众创空间', nameEn: null });
});
afterAll(async () => {
  await handle?.close();
});

describe('searchCarrierChoices', () => {
  it('finds carriers by a part of the Chinese or the English name', async () => {
    expect((await searchCarrierChoices(handle.db, '孵化')).map((c) => c.name)).toEqual(['张江创新孵化器']);
    expect((await searchCarrierChoices(handle.db, 'finance')).map((c) => c.name)).toEqual(['陆家嘴金融加速器']);
    expect((await searchCarrierChoices(handle.db, ' 张江 ')).map((c) => c.id)).toEqual([zhangjiang]);
  });

  it('matches what was typed as it is, LIKE’s wildcards included, and nothing for blank', async () => {
    expect((await searchCarrierChoices(handle.db, '100%')).map((c) => c.name)).toEqual(['100%众创空间']);
    expect(await searchCarrierChoices(handle.db, '%')).toHaveLength(1);
    expect(await searchCarrierChoices(handle.db, '_')).toHaveLength(0);
    expect(await searchCarrierChoices(handle.db, '   ')).toEqual([]);
  });

  it('offers at most the limit asked', async () => {
    expect(await searchCarrierChoices(handle.db, '器', 1)).toHaveLength(1);
  });
});

describe('carrierFilterChoices', () => {
  it('lists every carrier of a small network', async () => {
    const choices = await carrierFilterChoices(handle.db, zhangjiang);
    expect('list' in choices && choices.list.map((c) => c.name).sort()).toEqual(['100%众创空间', '张江创新孵化器', '陆家嘴金融加速器'].sort());
  });

  it('offers only the chosen carrier once the network has more than the limit', async () => {
    await handle.db.insert(carriers).values(
      Array.from({ length: CARRIER_LIST_LIMIT }, (_, i) => ({
        name: `批量载体${String(i).padStart(4, '0')}`,
        kind: 'incubator' as const,
        ownership: 'state' as const,
        operatorOrg: '测试运营公司',
        zone: '张江',
        totalAreaM2: 1_000,
        incubationAreaM2: 800,
        publicServiceAreaM2: 100,
      })),
    );
    expect(await carrierFilterChoices(handle.db, zhangjiang)).toEqual({
      search: true,
      chosen: { id: zhangjiang, name: '张江创新孵化器', nameEn: 'Zhangjiang Innovation Incubator', kind: 'incubator' },
    });
    expect(await carrierFilterChoices(handle.db, undefined)).toEqual({ search: true, chosen: null });
    expect(await carrierFilterChoices(handle.db, 999_999)).toEqual({ search: true, chosen: null });
    expect((await searchCarrierChoices(handle.db, '批量载体')).length).toBe(20);
  });
});
