import fs from 'node:fs';
import path from 'node:path';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { admitVentures, carriersForResidency } from '@/db/queries/ventures/admission';
import { endResidency } from '@/db/queries/ventures/residencies';
import { auditLog, blacklistEntries, residencies, ventures } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import type { AdmissionInput } from '@/lib/validation/venture';
import { setUpOperatorDatabase } from '../helpers/operator-db';
import { makeCarrier, makeResidentCompany } from '../helpers/fixtures';
import { companyInput, residencyCreditCode, teamInput } from '../helpers/residency-fixtures';

const TODAY = '2026-03-01';
const env = setUpOperatorDatabase();

const admit = (inputs: AdmissionInput[]) => env.handle.db.transaction((tx) => admitVentures(tx, env.op.actor, env.op.scope, inputs, TODAY));
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

describe('admitting ventures', () => {
  it('admits a company into an incubator and a team into a nursery, with audit entries', async () => {
    const company = companyInput(env.op.incubator.id);
    const team = teamInput(env.op.nursery.id);
    const [a, b] = await admit([company, team]);
    const rows = await env.handle.db
      .select()
      .from(ventures)
      .where(inArray(ventures.id, [a!.ventureId, b!.ventureId]))
      .orderBy(asc(ventures.id));
    expect(rows.map((v) => [v.kind, v.stage, v.currentCarrierId, v.creditCode])).toEqual([
      ['company', 'incubating', env.op.incubator.id, company.kind === 'company' ? company.creditCode : null],
      ['team', 'nursery', env.op.nursery.id, null],
    ]);
    const stays = await env.handle.db
      .select()
      .from(residencies)
      .where(inArray(residencies.id, [a!.residencyId, b!.residencyId]))
      .orderBy(asc(residencies.id));
    expect(stays.map((r) => [r.stage, r.enteredOn, r.leftOn, r.areaM2, r.workstations])).toEqual([
      ['incubating', '2026-01-15', null, 120, 8],
      ['nursery', '2026-01-15', null, 0, 4],
    ]);
    const entries = await env.handle.db
      .select({ action: auditLog.action, entityId: auditLog.entityId, userId: auditLog.userId })
      .from(auditLog)
      .where(
        inArray(
          auditLog.entityId,
          [a, b].flatMap((r) => [String(r!.ventureId), String(r!.residencyId)]),
        ),
      );
    expect(entries.filter((e) => e.action === 'venture.admit')).toHaveLength(2);
    expect(entries.filter((e) => e.action === 'residency.open')).toHaveLength(2);
    expect(entries.every((e) => e.userId === env.op.user.id)).toBe(true);
  });

  it('refuses a team into an incubator and a company into a nursery', async () => {
    const e = await refusal(admit([teamInput(env.op.incubator.id), companyInput(env.op.nursery.id), companyInput(env.op.accelerator.id)]));
    expect(e.code).toBe('invalid');
    expect(e.fieldErrors).toEqual({
      '0.kind': [{ key: 'admission.teamNeedsNursery' }],
      '1.kind': [{ key: 'admission.companyNeedsIncubator' }],
      '2.kind': [{ key: 'admission.companyNeedsIncubator' }],
    });
  });

  it('refuses a code open in another carrier without naming it', async () => {
    const other = await makeCarrier(env.handle.db, 'incubator', { name: '别家孵化器甲' });
    const resident = await makeResidentCompany(env.handle.db, other.id);
    const e = await refusal(admit([companyInput(env.op.incubator.id, { creditCode: resident.creditCode! })]));
    expect(e.fieldErrors).toEqual({ '0.creditCode': [{ key: 'admission.openElsewhere' }] });
    for (const locale of ['zh-CN', 'en']) {
      const messages = JSON.parse(fs.readFileSync(path.join('messages', locale, 'residency.json'), 'utf8'));
      const text: string = messages.admission.openElsewhere;
      expect(text.length).toBeGreaterThan(5);
      expect(text).not.toContain(other.name);
      expect(text).not.toMatch(/\{/);
    }
    expect(JSON.stringify(e)).not.toContain(other.name);
  });

  it('refuses a company already resident here, and a code repeated in the batch', async () => {
    const [first] = await admit([companyInput(env.op.incubator.id)]);
    const [v] = await env.handle.db.select({ code: ventures.creditCode }).from(ventures).where(eq(ventures.id, first!.ventureId));
    expect((await refusal(admit([companyInput(env.op.incubator.id, { creditCode: v!.code! })]))).fieldErrors).toEqual({
      '0.creditCode': [{ key: 'admission.alreadyResident' }],
    });
    const code = residencyCreditCode();
    const e = await refusal(
      admit([companyInput(env.op.incubator.id, { creditCode: code }), teamInput(env.op.nursery.id), companyInput(env.op.incubator.id, { creditCode: code })]),
    );
    expect(e.fieldErrors).toEqual({ '2.creditCode': [{ key: 'admission.duplicateInBatch', params: { line: 1 } }] });
    const [n] = await env.handle.db.select({ n: count() }).from(ventures).where(eq(ventures.creditCode, code));
    expect(n!.n).toBe(0);
  });

  it('re-admits a company that left another carrier as the same venture', async () => {
    const other = await makeCarrier(env.handle.db, 'incubator');
    const resident = await makeResidentCompany(env.handle.db, other.id);
    const [stay] = await env.handle.db.select().from(residencies).where(eq(residencies.ventureId, resident.id));
    await env.handle.db.update(residencies).set({ leftOn: '2025-12-31', exitReason: 'moved' }).where(eq(residencies.id, stay!.id));
    await env.handle.db.update(ventures).set({ currentCarrierId: null }).where(eq(ventures.id, resident.id));

    const [r] = await admit([companyInput(env.op.incubator.id, { creditCode: resident.creditCode!, name: '改名后的企业' })]);
    expect(r!.ventureId).toBe(resident.id);
    const same = await env.handle.db.select().from(ventures).where(eq(ventures.creditCode, resident.creditCode!));
    expect(same).toHaveLength(1);
    expect(same[0]).toMatchObject({ stage: 'incubating', currentCarrierId: env.op.incubator.id, version: resident.version + 1 });
    const history = await env.handle.db.select().from(residencies).where(eq(residencies.ventureId, resident.id)).orderBy(asc(residencies.id));
    expect(history.map((h) => [h.carrierId, h.leftOn])).toEqual([
      [other.id, '2025-12-31'],
      [env.op.incubator.id, null],
    ]);
    const [entry] = await env.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'venture.readmit'), eq(auditLog.entityId, String(resident.id))));
    expect(entry).toMatchObject({ before: { currentCarrierId: null }, after: { currentCarrierId: env.op.incubator.id } });
  });

  it('admits a blacklisted company with a warning, and ignores a lifted entry', async () => {
    const listed = residencyCreditCode();
    const lifted = residencyCreditCode();
    const entry = {
      subjectType: 'venture' as const,
      subjectName: '失信企业',
      misconduct: '虚报材料',
      outcome: '取消资格',
      handlingBody: '科委',
      legalBasis: '沪科规〔2024〕12号',
      effectiveOn: '2025-01-01',
    };
    await env.handle.db.insert(blacklistEntries).values([
      { ...entry, creditCode: listed },
      { ...entry, creditCode: lifted, liftedOn: '2025-06-01', liftReason: '已整改' },
    ]);
    const [a, b] = await admit([companyInput(env.op.incubator.id, { creditCode: listed }), companyInput(env.op.incubator.id, { creditCode: lifted })]);
    expect(a!.warnings).toEqual(['blacklisted']);
    expect(b!.warnings).toEqual([]);
    const [stay] = await env.handle.db.select({ w: residencies.ruleWarnings }).from(residencies).where(eq(residencies.id, a!.residencyId));
    expect(stay!.w).toEqual(['blacklisted']);
  });

  it('stores the 24-month rule warning on the residency', async () => {
    const [late, onTime] = await admit([
      companyInput(env.op.incubator.id, { foundedOn: '2024-01-14', enteredOn: '2026-01-15' }),
      companyInput(env.op.incubator.id, { foundedOn: '2024-01-15', enteredOn: '2026-01-15' }),
    ]);
    expect(late!.warnings).toEqual(['founded_over_24_months']);
    expect(onTime!.warnings).toEqual([]);
    const [stay] = await env.handle.db.select({ w: residencies.ruleWarnings }).from(residencies).where(eq(residencies.id, late!.residencyId));
    expect(stay!.w).toEqual(['founded_over_24_months']);
  });

  it('refuses a carrier outside the scope as not found', async () => {
    const other = await makeCarrier(env.handle.db, 'incubator');
    const e = await refusal(admit([companyInput(env.op.incubator.id), companyInput(other.id)]));
    expect(e.code).toBe('notFound');
  });

  it('admits 1,000 ventures in one call', async () => {
    const inputs = Array.from({ length: 1000 }, (_, i) => (i % 4 === 0 ? teamInput(env.op.nursery.id) : companyInput(env.op.incubator.id)));
    const [before] = await env.handle.db.select({ n: count() }).from(auditLog);
    const started = Date.now();
    const results = await admit(inputs);
    expect(results).toHaveLength(1000);
    expect(new Set(results.map((r) => r.ventureId)).size).toBe(1000);
    expect(new Set(results.map((r) => r.residencyId)).size).toBe(1000);
    const ids = results.map((r) => r.ventureId);
    const [admitted] = await env.handle.db.select({ n: count() }).from(ventures).where(inArray(ventures.id, ids));
    const [open] = await env.handle.db.select({ n: count() }).from(residencies).where(inArray(residencies.ventureId, ids));
    const [after] = await env.handle.db.select({ n: count() }).from(auditLog);
    expect(admitted!.n).toBe(1000);
    expect(open!.n).toBe(1000);
    expect(after!.n - before!.n).toBe(2000);
    // the results follow the inputs: a team where a team was given
    const kinds = await env.handle.db
      .select({ id: ventures.id, kind: ventures.kind })
      .from(ventures)
      .where(inArray(ventures.id, ids.slice(0, 8)));
    const kindOf = new Map(kinds.map((k) => [k.id, k.kind]));
    expect(ids.slice(0, 8).map((id) => kindOf.get(id))).toEqual(inputs.slice(0, 8).map((i) => i.kind));
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('keeps the audit chain linked through a bulk write', async () => {
    const rows = await env.handle.db.select({ prev: auditLog.prevHash, hash: auditLog.hash }).from(auditLog).orderBy(asc(auditLog.id));
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev).toBe(rows[i - 1]!.hash);
  });

  it('lists the operator’s carriers of the asked kinds only', async () => {
    const list = await carriersForResidency(env.handle.db, env.op.scope, ['nursery', 'incubator']);
    expect(list.map((c) => c.id).sort()).toEqual([env.op.nursery.id, env.op.incubator.id].sort());
  });

  it('lets a company that moved on come back through a later admission, on or after the day it left', async () => {
    const [r] = await admit([companyInput(env.op.incubator.id)]);
    const [v] = await env.handle.db.select().from(ventures).where(eq(ventures.id, r!.ventureId));
    await endResidency(
      env.handle.db,
      env.op.actor,
      env.op.scope,
      { ventureId: v!.id, residencyId: r!.residencyId, version: v!.version, leftOn: '2026-02-01', reason: 'moved' },
      TODAY,
    );
    const early = await refusal(admit([companyInput(env.op.incubator.id, { creditCode: v!.creditCode!, enteredOn: '2026-01-31' })]));
    expect(early.fieldErrors).toEqual({ '0.enteredOn': [{ key: 'ownership.beforeLastStay', params: { date: '2026-02-01' } }] });
    const [again] = await admit([companyInput(env.op.incubator.id, { creditCode: v!.creditCode!, enteredOn: '2026-02-15' })]);
    expect(again!.ventureId).toBe(v!.id);
    expect(again!.residencyId).not.toBe(r!.residencyId);
  });

  // A voluntary exit used to be reversible by admitting the code again, which switched the venture
  // back to incubating and rewrote its exit; an exited venture now stays exited (docs/data-ownership.md).
  it('does not switch a company that exited back into incubation', async () => {
    const [r] = await admit([companyInput(env.op.incubator.id)]);
    const [v] = await env.handle.db.select().from(ventures).where(eq(ventures.id, r!.ventureId));
    await endResidency(
      env.handle.db,
      env.op.actor,
      env.op.scope,
      { ventureId: v!.id, residencyId: r!.residencyId, version: v!.version, leftOn: '2026-02-01', reason: 'voluntary' },
      TODAY,
    );
    const e = await refusal(admit([companyInput(env.op.incubator.id, { creditCode: v!.creditCode!, enteredOn: '2026-02-15' })]));
    expect(e.fieldErrors).toEqual({ '0.creditCode': [{ key: 'ownership.exited' }] });
    const [after] = await env.handle.db.select().from(ventures).where(eq(ventures.id, v!.id));
    expect(after!.stage).toBe('exited');
  });
});
