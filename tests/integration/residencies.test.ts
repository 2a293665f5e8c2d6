import { and, asc, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { admitVentures } from '@/db/queries/ventures/admission';
import { admitGraduate, endResidency, incorporateTeam, openResidencyOfVenture } from '@/db/queries/ventures/residencies';
import { auditLog, residencies, ventures } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import type { AdmissionInput } from '@/lib/validation/venture';
import { setUpOperatorDatabase } from '../helpers/operator-db';
import { makeCarrier, makeResidentCompany } from '../helpers/fixtures';
import { companyInput, residencyCreditCode, teamInput } from '../helpers/residency-fixtures';

const TODAY = '2026-03-01';
const env = setUpOperatorDatabase();

async function admitOne(input: AdmissionInput) {
  const [r] = await env.handle.db.transaction((tx) => admitVentures(tx, env.op.actor, env.op.scope, [input], TODAY));
  const [v] = await env.handle.db.select().from(ventures).where(eq(ventures.id, r!.ventureId));
  return { ...r!, venture: v! };
}
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: unknown) => {
      expect(e).toBeInstanceOf(DomainError);
      return e as DomainError;
    },
  );
const auditOf = (entity: string, id: number) =>
  env.handle.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, String(id))))
    .orderBy(asc(auditLog.id));

describe('ending a stay', () => {
  it('ends an incubation as graduated: the venture leaves and is graduated', async () => {
    const a = await admitOne(companyInput(env.op.incubator.id));
    const end = { ventureId: a.ventureId, residencyId: a.residencyId, version: a.venture.version, leftOn: '2026-02-20', reason: 'graduated' as const };
    expect(await endResidency(env.handle.db, env.op.actor, env.op.scope, end, TODAY)).toMatchObject({ stage: 'graduated' });
    const [v] = await env.handle.db.select().from(ventures).where(eq(ventures.id, a.ventureId));
    expect(v).toMatchObject({ stage: 'graduated', currentCarrierId: null, version: a.venture.version + 1 });
    const [stay] = await env.handle.db.select().from(residencies).where(eq(residencies.id, a.residencyId));
    expect(stay).toMatchObject({ leftOn: '2026-02-20', exitReason: 'graduated' });
    expect((await auditOf('residency', a.residencyId)).map((e) => e.action)).toEqual(['residency.open', 'residency.end']);
    expect((await auditOf('venture', a.ventureId)).map((e) => e.action)).toEqual(['venture.admit', 'venture.leave']);
    expect(await openResidencyOfVenture(env.handle.db, env.op.scope, a.ventureId)).toBeNull();
  });

  it('keeps the stage when the venture moves, and exits it otherwise', async () => {
    const moved = await admitOne(companyInput(env.op.incubator.id));
    await endResidency(
      env.handle.db,
      env.op.actor,
      env.op.scope,
      { ventureId: moved.ventureId, residencyId: moved.residencyId, version: 1, leftOn: TODAY, reason: 'moved' },
      TODAY,
    );
    const failed = await admitOne(teamInput(env.op.nursery.id));
    await endResidency(
      env.handle.db,
      env.op.actor,
      env.op.scope,
      { ventureId: failed.ventureId, residencyId: failed.residencyId, version: 1, leftOn: TODAY, reason: 'failed' },
      TODAY,
    );
    const rows = await env.handle.db
      .select({ id: ventures.id, stage: ventures.stage, carrier: ventures.currentCarrierId })
      .from(ventures)
      .where(inArray(ventures.id, [moved.ventureId, failed.ventureId]))
      .orderBy(asc(ventures.id));
    expect(rows.map((r) => [r.stage, r.carrier])).toEqual([
      ['incubating', null],
      ['exited', null],
    ]);
  });

  it('refuses graduation from a nursery, a date before entry or after today', async () => {
    const t = await admitOne(teamInput(env.op.nursery.id, { enteredOn: '2026-01-15' }));
    const base = { ventureId: t.ventureId, residencyId: t.residencyId, version: 1 };
    const e1 = await refusal(endResidency(env.handle.db, env.op.actor, env.op.scope, { ...base, leftOn: '2026-02-01', reason: 'graduated' }, TODAY));
    expect(e1.fieldErrors).toEqual({ reason: [{ key: 'residencyErrors.graduateOnlyFromIncubation' }] });
    const e2 = await refusal(endResidency(env.handle.db, env.op.actor, env.op.scope, { ...base, leftOn: '2026-01-14', reason: 'voluntary' }, TODAY));
    expect(e2.fieldErrors).toEqual({ leftOn: [{ key: 'residencyErrors.beforeEntry', params: { date: '2026-01-15' } }] });
    const e3 = await refusal(endResidency(env.handle.db, env.op.actor, env.op.scope, { ...base, leftOn: '2026-03-02', reason: 'voluntary' }, TODAY));
    expect(e3.fieldErrors).toEqual({ leftOn: [{ key: 'dateInFuture' }] });
    expect((await auditOf('residency', t.residencyId)).map((e) => e.action)).toEqual(['residency.open']);
  });

  it('answers a stale version, or a stay already ended, with a conflict', async () => {
    const a = await admitOne(companyInput(env.op.incubator.id));
    const end = { ventureId: a.ventureId, residencyId: a.residencyId, leftOn: TODAY, reason: 'voluntary' as const };
    await env.handle.db.update(ventures).set({ version: 2 }).where(eq(ventures.id, a.ventureId));
    expect((await refusal(endResidency(env.handle.db, env.op.actor, env.op.scope, { ...end, version: 1 }, TODAY))).code).toBe('conflict');
    await endResidency(env.handle.db, env.op.actor, env.op.scope, { ...end, version: 2 }, TODAY);
    expect((await refusal(endResidency(env.handle.db, env.op.actor, env.op.scope, { ...end, version: 3 }, TODAY))).code).toBe('conflict');
  });

  it('does not end another carrier’s stay', async () => {
    const other = await makeCarrier(env.handle.db, 'incubator');
    const v = await makeResidentCompany(env.handle.db, other.id);
    const [stay] = await env.handle.db.select().from(residencies).where(eq(residencies.ventureId, v.id));
    const e = await refusal(
      endResidency(env.handle.db, env.op.actor, env.op.scope, { ventureId: v.id, residencyId: stay!.id, version: 1, leftOn: TODAY, reason: 'failed' }, TODAY),
    );
    expect(e.code).toBe('notFound');
  });
});

describe('a nursery team that incorporated', () => {
  const incorporation = (t: { ventureId: number }, over: Partial<Parameters<typeof incorporateTeam>[3]> = {}) => ({
    ventureId: t.ventureId,
    version: 1,
    name: '智谱未来（上海）科技有限公司',
    creditCode: residencyCreditCode(),
    foundedOn: '2026-02-01',
    enteredOn: '2026-02-10',
    carrierId: env.op.incubator.id,
    areaM2: 80,
    workstations: 6,
    ...over,
  });

  it('becomes a company in the incubator, with its nursery stay closed as incorporated', async () => {
    const t = await admitOne(teamInput(env.op.nursery.id));
    const input = incorporation(t);
    const r = await incorporateTeam(env.handle.db, env.op.actor, env.op.scope, input, TODAY);
    expect(r).toMatchObject({ ventureId: t.ventureId, warnings: [] });
    const [v] = await env.handle.db.select().from(ventures).where(eq(ventures.id, t.ventureId));
    expect(v).toMatchObject({
      kind: 'company',
      name: input.name,
      creditCode: input.creditCode,
      foundedOn: '2026-02-01',
      stage: 'incubating',
      currentCarrierId: env.op.incubator.id,
      version: 2,
    });
    const stays = await env.handle.db.select().from(residencies).where(eq(residencies.ventureId, t.ventureId)).orderBy(asc(residencies.id));
    expect(stays.map((s) => [s.carrierId, s.stage, s.enteredOn, s.leftOn, s.exitReason])).toEqual([
      [env.op.nursery.id, 'nursery', '2026-01-15', '2026-02-10', 'incorporated'],
      [env.op.incubator.id, 'incubating', '2026-02-10', null, null],
    ]);
    expect((await auditOf('venture', t.ventureId)).map((e) => e.action)).toEqual(['venture.admit', 'venture.incorporate']);
  });

  it('refuses a code another venture has, a carrier that is not an incubator, and a stale version', async () => {
    const t = await admitOne(teamInput(env.op.nursery.id));
    const other = await makeResidentCompany(env.handle.db, (await makeCarrier(env.handle.db, 'incubator')).id);
    const e1 = await refusal(incorporateTeam(env.handle.db, env.op.actor, env.op.scope, incorporation(t, { creditCode: other.creditCode! }), TODAY));
    expect(e1.fieldErrors).toEqual({ creditCode: [{ key: 'residencyErrors.codeTaken' }] });
    const e2 = await refusal(incorporateTeam(env.handle.db, env.op.actor, env.op.scope, incorporation(t, { carrierId: env.op.accelerator.id }), TODAY));
    expect(e2.fieldErrors).toEqual({ carrierId: [{ key: 'residencyErrors.needsIncubator' }] });
    const e3 = await refusal(incorporateTeam(env.handle.db, env.op.actor, env.op.scope, incorporation(t, { version: 7 }), TODAY));
    expect(e3.code).toBe('conflict');
    const e4 = await refusal(incorporateTeam(env.handle.db, env.op.actor, env.op.scope, incorporation(t, { enteredOn: '2026-01-01' }), TODAY));
    expect(e4.fieldErrors).toEqual({ enteredOn: [{ key: 'residencyErrors.beforeEntry', params: { date: '2026-01-15' } }] });
  });

  it('refuses a company that is not a nursery team', async () => {
    const c = await admitOne(companyInput(env.op.incubator.id));
    const e = await refusal(incorporateTeam(env.handle.db, env.op.actor, env.op.scope, incorporation(c), TODAY));
    expect(e.fieldErrors).toEqual({ _form: [{ key: 'residencyErrors.notANurseryTeam' }] });
  });
});

describe('an accelerator admitting a graduate', () => {
  async function graduate() {
    const a = await admitOne(companyInput(env.op.incubator.id));
    await endResidency(
      env.handle.db,
      env.op.actor,
      env.op.scope,
      { ventureId: a.ventureId, residencyId: a.residencyId, version: 1, leftOn: '2026-02-01', reason: 'graduated' },
      TODAY,
    );
    return a;
  }
  const admission = (code: string) => ({ carrierId: env.op.accelerator.id, creditCode: code, enteredOn: '2026-02-15', areaM2: 500, workstations: 20 });

  it('admits the same venture by its code, keeping its history', async () => {
    const g = await graduate();
    const r = await admitGraduate(env.handle.db, env.op.actor, env.op.scope, admission(g.venture.creditCode!), TODAY);
    expect(r.ventureId).toBe(g.ventureId);
    const [v] = await env.handle.db.select().from(ventures).where(eq(ventures.id, g.ventureId));
    expect(v).toMatchObject({ stage: 'accelerating', currentCarrierId: env.op.accelerator.id, version: 3 });
    const stays = await env.handle.db.select().from(residencies).where(eq(residencies.ventureId, g.ventureId)).orderBy(asc(residencies.id));
    expect(stays.map((s) => [s.stage, s.exitReason])).toEqual([
      ['incubating', 'graduated'],
      ['accelerating', null],
    ]);
    expect((await auditOf('venture', g.ventureId)).map((e) => e.action)).toEqual(['venture.admit', 'venture.leave', 'venture.admit_graduate']);
    const again = await refusal(admitGraduate(env.handle.db, env.op.actor, env.op.scope, admission(g.venture.creditCode!), TODAY));
    expect(again.fieldErrors).toEqual({ creditCode: [{ key: 'admission.alreadyResident' }] });
  });

  it('refuses an unknown code, a company not graduated, one open elsewhere, and a carrier that is not an accelerator', async () => {
    const unknown = await refusal(admitGraduate(env.handle.db, env.op.actor, env.op.scope, admission(residencyCreditCode()), TODAY));
    expect(unknown.fieldErrors).toEqual({ creditCode: [{ key: 'residencyErrors.graduateUnknown' }] });

    const exited = await admitOne(companyInput(env.op.incubator.id));
    await endResidency(
      env.handle.db,
      env.op.actor,
      env.op.scope,
      { ventureId: exited.ventureId, residencyId: exited.residencyId, version: 1, leftOn: TODAY, reason: 'failed' },
      TODAY,
    );
    const notGraduated = await refusal(admitGraduate(env.handle.db, env.op.actor, env.op.scope, admission(exited.venture.creditCode!), TODAY));
    expect(notGraduated.fieldErrors).toEqual({ creditCode: [{ key: 'residencyErrors.notGraduated' }] });

    const elsewhere = await makeResidentCompany(env.handle.db, (await makeCarrier(env.handle.db, 'accelerator', { name: '别家加速器乙' })).id, 'accelerating');
    const open = await refusal(admitGraduate(env.handle.db, env.op.actor, env.op.scope, admission(elsewhere.creditCode!), TODAY));
    expect(open.fieldErrors).toEqual({ creditCode: [{ key: 'admission.openElsewhere' }] });
    expect(JSON.stringify(open)).not.toContain('别家加速器乙');

    const g = await graduate();
    const wrongKind = await refusal(
      admitGraduate(env.handle.db, env.op.actor, env.op.scope, { ...admission(g.venture.creditCode!), carrierId: env.op.incubator.id }, TODAY),
    );
    expect(wrongKind.fieldErrors).toEqual({ carrierId: [{ key: 'residencyErrors.needsAccelerator' }] });
  });

  it('refuses an accelerator outside the scope as not found', async () => {
    const g = await graduate();
    const theirs = await makeCarrier(env.handle.db, 'accelerator');
    const e = await refusal(admitGraduate(env.handle.db, env.op.actor, env.op.scope, { ...admission(g.venture.creditCode!), carrierId: theirs.id }, TODAY));
    expect(e.code).toBe('notFound');
  });
});
