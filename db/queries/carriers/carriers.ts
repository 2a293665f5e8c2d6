import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { changedFields, writeAudit, type Actor } from '@/db/audit';
import { conflict, notFound } from '@/lib/errors';
import type { Scope } from '@/lib/roles';
import type { CarrierProfileInput } from '@/lib/validation/carrier';
import type { Db, DbOrTx } from '../../client';
import { carriers } from '../../schema';
import { assertCarrierInScope, assertOperatorOf, carrierCondition } from '../shared/scope';
import { pinyin } from '../shared/collation';

/** The operator's carriers, for their list and for pickers (reports, admissions). */
export async function listOperatorCarriers(db: DbOrTx, scope: Scope) {
  return db
    .select({
      id: carriers.id,
      name: carriers.name,
      kind: carriers.kind,
      level: carriers.level,
      status: carriers.status,
      zone: carriers.zone,
      totalAreaM2: carriers.totalAreaM2,
      incubationAreaM2: carriers.incubationAreaM2,
      workstations: carriers.workstations,
      publicProfile: carriers.publicProfile,
      updatedAt: carriers.updatedAt,
    })
    .from(carriers)
    .where(carrierCondition(scope, carriers.id))
    .orderBy(asc(carriers.kind), pinyin(carriers.name), asc(carriers.id));
}

const profileColumns = {
  id: carriers.id,
  name: carriers.name,
  nameEn: carriers.nameEn,
  kind: carriers.kind,
  level: carriers.level,
  status: carriers.status,
  ownership: carriers.ownership,
  operatorOrg: carriers.operatorOrg,
  zone: carriers.zone,
  address: carriers.address,
  operatingSince: carriers.operatingSince,
  totalAreaM2: carriers.totalAreaM2,
  incubationAreaM2: carriers.incubationAreaM2,
  publicServiceAreaM2: carriers.publicServiceAreaM2,
  workstations: carriers.workstations,
  services: carriers.services,
  seedFundFen: carriers.seedFundFen,
  professionalStaff: carriers.professionalStaff,
  totalStaff: carriers.totalStaff,
  mentors: carriers.mentors,
  focusIndustries: carriers.focusIndustries,
  specialised: carriers.specialised,
  publicProfile: carriers.publicProfile,
  contactName: carriers.contactName,
  contactPhone: carriers.contactPhone,
  contactEmail: carriers.contactEmail,
  version: carriers.version,
  updatedAt: carriers.updatedAt,
};
export type CarrierProfile = Awaited<ReturnType<typeof getCarrierProfile>>;

/** One carrier's profile and accreditation; notFound outside the scope. */
export async function getCarrierProfile(db: DbOrTx, scope: Scope, carrierId: number) {
  assertCarrierInScope(scope, carrierId);
  const [row] = await db.select(profileColumns).from(carriers).where(eq(carriers.id, carrierId)).limit(1);
  if (!row) throw notFound();
  return row;
}

/** The fields of the profile the operator keeps (the rest is the committee's accreditation). */
function editableOf(v: CarrierProfileInput | CarrierProfile) {
  return {
    totalAreaM2: v.totalAreaM2,
    incubationAreaM2: v.incubationAreaM2,
    publicServiceAreaM2: v.publicServiceAreaM2,
    workstations: v.workstations,
    services: v.services ?? null,
    seedFundFen: v.seedFundFen,
    professionalStaff: v.professionalStaff,
    totalStaff: v.totalStaff,
    mentors: v.mentors,
    // A set of industries: the order in which they were ticked is no change.
    focusIndustries: [...v.focusIndustries].sort(),
    specialised: v.specialised,
    publicProfile: v.publicProfile,
    contactName: v.contactName ?? null,
    contactPhone: v.contactPhone ?? null,
    contactEmail: v.contactEmail ?? null,
  };
}

/**
 * Saves the operator's part of a carrier's profile, guarded by the version the form was loaded
 * with (conflict when someone saved meanwhile), with one audit entry naming the changed fields.
 */
export async function updateCarrierProfile(db: Db, actor: Actor, scope: Scope, input: CarrierProfileInput): Promise<{ version: number; changed: string[] }> {
  assertOperatorOf(scope, input.carrierId);
  return db.transaction(async (tx) => {
    const before = await getCarrierProfile(tx, scope, input.carrierId);
    if (before.version !== input.version) throw conflict();
    const next = editableOf(input);
    const diff = changedFields(editableOf(before), next);
    const changed = Object.keys(diff.after);
    if (changed.length === 0) return { version: before.version, changed };
    const [row] = await tx
      .update(carriers)
      .set({ ...next, version: before.version + 1 })
      .where(and(eq(carriers.id, input.carrierId), eq(carriers.version, input.version)))
      .returning({ version: carriers.version });
    if (!row) throw conflict();
    await writeAudit(tx, actor, {
      action: 'carrier.updateProfile',
      entity: 'carrier',
      entityId: input.carrierId,
      carrierId: input.carrierId,
      before: diff.before,
      after: diff.after,
    });
    return { version: row.version, changed };
  });
}
