import type { Db } from '@/db/connect';
import { ventureReports } from '@/db/schema';
import { writeAuditEntries, type Actor } from '@/db/audit';
import type { Scope } from '@/lib/roles';
import { bindOperator, makeCarrier, makeResidentCompany, makeUser } from '../../helpers/fixtures';

/**
 * Two operators, each running an incubator with a resident company and a filed report; carrier B's
 * operator has audit entries of a change to its company and of an application. Isolation cases act as operator A on carrier B's records.
 */
export type IsolationWorld = {
  db: Db;
  actorA: Actor;
  scopeA: Scope;
  carrierA: number;
  carrierB: number;
  ventureA: number;
  ventureB: number;
  creditCodeB: string;
  report: { year: number; quarter: number };
};

export async function buildIsolationWorld(db: Db): Promise<IsolationWorld> {
  const opA = await makeUser(db, 'operator');
  const opB = await makeUser(db, 'operator');
  const carrierA = await makeCarrier(db, 'incubator');
  const carrierB = await makeCarrier(db, 'incubator');
  await bindOperator(db, opA.id, carrierA.id);
  await bindOperator(db, opB.id, carrierB.id);
  const ventureA = await makeResidentCompany(db, carrierA.id);
  const ventureB = await makeResidentCompany(db, carrierB.id);
  const report = { year: 2026, quarter: 2 };
  await db.insert(ventureReports).values([
    { ventureId: ventureA.id, carrierId: carrierA.id, ...report, revenueFen: 100 },
    { ventureId: ventureB.id, carrierId: carrierB.id, ...report, revenueFen: 200 },
  ]);
  await db.transaction((tx) =>
    writeAuditEntries(tx, { userId: opB.id, role: 'operator', ip: null }, [
      { action: 'venture.update', entity: 'venture', entityId: ventureB.id, carrierId: carrierB.id, before: { employees: 1 }, after: { employees: 2 } },
      { action: 'application.create', entity: 'application', entityId: 990_000 + carrierB.id, carrierId: carrierB.id, after: { ventureId: ventureB.id } },
    ]),
  );
  return {
    db,
    actorA: { userId: opA.id, role: 'operator', ip: '127.0.0.1' },
    scopeA: { kind: 'carriers', carrierIds: [carrierA.id] },
    carrierA: carrierA.id,
    carrierB: carrierB.id,
    ventureA: ventureA.id,
    ventureB: ventureB.id,
    creditCodeB: ventureB.creditCode!,
    report,
  };
}

/**
 * One attempt by operator A on carrier B's data, through a db/queries function as the server
 * action or route handler calls it. 'notFound': it must throw DomainError('notFound');
 * 'empty': it must return nothing of carrier B (an empty list, null, or zero rows).
 */
export type IsolationCase = {
  name: string;
  expect: 'notFound' | 'empty';
  attempt: (w: IsolationWorld) => Promise<unknown>;
};
