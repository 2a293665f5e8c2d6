import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/connect';
import { appliedProgrammeChoices, liveApplicationsIn } from '@/db/queries/subsidies/choices';
import { listForOperator, submitApplication, withdrawApplication } from '@/db/queries/subsidies/applications';
import { applications } from '@/db/schema';
import { openTestDatabase } from '../helpers/db';
import { TODAY, WAN, draftFor, makeProgramme, makeSubsidyWorld, type SubsidyWorld } from '../helpers/subsidy-fixtures';

/** The operator's applications list: its filters, its orders and its pages. */
let handle: DatabaseHandle;
let w: SubsidyWorld;
let ids: { small: number; large: number; submitted: number };
let programmes: { a: number; b: number };
beforeAll(async () => {
  handle = await openTestDatabase();
  w = await makeSubsidyWorld(handle.db);
  const a = await makeProgramme(w.db, { code: 'LIST-A' });
  const b = await makeProgramme(w.db, { code: 'LIST-B', year: 2025 });
  programmes = { a: a.id, b: b.id };
  const small = await draftFor(w, a.id, 5 * WAN);
  const large = await draftFor(w, a.id, 40 * WAN);
  const other = await draftFor(w, b.id, 10 * WAN);
  await submitApplication(w.db, w.operator, w.scope, { applicationId: other.id, version: other.version }, TODAY);
  // Distinct change times, oldest first: small, large, submitted.
  await w.db
    .update(applications)
    .set({ updatedAt: new Date('2026-03-01T08:00:00Z') })
    .where(eq(applications.id, small.id));
  await w.db
    .update(applications)
    .set({ updatedAt: new Date('2026-03-02T08:00:00Z') })
    .where(eq(applications.id, large.id));
  await w.db
    .update(applications)
    .set({ updatedAt: new Date('2026-03-03T08:00:00Z') })
    .where(eq(applications.id, other.id));
  ids = { small: small.id, large: large.id, submitted: other.id };
});
afterAll(async () => {
  await handle?.close();
});

const list = (f: Partial<Parameters<typeof listForOperator>[2]> = {}) => listForOperator(w.db, w.scope, { page: 1, pageSize: 25, ...f });
const order = async (f: Partial<Parameters<typeof listForOperator>[2]> = {}) => (await list(f)).rows.map((r) => r.id);

describe('listForOperator', () => {
  it('shows the most recently changed first by default', async () => {
    expect(await order()).toEqual([ids.submitted, ids.large, ids.small]);
  });

  it('sorts by the amount requested, both ways', async () => {
    expect(await order({ sort: 'requested', dir: 'asc' })).toEqual([ids.small, ids.submitted, ids.large]);
    expect(await order({ sort: 'requested', dir: 'desc' })).toEqual([ids.large, ids.submitted, ids.small]);
  });

  it('sorts by reference number, ascending by default', async () => {
    const refs = (await list({ sort: 'refNo' })).rows.map((r) => r.refNo);
    expect(refs).toEqual([...refs].sort());
  });

  it('puts what was never submitted last when sorting by submission', async () => {
    const rows = (await list({ sort: 'submitted', dir: 'asc' })).rows;
    expect(rows[0]!.id).toBe(ids.submitted);
    expect(rows.slice(1).every((r) => r.submittedAt === null)).toBe(true);
  });

  it('filters by status, programme and year, and counts what matches', async () => {
    expect(await list({ status: 'submitted' })).toMatchObject({ total: 1, rows: [{ id: ids.submitted, fundingMode: 'pre_funded' }] });
    expect((await list({ programId: programmes.a })).total).toBe(2);
    expect(await order({ year: 2025 })).toEqual([ids.submitted]);
    expect((await list({ status: 'approved' })).total).toBe(0);
  });

  it('pages through the rows', async () => {
    const first = await list({ pageSize: 2, page: 1 });
    const second = await list({ pageSize: 2, page: 2 });
    expect(first.total).toBe(3);
    expect([...first.rows, ...second.rows].map((r) => r.id)).toEqual([ids.submitted, ids.large, ids.small]);
  });
});

describe('the choices of the applications pages', () => {
  it('offers the programmes the operator applied to, newest year first', async () => {
    expect((await appliedProgrammeChoices(w.db, w.scope)).map((p) => p.id)).toEqual([programmes.a, programmes.b]);
  });

  it('lists the applications that still count in a programme, leaving out withdrawn ones', async () => {
    const live = await liveApplicationsIn(w.db, w.scope, [programmes.a]);
    expect(live.map((a) => a.id)).toEqual([ids.small, ids.large]);
    const gone = await draftFor(w, programmes.a, 3 * WAN);
    const submitted = await submitApplication(w.db, w.operator, w.scope, { applicationId: gone.id, version: gone.version }, TODAY);
    expect((await liveApplicationsIn(w.db, w.scope, [programmes.a])).map((a) => a.id)).toContain(gone.id);
    await withdrawApplication(w.db, w.operator, w.scope, { applicationId: gone.id, version: submitted.version }, TODAY);
    expect((await liveApplicationsIn(w.db, w.scope, [programmes.a])).map((a) => a.id)).toEqual([ids.small, ids.large]);
    expect(await liveApplicationsIn(w.db, w.scope, [])).toEqual([]);
  });
});
