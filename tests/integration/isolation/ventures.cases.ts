import { ventureFinancings } from '@/db/schema';
import { addFinancing, carrierChoices, getVentureDetail, listVentures, removeFinancing, updateVenture } from '@/db/queries/ventures/list';
import type { IsolationCase, IsolationWorld } from './world';

const TODAY = '2026-05-20';
const paging = { page: 1, pageSize: 100 };

async function financingOfB(w: IsolationWorld) {
  const [f] = await w.db
    .insert(ventureFinancings)
    .values({ ventureId: w.ventureB, carrierId: w.carrierB, receivedOn: '2025-09-01', amountFen: 100_000, investor: '乙方投资人' })
    .returning({ id: ventureFinancings.id });
  return f!.id;
}

export const cases: IsolationCase[] = [
  {
    name: 'ventures: getVentureDetail of B’s venture',
    expect: 'notFound',
    attempt: (w) => getVentureDetail(w.db, w.scopeA, w.ventureB, TODAY),
  },
  {
    name: 'ventures: updateVenture of B’s venture',
    expect: 'notFound',
    attempt: (w) =>
      updateVenture(w.db, w.actorA, w.scopeA, { ventureId: w.ventureB, version: 1, industry: 'ai', technicalField: 'aerospace', talentFlags: [] }, TODAY),
  },
  {
    name: 'ventures: addFinancing to B’s venture',
    expect: 'notFound',
    attempt: (w) =>
      addFinancing(w.db, w.actorA, w.scopeA, { ventureId: w.ventureB, version: 1, receivedOn: '2026-01-01', amountFen: 100, investor: 'x' }, TODAY),
  },
  {
    name: 'ventures: removeFinancing of B’s venture',
    expect: 'notFound',
    attempt: async (w) => removeFinancing(w.db, w.actorA, w.scopeA, { ventureId: w.ventureB, financingId: await financingOfB(w), version: 1 }),
  },
  {
    name: 'ventures: removeFinancing of B’s event through A’s venture',
    expect: 'notFound',
    attempt: async (w) => removeFinancing(w.db, w.actorA, w.scopeA, { ventureId: w.ventureA, financingId: await financingOfB(w), version: 1 }),
  },
  {
    name: 'ventures: listVentures with carrier = B',
    expect: 'empty',
    attempt: (w) => listVentures(w.db, w.scopeA, { carrierId: w.carrierB }, paging, TODAY),
  },
  {
    name: 'ventures: listVentures searching B’s credit code',
    expect: 'empty',
    attempt: (w) => listVentures(w.db, w.scopeA, { q: w.creditCodeB }, paging, TODAY),
  },
  {
    name: 'ventures: carrierChoices (the list’s carrier filter) hold none of B',
    expect: 'empty',
    attempt: async (w) => (await carrierChoices(w.db, w.scopeA)).filter((c) => c.id === w.carrierB),
  },
];
