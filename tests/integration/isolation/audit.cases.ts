import { and, eq } from 'drizzle-orm';
import { auditLog } from '@/db/schema';
import { auditCarrierChoices, auditFilterChoices, entityHistory, listAuditEntries } from '@/db/queries/oversight/audit-log';
import type { IsolationCase } from './world';

const PAGE = { page: 1, pageSize: 100 };

/** The audit log as operator A reads it (the viewer, its filter choices, the history on record pages). */
export const cases: IsolationCase[] = [
  {
    name: 'audit: listAuditEntries filtered on carrier B',
    expect: 'empty',
    attempt: (w) => listAuditEntries(w.db, w.scopeA, { carrierId: w.carrierB }, PAGE),
  },
  {
    name: 'audit: listAuditEntries of B’s venture (entity and id)',
    expect: 'empty',
    attempt: (w) => listAuditEntries(w.db, w.scopeA, { entity: 'venture', entityId: String(w.ventureB) }, PAGE),
  },
  {
    name: 'audit: listAuditEntries unfiltered holds none of carrier B',
    expect: 'empty',
    attempt: async (w) => (await listAuditEntries(w.db, w.scopeA, {}, PAGE)).rows.filter((r) => r.carrierId !== w.carrierA),
  },
  {
    name: 'audit: filter choices hold none of carrier B',
    expect: 'empty',
    attempt: async (w) => {
      const [choices, carriers] = await Promise.all([auditFilterChoices(w.db, w.scopeA), auditCarrierChoices(w.db, w.scopeA)]);
      const others = choices.users.filter((u) => u.id !== w.actorA.userId);
      return [...others, ...carriers.filter((c) => c.id !== w.carrierA)];
    },
  },
  {
    name: 'audit: entityHistory of B’s venture',
    expect: 'empty',
    attempt: (w) => entityHistory(w.db, w.scopeA, 'venture', w.ventureB),
  },
  {
    name: 'audit: entityHistory of an application of carrier B',
    expect: 'empty',
    attempt: async (w) => {
      const [entry] = await w.db
        .select({ id: auditLog.entityId })
        .from(auditLog)
        .where(and(eq(auditLog.entity, 'application'), eq(auditLog.carrierId, w.carrierB)))
        .limit(1);
      if (!entry?.id) throw new Error('the world has no application entry of carrier B');
      return entityHistory(w.db, w.scopeA, 'application', entry.id);
    },
  },
  {
    name: 'audit: entityHistory of carrier B',
    expect: 'empty',
    attempt: (w) => entityHistory(w.db, w.scopeA, 'carrier', w.carrierB),
  },
];
