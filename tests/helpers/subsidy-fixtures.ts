import { expect } from 'vitest';
import type { Db } from '@/db/connect';
import { acceptApplication, addAttachment, createDraft, decideApplication, reviewApplication, submitApplication } from '@/db/queries/subsidies/applications';
import { programs, residencies, ventures, type NewProgram } from '@/db/schema';
import { buildCreditCode } from '@/lib/domain/credit-code';
import type { Actor } from '@/db/audit';
import { DomainError } from '@/lib/errors';
import type { Scope } from '@/lib/roles';
import { bindOperator, makeCarrier, makeUser } from './fixtures';

export const TODAY = '2026-03-10';
export const WAN = 1_000_000; // fen in 1 万元
export const PDF = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');
export const ALL: Scope = { kind: 'all' };

let seq = 0;
export async function makeProgramme(db: Db, extra: Partial<NewProgram> = {}) {
  const [p] = await db
    .insert(programs)
    .values({
      code: `P${Date.now().toString(36)}${(seq++).toString(36)}`.toUpperCase(),
      nameZh: '房租补贴',
      nameEn: 'Rent subsidy',
      year: 2026,
      category: 'rent',
      applicantType: 'venture',
      eligibleKinds: ['incubator'],
      eligibleStages: ['incubating'],
      fundingMode: 'pre_funded',
      budgetFen: 1000 * WAN,
      capFen: 50 * WAN,
      opensOn: '2026-03-01',
      closesOn: '2026-04-30',
      requiredDocuments: ['business_licence'],
      status: 'open',
      ...extra,
    })
    .returning();
  return p!;
}

/** Overrides for a programme open all of 2026 that asks for no documents. */
export const OPEN_ALL_YEAR = {
  budgetFen: 100 * WAN,
  capFen: 10 * WAN,
  opensOn: '2026-01-01',
  closesOn: '2026-12-31',
  requiredDocuments: [],
} satisfies Partial<NewProgram>;

let company = 0;
/** An incubating company in the carrier; credit codes of digits only, so they never collide. */
export async function makeTenant(db: Db, carrierId: number) {
  const n = company++;
  const [v] = await db
    .insert(ventures)
    .values({
      kind: 'company',
      name: `申报企业${n}`,
      creditCode: buildCreditCode('91', '310115', `M${String(n).padStart(7, '0')}`),
      industry: 'software',
      foundedOn: '2025-01-01',
      stage: 'incubating',
      currentCarrierId: carrierId,
    })
    .returning();
  await db.insert(residencies).values({ ventureId: v!.id, carrierId, stage: 'incubating', enteredOn: '2025-06-01', areaM2: 100 });
  return v!;
}

const actorOf = (id: number, role: 'operator' | 'committee'): Actor => ({ userId: id, role, ip: '127.0.0.1' });

/** An operator with an incubator and a tenant, and five committee members. */
export async function makeSubsidyWorld(db: Db) {
  const op = await makeUser(db, 'operator');
  const carrier = await makeCarrier(db, 'incubator');
  await bindOperator(db, op.id, carrier.id);
  const committee = await Promise.all([1, 2, 3, 4, 5].map(() => makeUser(db, 'committee')));
  const [acceptor, reviewer, reviewer2, decider, inspector] = committee.map((u) => actorOf(u!.id, 'committee'));
  return {
    db,
    operator: actorOf(op.id, 'operator'),
    scope: { kind: 'carriers', carrierIds: [carrier.id] } as Scope,
    carrier,
    acceptor: acceptor!,
    reviewer: reviewer!,
    reviewer2: reviewer2!,
    decider: decider!,
    inspector: inspector!,
    newVenture: () => makeTenant(db, carrier.id),
  };
}
export type SubsidyWorld = Awaited<ReturnType<typeof makeSubsidyWorld>>;

/** A draft for a new tenant, with the licence attached; returns ids and the current version. */
export async function draftFor(w: SubsidyWorld, programId: number, requestedFen = 30 * WAN, ventureId?: number) {
  const vid = ventureId ?? (await w.newVenture()).id;
  const d = await createDraft(w.db, w.operator, w.scope, {
    programId,
    carrierId: w.carrier.id,
    ventureId: vid,
    purpose: '房租',
    requestedFen,
    indicators: [{ name: '新增就业', unit: '人', targetValue: 10 }],
  });
  const a = await addAttachment(
    w.db,
    w.operator,
    w.scope,
    { applicationId: d.applicationId, version: d.version, documentType: 'business_licence', name: '执照.pdf', content: PDF },
    TODAY,
  );
  return { id: d.applicationId, refNo: d.refNo, version: a.version, ventureId: vid };
}

/** Drives a fresh application to `reviewed` (one review) through the real steps. */
export async function reviewedApplication(w: SubsidyWorld, programId: number, requestedFen = 30 * WAN) {
  const d = await draftFor(w, programId, requestedFen);
  let { version } = await submitApplication(w.db, w.operator, w.scope, { applicationId: d.id, version: d.version }, TODAY);
  ({ version } = await acceptApplication(w.db, w.acceptor, ALL, { applicationId: d.id, version }, TODAY));
  ({ version } = await reviewApplication(w.db, w.reviewer, ALL, { applicationId: d.id, version, score: 80, recommendation: 'fund' }, TODAY));
  return { ...d, version };
}

export async function approvedApplication(w: SubsidyWorld, programId: number, approvedFen = 20 * WAN, requestedFen = 30 * WAN) {
  const r = await reviewedApplication(w, programId, requestedFen);
  const { version } = await decideApplication(
    w.db,
    w.decider,
    ALL,
    { applicationId: r.id, version: r.version, decision: 'approve', approvedFen, inspectionDueOn: '2026-12-31' },
    TODAY,
  );
  return { ...r, version };
}

export async function refusal(p: Promise<unknown>): Promise<DomainError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DomainError);
  return e as DomainError;
}

/** The keys of a refusal's field errors, per field. */
export function keysOf(e: DomainError): Record<string, string[]> {
  return Object.fromEntries(Object.entries(e.fieldErrors ?? {}).map(([f, ms]) => [f, ms.map((m) => m.key)]));
}
