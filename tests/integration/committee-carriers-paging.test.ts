import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/connect';
import { carrierFigureJoins, figureSelect, figuresOfRow, withCarrierFigures } from '@/db/queries/network/carrier-figures';
import {
  carrierListOrder,
  listNetworkCarriers,
  networkCarrierFigures,
  reportingQuarter,
  type CarrierListFilter,
  type CarrierListRow,
} from '@/db/queries/network/carriers';
import { CARRIER_SORTS } from '@/lib/domain/network-lists';
import { openTestDatabase } from '../helpers/db';
import { makeCarrier } from '../helpers/fixtures';
import { makeGraduate, makeStay, type StaySpec } from '../helpers/committee-network-fixtures';

/**
 * The carrier list chooses its page first and computes the figures of that page's carriers only
 * (or, sorted by a figure or filtered on warnings, that figure over the network first). Here it is
 * held to the figures of every carrier computed at once over the whole network, sorted in the
 * same order and filtered and paged afterwards: same rows, figures and totals, for every sort,
 * both directions, the filters, every page and the page past the last.
 */
const TODAY = '2026-11-26';
const WAN = 1_000_000;
let handle: DatabaseHandle;

type CarrierSpec = {
  name: string;
  kind: 'incubator' | 'nursery' | 'accelerator';
  zone?: string;
  incubationAreaM2?: number;
  stays: StaySpec[];
  graduates?: ('verified' | 'pending')[];
};

const filed = (late = false): StaySpec['reports'] => [[2026, 3, late]];
const NETWORK: CarrierSpec[] = [
  {
    name: '阿尔法孵化器',
    kind: 'incubator',
    stays: [
      {
        name: '阿一',
        enteredOn: '2025-02-01',
        areaM2: 300,
        ruleWarnings: ['founded_over_24_months'],
        financings: [['2025-05-01', 600 * WAN]],
        reports: filed(true),
      },
      { name: '阿二', enteredOn: '2020-01-01', areaM2: 500, reports: filed() },
      { name: '阿三', enteredOn: '2025-09-01', areaM2: 200 },
    ],
    graduates: ['verified', 'verified', 'pending'],
  },
  { name: '北辰苗圃', kind: 'nursery', incubationAreaM2: 0, stays: [{ name: '北一', kind: 'team', enteredOn: '2026-01-10', areaM2: 40, reports: filed() }] },
  { name: '成都路孵化器', kind: 'incubator', incubationAreaM2: 1_000, stays: [] },
  {
    name: '东方加速器',
    kind: 'accelerator',
    zone: '陆家嘴',
    stays: [
      { name: '东一', stage: 'accelerating', enteredOn: '2024-06-01', areaM2: 800, financings: [['2026-01-01', 100 * WAN]], reports: filed() },
      { name: '东二', stage: 'accelerating', enteredOn: '2025-06-01', areaM2: 800 },
    ],
    graduates: ['verified'],
  },
  {
    name: '恩泽孵化器',
    kind: 'incubator',
    stays: [
      { name: '恩一', enteredOn: '2024-01-01', areaM2: 100, financings: [['2024-05-01', 50 * WAN]], reports: filed() },
      { name: '恩二', enteredOn: '2024-02-01', areaM2: 100, financings: [['2027-01-01', 50 * WAN]], reports: filed() },
      { name: '恩三', enteredOn: '2024-03-01', areaM2: 100, reports: filed(true) },
    ],
  },
  {
    name: '丰收苗圃',
    kind: 'nursery',
    zone: '陆家嘴',
    stays: [{ name: '丰一', kind: 'team', enteredOn: '2025-01-01', leftOn: '2026-08-15', areaM2: 30 }],
    graduates: ['pending'],
  },
  { name: '光明孵化器', kind: 'incubator', zone: '陆家嘴', stays: [{ name: '光一', enteredOn: '2021-01-01', areaM2: 8_000, reports: filed() }] },
  { name: '海港孵化器', kind: 'incubator', stays: [{ name: '海一', enteredOn: '2026-02-01', areaM2: 100, reports: filed() }] },
];

type Row = { id: number; name: string; kind: string; zone: string } & ReturnType<typeof figuresOfRow>;

/** Every carrier with its figures in the list's order, computed over the whole network in one statement. */
async function wholeNetwork(f: CarrierListFilter): Promise<Row[]> {
  const result = await handle.db.execute(sql`
    ${withCarrierFigures(TODAY, reportingQuarter(TODAY))}
    SELECT c.id, c.name, c.kind, c.zone, ${figureSelect}
    FROM carriers c ${carrierFigureJoins}
    ORDER BY ${carrierListOrder(f)}`);
  return (result.rows as Record<string, unknown>[])
    .map((r) => ({ id: Number(r.id), name: String(r.name), kind: String(r.kind), zone: String(r.zone), ...figuresOfRow(r) }))
    .filter((r) => (!f.kind || r.kind === f.kind) && (!f.zone || r.zone === f.zone) && (!f.q || r.name.includes(f.q)) && (!f.warnings || r.warnings > 0));
}

/** A list row as the whole-network computation gives it. */
const asRow = (r: CarrierListRow): Row => ({ id: r.id, name: r.name, kind: r.kind, zone: r.zone, ...figuresOfRow(r as unknown as Record<string, unknown>) });

beforeAll(async () => {
  handle = await openTestDatabase();
  for (const spec of NETWORK) {
    const carrier = await makeCarrier(handle.db, spec.kind, {
      name: spec.name,
      zone: spec.zone ?? '张江',
      ...(spec.incubationAreaM2 === undefined ? {} : { incubationAreaM2: spec.incubationAreaM2 }),
    });
    for (const stay of spec.stays) await makeStay(handle.db, carrier.id, stay);
    for (const [i, status] of (spec.graduates ?? []).entries()) {
      await makeGraduate(handle.db, carrier.id, { name: `${spec.name}毕业${i}`, graduatedOn: `2025-0${i + 3}-30`, status });
    }
  }
});

afterAll(async () => handle?.close());

describe('the carrier list, page first', () => {
  const filters: CarrierListFilter[] = [
    {},
    { kind: 'incubator' },
    { zone: '陆家嘴' },
    { q: '孵化器' },
    { warnings: true },
    { warnings: true, kind: 'incubator' },
  ];

  it('has carriers with ties, empty figures and warnings to order', async () => {
    const all = await wholeNetwork({});
    expect(all).toHaveLength(NETWORK.length);
    expect(all.filter((r) => r.tenants === 3)).toHaveLength(2);
    expect(all.filter((r) => r.occupancy === null).length).toBeGreaterThan(0);
    expect(all.filter((r) => r.timeliness === null).length).toBeGreaterThan(0);
    expect(all.filter((r) => r.warnings > 0).length).toBeGreaterThan(1);
    expect(all.filter((r) => r.graduates > 0).length).toBeGreaterThan(1);
  });

  for (const sort of CARRIER_SORTS) {
    for (const dir of ['asc', 'desc'] as const) {
      it(`gives the rows, figures and totals of the whole-network computation, by ${sort} ${dir}`, async () => {
        for (const filter of filters) {
          const f = { ...filter, sort, dir };
          const expected = await wholeNetwork(f);
          const pageSize = 3;
          const lastPage = Math.max(1, Math.ceil(expected.length / pageSize));
          for (let page = 1; page <= lastPage + 1; page++) {
            const got = await listNetworkCarriers(handle.db, TODAY, { ...f, page, pageSize });
            const want = expected.slice((page - 1) * pageSize, page * pageSize);
            expect(got.total, `${JSON.stringify(f)} page ${page}`).toBe(expected.length);
            expect(got.rows.map(asRow), `${JSON.stringify(f)} page ${page}`).toEqual(want);
          }
        }
      });
    }
  }

  it('gives an empty page and no total when nothing matches, and the total past the last page', async () => {
    expect(await listNetworkCarriers(handle.db, TODAY, { q: '不存在的载体', page: 1, pageSize: 3 })).toMatchObject({ rows: [], total: 0 });
    const past = await listNetworkCarriers(handle.db, TODAY, { page: 9, pageSize: 3 });
    expect(past.rows).toEqual([]);
    expect(past.total).toBe(NETWORK.length);
    const second = await listNetworkCarriers(handle.db, TODAY, { page: 2, pageSize: 5 });
    expect(second.rows.map((r) => r.name)).toEqual((await wholeNetwork({})).slice(5).map((r) => r.name));
  });

  it("reads one carrier's figures as the whole-network computation gives them", async () => {
    for (const row of await wholeNetwork({})) {
      const one = await networkCarrierFigures(handle.db, TODAY, row.id);
      expect(one && asRow(one)).toEqual(row);
    }
    expect(await networkCarrierFigures(handle.db, TODAY, 999_999)).toBeNull();
  });
});
