import type { FieldErrors, FieldMessage } from '../errors';
import type { IsoDate } from './dates';
import type { CarrierKind, VentureKind } from './vocabulary';
import { readmissionRefusal, type VentureRecord } from './stays';
import { admissionWarnings, type TenantWarning } from './tenancy';

/**
 * Deciding a batch of admissions (one from the form, thousands from a workbook) before anything
 * is written: which carrier kinds take which ventures, which credit codes are already taken,
 * and which warnings to record. Field errors are keyed `${index}.${field}`.
 */
export type AdmissionWarning = TenantWarning | 'blacklisted';

export type AdmissionCandidate = {
  kind: VentureKind;
  carrierId: number;
  creditCode?: string | null;
  foundedOn?: IsoDate | null;
  enteredOn: IsoDate;
};

/** A venture already registered under a credit code, with its stays and whether a graduation awaits the committee. */
export type KnownVenture = VentureRecord & { id: number; creditCode: string };

export type AdmissionContext = {
  carrierKinds: ReadonlyMap<number, CarrierKind>;
  known: ReadonlyMap<string, KnownVenture>;
  blacklisted: ReadonlySet<string>;
  today: IsoDate;
};

/**
 * What a row of a file gives of a candidate when some of its cells could not be read: only the
 * fields that could. The rules that need a missing field are left for that field's own error.
 */
export type PartialCandidate = Partial<AdmissionCandidate>;

export type PlannedAdmission = { index: number; warnings: AdmissionWarning[]; readmitVentureId: number | null };

export type AdmissionPlan = { ok: true; rows: PlannedAdmission[] } | { ok: false; fieldErrors: FieldErrors };

/** The carrier kind that admits a venture of this kind through the admission form. */
export function carrierKindFor(kind: VentureKind): CarrierKind {
  return kind === 'team' ? 'nursery' : 'incubator';
}

export function planAdmissions(inputs: readonly AdmissionCandidate[], ctx: AdmissionContext): AdmissionPlan {
  const { fieldErrors, rows } = judge(inputs, ctx);
  return Object.keys(fieldErrors).length > 0 ? { ok: false, fieldErrors } : { ok: true, rows };
}

/**
 * Every rule refusal of a batch, the candidates complete or not, keyed `${index}.${field}`:
 * a workbook's rows are judged by the rules as well as by the format in one round, so that a
 * row refused for its carrier is named together with a row whose credit code is mistyped.
 */
export function admissionRuleErrors(inputs: readonly PartialCandidate[], ctx: AdmissionContext): FieldErrors {
  return judge(inputs, ctx).fieldErrors;
}

function judge(inputs: readonly PartialCandidate[], ctx: AdmissionContext): { fieldErrors: FieldErrors; rows: PlannedAdmission[] } {
  const fieldErrors: FieldErrors = {};
  const fail = (index: number, field: string, message: FieldMessage) => (fieldErrors[`${index}.${field}`] ??= []).push(message);
  const firstIndexOfCode = new Map<string, number>();
  const rows: PlannedAdmission[] = [];

  inputs.forEach((input, index) => {
    const carrierKind = input.carrierId === undefined ? undefined : ctx.carrierKinds.get(input.carrierId);
    if (input.kind && input.carrierId !== undefined && carrierKind !== carrierKindFor(input.kind)) {
      fail(index, 'kind', { key: input.kind === 'team' ? 'admission.teamNeedsNursery' : 'admission.companyNeedsIncubator' });
    }
    if (input.enteredOn && input.enteredOn > ctx.today) fail(index, 'enteredOn', { key: 'dateInFuture' });
    if (input.kind === 'company' && input.foundedOn && input.foundedOn > ctx.today) fail(index, 'foundedOn', { key: 'dateInFuture' });

    let readmitVentureId: number | null = null;
    const code = input.kind === 'company' ? input.creditCode : null;
    if (input.kind === 'company' && input.creditCode !== undefined && !code) fail(index, 'creditCode', { key: 'creditCode.empty' });
    if (code) {
      const first = firstIndexOfCode.get(code);
      if (first !== undefined) {
        fail(index, 'creditCode', { key: 'admission.duplicateInBatch', params: { line: first + 1 } });
      } else {
        firstIndexOfCode.set(code, index);
        const known = ctx.known.get(code);
        const refusal =
          known && input.carrierId !== undefined && input.enteredOn
            ? readmissionRefusal(known, { carrierId: input.carrierId, enteredOn: input.enteredOn, path: 'incubator' })
            : null;
        if (refusal) fail(index, refusal.field, refusal.message);
        else if (known) readmitVentureId = known.id;
      }
    }

    // Warnings only for a complete candidate: a partial one is never written.
    if (!input.kind || !input.enteredOn) return;
    const warnings: AdmissionWarning[] = admissionWarnings({
      kind: input.kind,
      foundedOn: input.kind === 'company' ? (input.foundedOn ?? null) : null,
      enteredOn: input.enteredOn,
    });
    if (code && ctx.blacklisted.has(code)) warnings.push('blacklisted');
    rows.push({ index, warnings, readmitVentureId });
  });
  return { fieldErrors, rows };
}
