import type { FieldMessage } from '../errors';
import type { IsoDate } from './dates';
import type { ResidencyStage, VentureStage } from './vocabulary';

/**
 * A venture's history belongs to the carriers that lived it (docs/data-ownership.md).
 *
 * A stay is the days [enteredOn, leftOn): the day a venture leaves is the first day another
 * carrier may count it. Stays of one venture never overlap (the database holds the same rule
 * as the exclusion constraint residencies_no_overlap); a new stay starts on or after the day
 * the last one ended; a venture with an open stay is nobody else's to admit; and a stay ended
 * by a graduation the committee has not yet decided stays the committee's until it has.
 */
export type Stay = { carrierId: number; enteredOn: IsoDate; leftOn: IsoDate | null };

/** What an admission needs to know of a venture already registered. */
export type VentureRecord = {
  stage: VentureStage;
  stays: readonly Stay[];
  /** A graduation recorded and still pending the committee's verification. */
  graduationPending: boolean;
};

/** Incubators take companies still in incubation; accelerators take graduates. */
export type EntryPath = 'incubator' | 'accelerator';

export type AdmissionRefusal = { field: 'creditCode' | 'enteredOn'; message: FieldMessage };

/** Whether two stays share a day. An open stay runs on without end; a stay of no days shares none. */
export function staysOverlap(a: Stay, b: Stay): boolean {
  const aEnds = a.leftOn ?? '9999-12-31';
  const bEnds = b.leftOn ?? '9999-12-31';
  if (a.enteredOn >= aEnds || b.enteredOn >= bEnds) return false;
  return a.enteredOn < bEnds && b.enteredOn < aEnds;
}

/** Pairs of indexes of stays that overlap; empty when the history keeps the rule. */
export function overlappingStays(stays: readonly Stay[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < stays.length; i++) {
    for (let j = i + 1; j < stays.length; j++) if (staysOverlap(stays[i]!, stays[j]!)) out.push([i, j]);
  }
  return out;
}

/** The stay still open, if any (there is at most one). */
export function openStay(stays: readonly Stay[]): Stay | null {
  return stays.find((s) => s.leftOn === null) ?? null;
}

/** The first day a new stay may begin: the latest day a stay ended (null when none has). */
export function earliestNextEntry(stays: readonly Stay[]): IsoDate | null {
  let last: IsoDate | null = null;
  for (const s of stays) {
    const end = s.leftOn ?? s.enteredOn;
    if (last === null || end > last) last = end;
  }
  return last;
}

/** Stages a venture may be in to enter a carrier of this kind by its credit code. */
function stageAdmits(path: EntryPath, stage: VentureStage): FieldMessage | null {
  if (path === 'accelerator') return stage === 'graduated' || stage === 'accelerating' ? null : { key: 'residencyErrors.notGraduated' };
  if (stage === 'incubating') return null;
  if (stage === 'graduated') return { key: 'ownership.graduated' };
  if (stage === 'exited') return { key: 'ownership.exited' };
  return { key: 'ownership.pastIncubation' };
}

/**
 * Why this registered venture may not begin a stay in `carrierId` on `enteredOn`, or null
 * when it may. The reasons name no other carrier.
 */
export function readmissionRefusal(venture: VentureRecord, entry: { carrierId: number; enteredOn: IsoDate; path: EntryPath }): AdmissionRefusal | null {
  const open = openStay(venture.stays);
  if (open) {
    const key = open.carrierId === entry.carrierId ? 'admission.alreadyResident' : 'admission.openElsewhere';
    return { field: 'creditCode', message: { key } };
  }
  if (venture.graduationPending) return { field: 'creditCode', message: { key: 'ownership.graduationPending' } };
  const stage = stageAdmits(entry.path, venture.stage);
  if (stage) return { field: 'creditCode', message: stage };
  const from = earliestNextEntry(venture.stays);
  if (from !== null && entry.enteredOn < from) return { field: 'enteredOn', message: { key: 'ownership.beforeLastStay', params: { date: from } } };
  return null;
}

/** Whether a carrier among `carrierIds` lived any of these stays: it then sees the venture's identity and its own period. */
export function livedBy(stays: readonly Stay[], carrierIds: readonly number[]): boolean {
  return stays.some((s) => carrierIds.includes(s.carrierId));
}

/** Only the carrier of the open stay changes the venture. */
export function editableBy(stays: readonly Stay[], carrierIds: readonly number[]): boolean {
  const open = openStay(stays);
  return open !== null && carrierIds.includes(open.carrierId);
}

/** A record made by a carrier (a report, a financing, a graduation, a document) is seen by that carrier only. */
export function recordVisibleTo(recordCarrierId: number | null, carrierIds: readonly number[]): boolean {
  return recordCarrierId !== null && carrierIds.includes(recordCarrierId);
}

/**
 * The stage a carrier last saw the venture in, from the end of its own latest stay: what its
 * lists keep showing after the venture has moved on to another carrier.
 */
export function stageAsLeft(stay: { stage: ResidencyStage; exitReason: string | null }): VentureStage {
  if (stay.exitReason === null || stay.exitReason === 'moved') return stay.stage;
  if (stay.exitReason === 'graduated') return 'graduated';
  if (stay.exitReason === 'incorporated') return 'incubating';
  return 'exited';
}
