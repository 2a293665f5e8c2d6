import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../../client';
import { carriers, residencies, ventures } from '../../schema';
import type { Actor } from '@/db/audit';
import type { AdmissionWarning } from '@/lib/domain/admission';
import { todayInShanghai } from '@/lib/domain/dates';
import { readmissionRefusal } from '@/lib/domain/stays';
import type { CarrierKind } from '@/lib/domain/vocabulary';
import { admissionWarnings } from '@/lib/domain/tenancy';
import { conflict, invalid, notFound, type FieldErrors, type FieldMessage } from '@/lib/errors';
import type { Scope } from '@/lib/roles';
import type { GraduateAdmissionInput, IncorporationInput } from '@/lib/validation/residency';
import { blacklistedCodes } from './admission';
import { isUniqueViolation } from '../shared/errors';
import { writeAuditEntries, type AuditInput } from '@/db/audit';
import { assertOperatorOf, carrierCondition } from '../shared/scope';
import { isOverlapViolation, lockVenturesByCode, noticeToEarlierCarrier, overlapRefusal } from './stays';

/**
 * A venture's next stay: a nursery team that registered a company moves into an incubator,
 * and an accelerator admits a graduate by its credit code. Both keep the venture and its history.
 */
export type EntryResult = { ventureId: number; residencyId: number; warnings: AdmissionWarning[] };

/** The carrier the venture enters: one the operator runs, of the kind the flow needs. */
async function entryCarrier(tx: Tx, scope: Scope, carrierId: number, kind: CarrierKind, errorKey: string) {
  assertOperatorOf(scope, carrierId);
  const [carrier] = await tx.select({ kind: carriers.kind }).from(carriers).where(eq(carriers.id, carrierId)).limit(1);
  if (!carrier) throw notFound();
  return carrier.kind === kind ? null : { key: errorKey };
}

function collect(entries: [string, FieldMessage | null | false | undefined][]): FieldErrors {
  const out: FieldErrors = {};
  for (const [field, message] of entries) if (message) (out[field] ??= []).push(message);
  return out;
}

/** Opens a stay with the entry's space and warnings; gives its id and the audit entry that records it. */
async function openStay(
  tx: Tx,
  entry: {
    ventureId: number;
    carrierId: number;
    stage: 'incubating' | 'accelerating';
    enteredOn: string;
    areaM2: number;
    workstations: number;
    ruleWarnings: AdmissionWarning[];
  },
) {
  const stay = {
    ventureId: entry.ventureId,
    carrierId: entry.carrierId,
    stage: entry.stage,
    enteredOn: entry.enteredOn,
    areaM2: entry.areaM2,
    workstations: entry.workstations,
    ruleWarnings: entry.ruleWarnings,
  };
  const [opened] = await tx.insert(residencies).values(stay).returning({ id: residencies.id });
  const audit: AuditInput = { action: 'residency.open', entity: 'residency', entityId: opened!.id, carrierId: stay.carrierId, after: stay };
  return { id: opened!.id, audit };
}

async function inTransaction<T>(db: Db, run: (tx: Tx) => Promise<T>, onUnique: () => Error): Promise<T> {
  try {
    return await db.transaction(run);
  } catch (e) {
    if (isUniqueViolation(e)) throw onUnique();
    if (isOverlapViolation(e)) throw overlapRefusal();
    throw e;
  }
}

/**
 * A nursery team that registered a company: it becomes a company with its credit code and
 * founding date, its nursery stay closes as 'incorporated' on the day it enters the
 * operator's incubator, where a new incubating stay opens. Guarded by the venture's version.
 */
export async function incorporateTeam(db: Db, actor: Actor, scope: Scope, input: IncorporationInput, today: string = todayInShanghai()): Promise<EntryResult> {
  const codeTaken = () => invalid({ creditCode: [{ key: 'residencyErrors.codeTaken' }] });
  return inTransaction(
    db,
    async (tx) => {
      const [team] = await tx
        .select({
          kind: ventures.kind,
          name: ventures.name,
          version: ventures.version,
          stage: ventures.stage,
          currentCarrierId: ventures.currentCarrierId,
          residencyId: residencies.id,
          residencyStage: residencies.stage,
          nurseryId: residencies.carrierId,
          enteredOn: residencies.enteredOn,
        })
        .from(ventures)
        .innerJoin(residencies, and(eq(residencies.ventureId, ventures.id), isNull(residencies.leftOn)))
        .where(and(eq(ventures.id, input.ventureId), carrierCondition(scope, residencies.carrierId)))
        .limit(1);
      if (!team) throw notFound();
      const carrierError = await entryCarrier(tx, scope, input.carrierId, 'incubator', 'residencyErrors.needsIncubator');
      if (team.version !== input.version) throw conflict();
      if (team.kind !== 'team' || team.residencyStage !== 'nursery') throw invalid({ _form: [{ key: 'residencyErrors.notANurseryTeam' }] });
      const [holder] = await tx.select({ id: ventures.id }).from(ventures).where(eq(ventures.creditCode, input.creditCode)).limit(1);
      const errors = collect([
        ['carrierId', carrierError],
        ['creditCode', holder ? { key: 'residencyErrors.codeTaken' } : null],
        ['foundedOn', input.foundedOn > today && { key: 'dateInFuture' }],
        ['enteredOn', input.enteredOn > today && { key: 'dateInFuture' }],
        ['enteredOn', input.enteredOn < team.enteredOn && { key: 'residencyErrors.beforeEntry', params: { date: team.enteredOn } }],
      ]);
      if (Object.keys(errors).length > 0) throw invalid(errors);

      const warnings: AdmissionWarning[] = admissionWarnings({ kind: 'company', foundedOn: input.foundedOn, enteredOn: input.enteredOn });
      if ((await blacklistedCodes(tx, [input.creditCode], today)).has(input.creditCode)) warnings.push('blacklisted');

      const after = {
        kind: 'company' as const,
        name: input.name,
        creditCode: input.creditCode,
        foundedOn: input.foundedOn,
        stage: 'incubating' as const,
        currentCarrierId: input.carrierId,
        version: input.version + 1,
      };
      const [updated] = await tx
        .update(ventures)
        .set(after)
        .where(and(eq(ventures.id, input.ventureId), eq(ventures.version, input.version)))
        .returning({ id: ventures.id });
      if (!updated) throw conflict();
      const [closed] = await tx
        .update(residencies)
        .set({ leftOn: input.enteredOn, exitReason: 'incorporated' })
        .where(and(eq(residencies.id, team.residencyId), isNull(residencies.leftOn)))
        .returning({ id: residencies.id });
      if (!closed) throw conflict();
      const opened = await openStay(tx, { ...input, stage: 'incubating', ruleWarnings: warnings });

      await writeAuditEntries(tx, actor, [
        {
          action: 'venture.incorporate',
          entity: 'venture',
          entityId: input.ventureId,
          carrierId: input.carrierId,
          before: {
            kind: 'team',
            name: team.name,
            creditCode: null,
            foundedOn: null,
            stage: team.stage,
            currentCarrierId: team.currentCarrierId,
            version: team.version,
          },
          after,
        },
        {
          action: 'residency.end',
          entity: 'residency',
          entityId: team.residencyId,
          carrierId: team.nurseryId,
          before: { leftOn: null, exitReason: null },
          after: { leftOn: input.enteredOn, exitReason: 'incorporated' },
        },
        opened.audit,
      ]);
      return { ventureId: input.ventureId, residencyId: opened.id, warnings };
    },
    codeTaken,
  );
}

/**
 * An accelerator the operator runs admits a graduated company by its credit code: the same
 * venture, a new accelerating stay, as lib/domain/stays.ts allows (a graduation awaiting the
 * committee stays the committee's; no back-dating into the last stay). Refusals name nothing
 * about another carrier; the earlier carrier is told.
 */
export async function admitGraduate(
  db: Db,
  actor: Actor,
  scope: Scope,
  input: GraduateAdmissionInput,
  today: string = todayInShanghai(),
): Promise<EntryResult> {
  return inTransaction(
    db,
    async (tx) => {
      const carrierError = await entryCarrier(tx, scope, input.carrierId, 'accelerator', 'residencyErrors.needsAccelerator');
      // The venture's row is locked before it is judged: of two carriers admitting it at once, one waits.
      const venture = (await lockVenturesByCode(tx, [input.creditCode])).get(input.creditCode);
      const refusal = venture ? readmissionRefusal(venture, { carrierId: input.carrierId, enteredOn: input.enteredOn, path: 'accelerator' }) : null;
      const errors = collect([
        ['carrierId', carrierError],
        ['creditCode', !venture ? { key: 'residencyErrors.graduateUnknown' } : refusal?.field === 'creditCode' && refusal.message],
        ['enteredOn', input.enteredOn > today ? { key: 'dateInFuture' } : refusal?.field === 'enteredOn' && refusal.message],
      ]);
      if (Object.keys(errors).length > 0 || !venture) throw invalid(errors);

      const warnings: AdmissionWarning[] = [];
      if ((await blacklistedCodes(tx, [input.creditCode], today)).has(input.creditCode)) warnings.push('blacklisted');
      const [updated] = await tx
        .update(ventures)
        .set({ stage: 'accelerating', currentCarrierId: input.carrierId, version: venture.version + 1 })
        .where(and(eq(ventures.id, venture.id), eq(ventures.version, venture.version)))
        .returning({ id: ventures.id });
      if (!updated) throw conflict();
      const opened = await openStay(tx, { ...input, ventureId: venture.id, stage: 'accelerating', ruleWarnings: warnings });
      const notice = await noticeToEarlierCarrier(tx, venture, input, scope);
      await writeAuditEntries(tx, actor, [
        ...notice,
        {
          action: 'venture.admit_graduate',
          entity: 'venture',
          entityId: venture.id,
          carrierId: input.carrierId,
          before: { stage: venture.stage, currentCarrierId: venture.currentCarrierId, version: venture.version },
          after: { stage: 'accelerating', currentCarrierId: input.carrierId, version: venture.version + 1 },
        },
        opened.audit,
      ]);
      return { ventureId: venture.id, residencyId: opened.id, warnings };
    },
    conflict,
  );
}
