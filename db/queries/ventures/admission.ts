import { isUniqueViolation } from '../shared/errors';
import 'server-only';
import { and, asc, inArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../../client';
import { blacklistEntries, carriers, residencies, ventures } from '../../schema';
import type { Actor, AuditInput } from '@/db/audit';
import { admissionRuleErrors, planAdmissions, type AdmissionWarning, type PartialCandidate } from '@/lib/domain/admission';
import type { CarrierKind } from '@/lib/domain/vocabulary';
import { conflict, invalid, notFound, type FieldErrors } from '@/lib/errors';
import type { Scope } from '@/lib/roles';
import type { AdmissionInput } from '@/lib/validation/venture';
import { writeAuditEntries } from '@/db/audit';
import { assertOperatorOf, carrierCondition } from '../shared/scope';
import { entryInForce } from '../oversight/blacklist';
import { isOverlapViolation, lockVenturesByCode, noticesToEarlierCarriers, overlapRefusal, type LockedVenture } from './stays';
import { pinyin } from '../shared/collation';

export type { AdmissionWarning };
export type AdmissionResult = { ventureId: number; residencyId: number; warnings: AdmissionWarning[] };

const CHUNK = 500;
const LOOKUP_CHUNK = 1000;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The operator's carriers of the given kinds, for the carrier choice of the residency forms. */
export async function carriersForResidency(db: DbOrTx, scope: Scope, kinds: readonly CarrierKind[]) {
  if (kinds.length === 0) return [];
  return db
    .select({ id: carriers.id, name: carriers.name, nameEn: carriers.nameEn, kind: carriers.kind })
    .from(carriers)
    .where(and(carrierCondition(scope, carriers.id), inArray(carriers.kind, [...kinds])))
    .orderBy(asc(carriers.kind), pinyin(carriers.name));
}

/** Credit codes among `codes` with a blacklist entry in force on `today` (not lifted, sanction not over). */
export async function blacklistedCodes(db: DbOrTx, codes: readonly string[], today: string): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of chunks(codes, LOOKUP_CHUNK)) {
    const rows = await db
      .selectDistinct({ code: blacklistEntries.creditCode })
      .from(blacklistEntries)
      .where(and(inArray(blacklistEntries.creditCode, part), entryInForce(today)));
    for (const r of rows) if (r.code) found.add(r.code);
  }
  return found;
}

type Known = Map<string, LockedVenture>;

/**
 * Admits ventures into the operator's carriers, inside the caller's transaction: a team into
 * a nursery, a company into an incubator (accelerators admit graduates: residencies.ts). A
 * company already registered is re-admitted as the same venture only as lib/domain/stays.ts
 * allows (no open stay, no graduation awaiting the committee, still in incubation, not
 * back-dated into an earlier stay); the earlier carrier is told. Each known venture's row is
 * locked for the rest of the transaction.
 * Rule breaches are admitted with warnings recorded on the residency; refusals are field
 * errors keyed `${index}.${field}`. A few statements, whatever the number of inputs.
 */
export async function admitVentures(tx: Tx, actor: Actor, scope: Scope, inputs: AdmissionInput[], today: string): Promise<AdmissionResult[]> {
  if (inputs.length === 0) return [];
  for (const input of inputs) assertOperatorOf(scope, input.carrierId);
  const carrierIds = [...new Set(inputs.map((i) => i.carrierId))];
  const carrierRows = await tx.select({ id: carriers.id, kind: carriers.kind }).from(carriers).where(inArray(carriers.id, carrierIds));
  if (carrierRows.length !== carrierIds.length) throw notFound();

  const codes = [...new Set(inputs.flatMap((i) => (i.kind === 'company' ? [i.creditCode] : [])))];
  // Locked before they are judged: a second carrier admitting the same code waits here.
  const known: Known = codes.length ? await lockVenturesByCode(tx, codes) : new Map();
  const blacklisted = codes.length ? await blacklistedCodes(tx, codes, today) : new Set<string>();
  const plan = planAdmissions(inputs, {
    carrierKinds: new Map(carrierRows.map((c) => [c.id, c.kind])),
    known,
    blacklisted,
    today,
  });
  if (!plan.ok) throw invalid(plan.fieldErrors);

  try {
    return await writeAdmissions(tx, actor, scope, inputs, plan.rows, known);
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict();
    if (isOverlapViolation(e)) throw overlapRefusal(inputs.length === 1 ? '0.enteredOn' : '_form');
    throw e;
  }
}

/**
 * The rule refusals of a batch of candidates, complete or not (a workbook's rows, each with the
 * fields its cells could be read into), before anything is written: the same rules as
 * admitVentures, so that an import reports its rows' format and rule errors in one round.
 * `carrierKinds` are those of the caller's carriers the rows name. admitVentures judges the
 * complete inputs again under its locks when it writes.
 */
export async function admissionRuleCheck(
  db: Db,
  candidates: readonly PartialCandidate[],
  carrierKinds: ReadonlyMap<number, CarrierKind>,
  today: string,
): Promise<FieldErrors> {
  const codes = [...new Set(candidates.flatMap((c) => (c.kind === 'company' && c.creditCode ? [c.creditCode] : [])))];
  // The stays are read as admitVentures reads them; the short transaction's locks end with it.
  const known: Known = codes.length ? await db.transaction((tx) => lockVenturesByCode(tx, codes)) : new Map();
  return admissionRuleErrors(candidates, { carrierKinds, known, blacklisted: new Set(), today });
}

async function writeAdmissions(
  tx: Tx,
  actor: Actor,
  scope: Scope,
  inputs: AdmissionInput[],
  plan: { index: number; warnings: AdmissionWarning[]; readmitVentureId: number | null }[],
  known: Known,
): Promise<AdmissionResult[]> {
  const audit: AuditInput[] = [];
  const ventureIds: number[] = new Array(inputs.length);

  // New ventures, in chunks; RETURNING gives the ids in the order of the VALUES rows.
  const fresh = plan.filter((p) => p.readmitVentureId === null).map((p) => p.index);
  for (const part of chunks(fresh, CHUNK)) {
    const values = part.map((i) => {
      const input = inputs[i]!;
      return {
        kind: input.kind,
        name: input.name,
        creditCode: input.kind === 'company' ? input.creditCode : null,
        industry: input.industry,
        technicalField: input.technicalField ?? null,
        foundedOn: input.kind === 'company' ? input.foundedOn : null,
        founders: input.founders ?? null,
        talentFlags: input.talentFlags,
        stage: input.kind === 'team' ? ('nursery' as const) : ('incubating' as const),
        currentCarrierId: input.carrierId,
      };
    });
    const rows = await tx.insert(ventures).values(values).returning({ id: ventures.id });
    rows.forEach((r, k) => {
      ventureIds[part[k]!] = r.id;
      audit.push({ action: 'venture.admit', entity: 'venture', entityId: r.id, carrierId: values[k]!.currentCarrierId, after: values[k] });
    });
  }

  // Re-admitted companies: the same venture, guarded by the version read above.
  const readmits = plan.filter((p) => p.readmitVentureId !== null);
  for (const part of chunks(readmits, CHUNK)) {
    const rows = part.map((p) => {
      const input = inputs[p.index]!;
      const before = known.get(input.kind === 'company' ? input.creditCode : '')!;
      return { index: p.index, id: before.id, carrierId: input.carrierId, version: before.version, before };
    });
    const data = sql.join(
      rows.map((r) => sql`(${r.id}::int, ${r.carrierId}::int, ${r.version}::int)`),
      sql`, `,
    );
    const updated = await tx.execute<{ id: number }>(sql`
      UPDATE ${ventures} SET current_carrier_id = d.carrier_id, version = ${ventures.version} + 1, updated_at = now()
      FROM (VALUES ${data}) AS d(id, carrier_id, version)
      WHERE ${ventures.id} = d.id AND ${ventures.version} = d.version AND ${ventures.stage} = 'incubating'
      RETURNING ${ventures.id}`);
    if (updated.rows.length !== rows.length) throw conflict();
    audit.push(
      ...(await noticesToEarlierCarriers(
        tx,
        rows.map((r) => ({ venture: r.before, entry: { carrierId: r.carrierId, enteredOn: inputs[r.index]!.enteredOn } })),
        scope,
      )),
    );
    for (const r of rows) {
      ventureIds[r.index] = r.id;
      audit.push({
        action: 'venture.readmit',
        entity: 'venture',
        entityId: r.id,
        carrierId: r.carrierId,
        before: { currentCarrierId: r.before.currentCarrierId, version: r.version },
        after: { currentCarrierId: r.carrierId, version: r.version + 1 },
      });
    }
  }

  // One open residency per admitted venture.
  const residencyIds = new Map<number, number>();
  for (const part of chunks(plan, CHUNK)) {
    const values = part.map((p) => {
      const input = inputs[p.index]!;
      return {
        ventureId: ventureIds[p.index]!,
        carrierId: input.carrierId,
        stage: input.kind === 'team' ? ('nursery' as const) : ('incubating' as const),
        enteredOn: input.enteredOn,
        areaM2: input.areaM2,
        workstations: input.workstations,
        ruleWarnings: p.warnings,
      };
    });
    const rows = await tx.insert(residencies).values(values).returning({ id: residencies.id, ventureId: residencies.ventureId });
    const byVenture = new Map(values.map((v) => [v.ventureId, v]));
    for (const r of rows) {
      residencyIds.set(r.ventureId, r.id);
      const v = byVenture.get(r.ventureId)!;
      audit.push({ action: 'residency.open', entity: 'residency', entityId: r.id, carrierId: v.carrierId, after: v });
    }
  }

  await writeAuditEntries(tx, actor, audit);
  return plan.map((p) => ({
    ventureId: ventureIds[p.index]!,
    residencyId: residencyIds.get(ventureIds[p.index]!)!,
    warnings: p.warnings,
  }));
}
