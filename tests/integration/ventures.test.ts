import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/connect';
import { listVentures, type VentureFilters } from '@/db/queries/ventures/list';
import { incubationLimitStatus } from '@/lib/domain/tenancy';
import type { Scope } from '@/lib/roles';
import { openTestDatabase } from '../helpers/db';
import { makeTenant, makeVenture, twoOperatorWorld } from '../helpers/ventures-fixtures';

/** The ventures list: whose ventures, each filter, sorting and paging. */
const TODAY = '2026-05-20';
let handle: DatabaseHandle;
let scope: Scope;
let incA: number;
let nurA: number;
let incB: number;

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ scope, incA, nurA, incB } = await twoOperatorWorld(handle.db));
});
afterAll(async () => {
  await handle?.close();
});
let tagN = 0;
const tag = () => `T${tagN++}x`;

const page = { page: 1, pageSize: 100 };
const ids = async (f: VentureFilters, today = TODAY) => (await listVentures(handle.db, scope, f, page, today)).rows.map((r) => r.id).sort((a, b) => a - b);
const sorted = (...xs: { id: number }[]) => xs.map((x) => x.id).sort((a, b) => a - b);

describe('which ventures an operator sees', () => {
  it('current tenants, graduates and exits of their carriers, and those now elsewhere as their own period left them', async () => {
    const t = tag();
    const tenant = await makeTenant(handle.db, incA, '2025-01-01', { name: `${t}在孵` });
    const team = await makeVenture(handle.db, {
      name: `${t}团队`,
      kind: 'team',
      stage: 'nursery',
      currentCarrierId: nurA,
      residencies: [{ carrierId: nurA, stage: 'nursery', enteredOn: '2025-03-01' }],
    });
    const graduate = await makeVenture(handle.db, {
      name: `${t}毕业`,
      stage: 'graduated',
      currentCarrierId: incA,
      residencies: [{ carrierId: incA, stage: 'incubating', enteredOn: '2021-01-01', leftOn: '2024-01-01', exitReason: 'graduated' }],
    });
    const exited = await makeVenture(handle.db, {
      name: `${t}退出`,
      stage: 'exited',
      currentCarrierId: null,
      residencies: [
        { carrierId: incB, stage: 'incubating', enteredOn: '2020-01-01', leftOn: '2021-01-01', exitReason: 'moved' },
        { carrierId: incA, stage: 'incubating', enteredOn: '2021-01-01', leftOn: '2023-01-01', exitReason: 'failed' },
      ],
    });
    await makeTenant(handle.db, incB, '2025-01-01', { name: `${t}他人在孵` });
    const movedOn = await makeVenture(handle.db, {
      name: `${t}已转入他处`,
      stage: 'accelerating',
      currentCarrierId: incB,
      residencies: [
        { carrierId: incA, stage: 'incubating', enteredOn: '2021-01-01', leftOn: '2024-01-01', exitReason: 'graduated' },
        { carrierId: incB, stage: 'accelerating', enteredOn: '2024-02-01' },
      ],
    });
    const leftElsewhere = await makeVenture(handle.db, {
      name: `${t}最后在他处退出`,
      stage: 'exited',
      currentCarrierId: null,
      residencies: [
        { carrierId: incA, stage: 'incubating', enteredOn: '2020-01-01', leftOn: '2021-01-01', exitReason: 'moved' },
        { carrierId: incB, stage: 'incubating', enteredOn: '2021-01-01', leftOn: '2023-01-01', exitReason: 'failed' },
      ],
    });
    // A venture that lived a stay in the operator's carriers stays in their lists (docs/data-ownership.md);
    // one never in their carriers does not appear.
    expect(await ids({ q: t })).toEqual(sorted(tenant, team, graduate, exited, movedOn, leftElsewhere));
    expect(await ids({ q: t, carrierId: nurA })).toEqual(sorted(team));
    expect(await ids({ q: t, carrierId: incA })).toEqual(sorted(tenant, graduate, exited, movedOn, leftElsewhere));
    expect(await ids({ q: t, carrierId: incB })).toEqual([]);
    const { rows } = await listVentures(handle.db, scope, { q: t, sort: 'name' }, page, TODAY);
    // Those now elsewhere show the stage their stay here ended with, and nothing of the later carrier.
    expect(rows.find((r) => r.id === movedOn.id)).toMatchObject({
      current: false,
      stage: 'graduated',
      currentCarrierId: null,
      currentCarrierName: null,
      lastCarrierName: '甲孵化器',
      enteredOn: '2021-01-01',
      limitStatus: null,
    });
    expect(rows.find((r) => r.id === leftElsewhere.id)).toMatchObject({
      current: false,
      stage: 'incubating',
      currentCarrierName: null,
      lastCarrierName: '甲孵化器',
    });
    expect(await ids({ q: t, stage: 'accelerating' })).toEqual([]);
    const exitedRow = rows.find((r) => r.id === exited.id)!;
    // Every row shows the entry of the stay it is about: the latest in the caller's carriers, open or ended.
    expect(exitedRow).toMatchObject({ currentCarrierName: null, lastCarrierName: '甲孵化器', enteredOn: '2021-01-01', limitStatus: null });
    expect(rows.find((r) => r.id === tenant.id)).toMatchObject({ currentCarrierName: '甲孵化器', enteredOn: '2025-01-01', limitStatus: 'ok' });
    expect(rows.find((r) => r.id === graduate.id)).toMatchObject({ stage: 'graduated', enteredOn: '2021-01-01' });
    // The committee reads the latest stay anywhere: the graduate's, and the accelerator stay of the one that moved on.
    const all = (await listVentures(handle.db, { kind: 'all' }, { q: t, sort: 'name' }, page, TODAY)).rows;
    expect(all.find((r) => r.id === graduate.id)).toMatchObject({ stage: 'graduated', enteredOn: '2021-01-01' });
    expect(all.find((r) => r.id === movedOn.id)).toMatchObject({ enteredOn: '2024-02-01' });
    expect(all.find((r) => r.id === exited.id)).toMatchObject({ enteredOn: '2021-01-01' });
  });

  it('an operator without carriers and a scope of none see nothing', async () => {
    expect(await listVentures(handle.db, { kind: 'carriers', carrierIds: [] }, {}, page, TODAY)).toEqual({ rows: [], total: 0 });
    expect(await listVentures(handle.db, { kind: 'none' }, {}, page, TODAY)).toEqual({ rows: [], total: 0 });
  });
});

describe('filters', () => {
  it('search matches name or credit code, in any case, with % and _ taken literally', async () => {
    const t = tag();
    const a = await makeTenant(handle.db, incA, '2025-01-01', { name: `${t}星河%科技` });
    const b = await makeTenant(handle.db, incA, '2025-01-01', { name: `${t}星河_生物` });
    const c = await makeTenant(handle.db, incA, '2025-01-01', { name: `${t}星河云` });
    expect(await ids({ q: t })).toEqual(sorted(a, b, c));
    expect(await ids({ q: `${t}星河%` })).toEqual(sorted(a));
    expect(await ids({ q: `${t}星河_` })).toEqual(sorted(b));
    expect(await ids({ q: c.creditCode!.slice(4, 17).toLowerCase() })).toEqual(sorted(c));
    expect(await ids({ q: c.creditCode! })).toEqual(sorted(c));
  });

  it('stage, industry, high-tech and warnings each narrow the list', async () => {
    const t = tag();
    const plain = await makeTenant(handle.db, incA, '2025-01-01', { name: `${t}a`, industry: 'ai' });
    const cert = await makeTenant(handle.db, incA, '2025-01-01', {
      name: `${t}b`,
      industry: 'biomedicine',
      highTechCertNo: 'GR202531000001',
      highTechCertOn: '2025-12-01',
    });
    const warned = await makeVenture(handle.db, {
      name: `${t}c`,
      stage: 'incubating',
      currentCarrierId: incA,
      residencies: [{ carrierId: incA, stage: 'incubating', enteredOn: '2025-02-01', ruleWarnings: ['founded_over_24_months'] }],
    });
    const oldWarning = await makeVenture(handle.db, {
      name: `${t}d`,
      stage: 'graduated',
      currentCarrierId: incA,
      residencies: [
        {
          carrierId: incA,
          stage: 'incubating',
          enteredOn: '2020-02-01',
          leftOn: '2023-01-01',
          exitReason: 'graduated',
          ruleWarnings: ['founded_over_24_months'],
        },
      ],
    });
    expect(await ids({ q: t, stage: 'incubating' })).toEqual(sorted(plain, cert, warned));
    expect(await ids({ q: t, stage: 'graduated' })).toEqual(sorted(oldWarning));
    expect(await ids({ q: t, industry: 'biomedicine' })).toEqual(sorted(cert));
    expect(await ids({ q: t, highTech: true })).toEqual(sorted(cert));
    expect(await ids({ q: t, highTech: false })).toEqual(sorted(plain, warned, oldWarning));
    // Only the open residency's warnings count.
    expect(await ids({ q: t, warnings: true })).toEqual(sorted(warned));
    expect(await ids({ q: t, warnings: false })).toEqual(sorted(plain, cert, oldWarning));
    const row = (await listVentures(handle.db, scope, { q: t, warnings: true }, page, TODAY)).rows[0]!;
    expect(row.warnings).toEqual(['founded_over_24_months']);
    expect((await listVentures(handle.db, scope, { q: t, highTech: true }, page, TODAY)).rows[0]!.highTech).toBe(true);
  });

  it('incubation limit: due soon from six months before the end, overdue the day after it', async () => {
    const t = tag();
    const mk = (name: string, enteredOn: string, industry: 'software' | 'biomedicine' = 'software') =>
      makeTenant(handle.db, incA, enteredOn, { name: `${t}${name}`, industry });
    const endsToday = await mk('endsToday', '2022-05-20'); // ends 2026-05-20: the last day, not yet overdue
    const endedYesterday = await mk('endedYesterday', '2022-05-19'); // ends 2026-05-19
    const warnsToday = await mk('warnsToday', '2022-11-20'); // ends 2026-11-20, warned from 2026-05-20
    const warnsTomorrow = await mk('warnsTomorrow', '2022-11-21');
    const bioEndsToday = await mk('bioEndsToday', '2021-05-20', 'biomedicine'); // 60 months
    const bioLonger = await mk('bioLonger', '2022-05-19', 'biomedicine'); // overdue if it were 48 months
    const moved = await makeVenture(handle.db, {
      name: `${t}moved`,
      stage: 'incubating',
      currentCarrierId: incA,
      residencies: [
        { carrierId: incB, stage: 'incubating', enteredOn: '2022-01-01', leftOn: '2023-01-01', exitReason: 'moved' },
        { carrierId: incA, stage: 'incubating', enteredOn: '2023-01-01' },
      ],
    }); // counted from its first incubating residency, elsewhere: ended 2026-01-01
    const fromNursery = await makeVenture(handle.db, {
      name: `${t}fromNursery`,
      stage: 'incubating',
      currentCarrierId: incA,
      residencies: [
        { carrierId: nurA, stage: 'nursery', enteredOn: '2019-01-01', leftOn: '2023-01-01', exitReason: 'incorporated' },
        { carrierId: incA, stage: 'incubating', enteredOn: '2023-01-01' },
      ],
    }); // the nursery does not count: ends 2027-01-01
    await makeVenture(handle.db, {
      name: `${t}graduate`,
      stage: 'graduated',
      currentCarrierId: incA,
      residencies: [{ carrierId: incA, stage: 'incubating', enteredOn: '2018-01-01', leftOn: '2022-01-01', exitReason: 'graduated' }],
    }); // long past its limit, but no longer incubating
    expect(await ids({ q: t, limit: 'overdue' })).toEqual(sorted(endedYesterday, moved));
    expect(await ids({ q: t, limit: 'due_soon' })).toEqual(sorted(endsToday, warnsToday, bioEndsToday));
    const { rows } = await listVentures(handle.db, scope, { q: t }, page, TODAY);
    expect(rows.find((r) => r.id === warnsTomorrow.id)!.limitStatus).toBe('ok');
    expect(rows.find((r) => r.id === bioLonger.id)!.limitStatus).toBe('ok');
    expect(rows.find((r) => r.id === fromNursery.id)).toMatchObject({ limitStatus: 'ok', limitEndsOn: '2027-01-01' });
    for (const r of rows.filter((r) => r.stage === 'incubating')) {
      const expected = incubationLimitStatus({ industry: r.industry, incubationStartedOn: r.incubationStartedOn!, today: TODAY });
      expect([r.limitStatus, r.limitEndsOn]).toEqual([expected.status, expected.endsOn]);
    }
  });

  it('incubation limit agrees with the rule where month ends are clamped', async () => {
    const t = tag();
    // 2020-02-29 + 60 months = 2025-02-28; six months before that is 2024-08-28.
    const leap = await makeTenant(handle.db, incA, '2020-02-29', { name: `${t}leap`, industry: 'biomedicine' });
    expect(await ids({ q: t, limit: 'due_soon' }, '2024-08-28')).toEqual(sorted(leap));
    expect(await ids({ q: t, limit: 'due_soon' }, '2024-08-27')).toEqual([]);
    expect(await ids({ q: t, limit: 'due_soon' }, '2025-02-28')).toEqual(sorted(leap));
    expect(await ids({ q: t, limit: 'overdue' }, '2025-03-01')).toEqual(sorted(leap));
  });
});

describe('admitted in a year', () => {
  it('lists ventures with a stay in the carriers that began that year, also ended or moved on', async () => {
    const t = tag();
    const inYear = await makeTenant(handle.db, incA, '2026-01-01', { name: `${t}今年` });
    const lastDay = await makeTenant(handle.db, incA, '2025-12-31', { name: `${t}去年末` });
    const graduated = await makeVenture(handle.db, {
      name: `${t}今年入驻已毕业`,
      stage: 'graduated',
      currentCarrierId: incA,
      residencies: [{ carrierId: incA, stage: 'incubating', enteredOn: '2026-02-01', leftOn: '2026-04-01', exitReason: 'graduated' }],
    });
    const fromNursery = await makeVenture(handle.db, {
      name: `${t}苗圃转入`,
      stage: 'incubating',
      currentCarrierId: incA,
      residencies: [
        { carrierId: nurA, stage: 'nursery', enteredOn: '2024-01-01', leftOn: '2026-03-01', exitReason: 'incorporated' },
        { carrierId: incA, stage: 'incubating', enteredOn: '2026-03-01' },
      ],
    });
    await makeTenant(handle.db, incB, '2026-01-01', { name: `${t}他人今年` });
    expect(await ids({ q: t, enteredYear: 2026 })).toEqual(sorted(inYear, graduated, fromNursery));
    expect(await ids({ q: t, enteredYear: 2025 })).toEqual(sorted(lastDay));
    // The nursery stay of 2024 counts for the operator's carriers together, not for the
    // incubator alone; the nursery's own list no longer holds the team, which moved on.
    expect(await ids({ q: t, enteredYear: 2024 })).toEqual(sorted(fromNursery));
    expect(await ids({ q: t, enteredYear: 2024, carrierId: incA })).toEqual([]);
  });
});

describe('sorting and paging', () => {
  it('sorts by each column both ways, blanks last, and pages with a total', async () => {
    const t = tag();
    const c = await makeTenant(handle.db, incA, '2024-03-01', { name: `${t}c`, foundedOn: '2023-01-01' });
    const a = await makeTenant(handle.db, incA, '2025-03-01', { name: `${t}a`, foundedOn: '2022-01-01' });
    const b = await makeTenant(handle.db, incA, '2023-03-01', { name: `${t}b`, foundedOn: '2024-01-01' });
    const team = await makeVenture(handle.db, {
      name: `${t}d`,
      kind: 'team',
      stage: 'nursery',
      currentCarrierId: nurA,
      residencies: [{ carrierId: nurA, stage: 'nursery', enteredOn: '2025-06-01' }],
    });
    const gone = await makeVenture(handle.db, {
      name: `${t}e`,
      stage: 'exited',
      currentCarrierId: null,
      foundedOn: '2021-01-01',
      residencies: [{ carrierId: incA, stage: 'incubating', enteredOn: '2021-03-01', leftOn: '2022-01-01', exitReason: 'failed' }],
    });
    const order = async (f: VentureFilters) => (await listVentures(handle.db, scope, { q: t, ...f }, page, TODAY)).rows.map((r) => r.id);
    expect(await order({})).toEqual([a, b, c, team, gone].map((v) => v.id));
    expect(await order({ sort: 'name', dir: 'desc' })).toEqual([gone, team, c, b, a].map((v) => v.id));
    // The exit keeps the entry date of its stay.
    expect(await order({ sort: 'entered' })).toEqual([gone, b, c, a, team].map((v) => v.id));
    expect(await order({ sort: 'entered', dir: 'desc' })).toEqual([team, a, c, b, gone].map((v) => v.id));
    expect(await order({ sort: 'founded' })).toEqual([gone, a, c, b, team].map((v) => v.id));
    expect(await order({ sort: 'stage' })).toEqual([team, c, a, b, gone].map((v) => v.id));
    const p2 = await listVentures(handle.db, scope, { q: t }, { page: 2, pageSize: 2 }, TODAY);
    expect(p2.total).toBe(5);
    expect(p2.rows.map((r) => r.id)).toEqual([c.id, team.id]);
    const p3 = await listVentures(handle.db, scope, { q: t }, { page: 3, pageSize: 2 }, TODAY);
    expect(p3.rows.map((r) => r.id)).toEqual([gone.id]);
  });
});
