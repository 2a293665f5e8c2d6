import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/connect';
import { getCarrierProfile, listOperatorCarriers, updateCarrierProfile } from '@/db/queries/carriers/carriers';
import { auditLog, carriers } from '@/db/schema';
import type { Actor } from '@/db/audit';
import type { Scope } from '@/lib/roles';
import { carrierProfileInput } from '@/lib/validation/carrier';
import { zodFieldErrors } from '@/lib/validation/zod-messages';
import { bindOperator, makeCarrier, makeUser } from '../helpers/fixtures';
import { openTestDatabase } from '../helpers/db';

let handle: DatabaseHandle;
let actor: Actor;
let scope: Scope;
let nurseryId: number;
let incubatorId: number;
let otherId: number;

beforeAll(async () => {
  handle = await openTestDatabase();
  const op = await makeUser(handle.db, 'operator');
  const nursery = await makeCarrier(handle.db, 'nursery', { level: 'district' });
  const incubator = await makeCarrier(handle.db, 'incubator', { level: 'municipal' });
  const other = await makeCarrier(handle.db, 'incubator');
  await bindOperator(handle.db, op.id, nursery.id);
  await bindOperator(handle.db, op.id, incubator.id);
  actor = { userId: op.id, role: 'operator', ip: '127.0.0.1' };
  scope = { kind: 'carriers', carrierIds: [nursery.id, incubator.id] };
  nurseryId = nursery.id;
  incubatorId = incubator.id;
  otherId = other.id;
});
afterAll(async () => {
  await handle?.close();
});

/** The profile form as it is posted: strings, checkboxes present only when ticked. */
const form = (carrierId: number, version: number, extra: Record<string, unknown> = {}) => ({
  carrierId: String(carrierId),
  version: String(version),
  totalAreaM2: '12,000',
  incubationAreaM2: '9000',
  publicServiceAreaM2: '2000',
  workstations: '300',
  services: '工商注册代办、投融资对接',
  seedFundFen: '5,000,000.50',
  professionalStaff: '8',
  totalStaff: '10',
  mentors: '12',
  focusIndustries: ['ai', 'software'],
  specialised: 'on',
  contactName: '王主任',
  contactPhone: '021-5080 1234',
  contactEmail: 'office@example.org',
  ...extra,
});

const errorsOf = (input: Record<string, unknown>) => {
  const r = carrierProfileInput.safeParse(input);
  return r.success ? {} : zodFieldErrors(r.error);
};

describe('the operator’s carriers', () => {
  it('lists only the carriers bound to the operator', async () => {
    const rows = await listOperatorCarriers(handle.db, scope);
    expect(rows.map((r) => r.id).sort()).toEqual([nurseryId, incubatorId].sort());
    expect(rows[0]!.kind).toBe('nursery');
  });

  it('reads a profile in scope and refuses one outside', async () => {
    expect(await getCarrierProfile(handle.db, scope, incubatorId)).toMatchObject({ id: incubatorId, level: 'municipal', version: 1 });
    await expect(getCarrierProfile(handle.db, scope, otherId)).rejects.toMatchObject({ code: 'notFound' });
  });
});

describe('updating a profile', () => {
  it('saves the operator’s fields, bumps the version and audits the changed fields only', async () => {
    const input = carrierProfileInput.parse(form(incubatorId, 1));
    const result = await updateCarrierProfile(handle.db, actor, scope, input);
    expect(result.version).toBe(2);
    const saved = await getCarrierProfile(handle.db, scope, incubatorId);
    expect(saved).toMatchObject({
      totalAreaM2: 12_000,
      incubationAreaM2: 9_000,
      publicServiceAreaM2: 2_000,
      seedFundFen: 500_000_050,
      focusIndustries: ['ai', 'software'],
      specialised: true,
      publicProfile: false,
      contactEmail: 'office@example.org',
      kind: 'incubator',
      level: 'municipal',
      version: 2,
    });
    const [entry] = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'carrier'), eq(auditLog.entityId, String(incubatorId))))
      .orderBy(asc(auditLog.id));
    expect(entry).toMatchObject({ action: 'carrier.updateProfile', carrierId: incubatorId, userId: actor.userId });
    expect(entry!.after).toMatchObject({ totalAreaM2: 12_000, seedFundFen: 500_000_050, specialised: true });
    expect(Object.keys(entry!.after as object)).not.toContain('kind');
    // The fixture had a public profile and 10,000 m²; only what changed is recorded.
    expect(entry!.before).toMatchObject({ totalAreaM2: 10_000, publicProfile: true });

    const again = await updateCarrierProfile(handle.db, actor, scope, carrierProfileInput.parse(form(incubatorId, 2, { mentors: '13' })));
    expect(again).toEqual({ version: 3, changed: ['mentors'] });
    // The same industries ticked in another order are no change.
    const reordered = await updateCarrierProfile(
      handle.db,
      actor,
      scope,
      carrierProfileInput.parse(form(incubatorId, 3, { mentors: '13', focusIndustries: ['software', 'ai'] })),
    );
    expect(reordered).toEqual({ version: 3, changed: [] });
  });

  it('refuses a stale version and keeps the stored profile', async () => {
    const current = await getCarrierProfile(handle.db, scope, nurseryId);
    await updateCarrierProfile(handle.db, actor, scope, carrierProfileInput.parse(form(nurseryId, current.version, { mentors: '3' })));
    await expect(
      updateCarrierProfile(handle.db, actor, scope, carrierProfileInput.parse(form(nurseryId, current.version, { mentors: '99' }))),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect((await getCarrierProfile(handle.db, scope, nurseryId)).mentors).toBe(3);
  });

  it('refuses a carrier out of scope', async () => {
    await expect(updateCarrierProfile(handle.db, actor, scope, carrierProfileInput.parse(form(otherId, 1)))).rejects.toMatchObject({
      code: 'notFound',
    });
    const [other] = await handle.db.select().from(carriers).where(eq(carriers.id, otherId));
    expect(other!.version).toBe(1);
  });
});

describe('profile validation', () => {
  it('keeps incubation and public service within the total area, as the database does', async () => {
    expect(errorsOf(form(incubatorId, 1, { totalAreaM2: '10000', incubationAreaM2: '9000', publicServiceAreaM2: '1000' }))).toEqual({});
    expect(errorsOf(form(incubatorId, 1, { totalAreaM2: '10000', incubationAreaM2: '9001', publicServiceAreaM2: '1000' }))).toEqual({
      incubationAreaM2: [{ key: 'tooBig', params: { maximum: 9000 } }],
    });
    expect(errorsOf(form(incubatorId, 1, { totalAreaM2: '100', incubationAreaM2: '50', publicServiceAreaM2: '200' }))).toEqual({
      incubationAreaM2: [{ key: 'tooBig', params: { maximum: 0 } }],
    });
    // The database's own check is the same rule.
    await expect(
      handle.db.update(carriers).set({ incubationAreaM2: 9_500, publicServiceAreaM2: 1_000, totalAreaM2: 10_000 }).where(eq(carriers.id, otherId)),
    ).rejects.toThrow();
  });

  it('keeps the professional staff within the total staff', () => {
    expect(errorsOf(form(incubatorId, 1, { professionalStaff: '10', totalStaff: '10' }))).toEqual({});
    expect(errorsOf(form(incubatorId, 1, { professionalStaff: '11', totalStaff: '10' }))).toEqual({
      totalStaff: [{ key: 'tooSmall', params: { minimum: 11 } }],
    });
  });

  it('names each bad field', () => {
    expect(
      errorsOf(form(incubatorId, 1, { totalAreaM2: '-1', seedFundFen: '1.234', focusIndustries: ['space'], contactEmail: 'nobody', workstations: '' })),
    ).toEqual({
      totalAreaM2: [{ key: 'tooSmall', params: { minimum: 0 } }],
      workstations: [{ key: 'required' }],
      seedFundFen: [{ key: 'amount' }],
      focusIndustries: [{ key: 'choice' }],
      contactEmail: [{ key: 'email' }],
    });
    expect(carrierProfileInput.parse(form(incubatorId, 1, { focusIndustries: 'ai', contactPhone: '', specialised: undefined }))).toMatchObject({
      focusIndustries: ['ai'],
      contactPhone: undefined,
      specialised: false,
    });
  });
});
