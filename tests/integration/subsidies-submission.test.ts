import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/connect';
import {
  addAttachment,
  createDraft,
  deleteDraft,
  getApplication,
  listForOperator,
  removeAttachment,
  submitApplication,
  updateDraft,
  withdrawApplication,
} from '@/db/queries/subsidies/applications';
import { addBlacklistEntry } from '@/db/queries/oversight/blacklist';
import { listNotifications, markNotificationsRead, unreadCount } from '@/db/queries/accounts/notifications';
import { openProgrammesFor } from '@/db/queries/subsidies/programmes';
import { applicationEvents, applications, attachments, auditLog, indicators, ventures } from '@/db/schema';
import { openTestDatabase } from '../helpers/db';
import { ALL, PDF, TODAY, WAN, draftFor, makeTenant, keysOf, makeProgramme, makeSubsidyWorld, refusal, type SubsidyWorld } from '../helpers/subsidy-fixtures';

let handle: DatabaseHandle;
let w: SubsidyWorld;
beforeAll(async () => {
  handle = await openTestDatabase();
  w = await makeSubsidyWorld(handle.db);
});
afterAll(async () => {
  await handle?.close();
});

const submit = (id: number, version: number, today = TODAY) => submitApplication(w.db, w.operator, w.scope, { applicationId: id, version }, today);

describe('drafts', () => {
  it('creates a draft with a reference number, indicators, an event and an audit entry', async () => {
    const p = await makeProgramme(w.db);
    const d = await draftFor(w, p.id);
    const [row] = await w.db.select().from(applications).where(eq(applications.id, d.id));
    expect(row!.refNo).toBe(`${p.code}-${String(d.id).padStart(6, '0')}`);
    expect(row!.status).toBe('draft');
    expect(row!.version).toBe(2); // the attachment bumped it
    expect(await w.db.select().from(indicators).where(eq(indicators.applicationId, d.id))).toHaveLength(1);
    const events = await w.db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, d.id));
    expect(events.map((e) => [e.fromStatus, e.toStatus])).toEqual([[null, 'draft']]);
    const audit = await w.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'application'), eq(auditLog.entityId, String(d.id))));
    expect(audit.map((a) => a.action)).toEqual(['application.create']);
    const [file] = await w.db.select().from(attachments).where(eq(attachments.applicationId, d.id));
    expect(file!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(file!.mimeType).toBe('application/pdf');
  });

  it('refuses a venture of another carrier, and a programme that is not open', async () => {
    const p = await makeProgramme(w.db);
    const other = await makeProgramme(w.db, { status: 'draft' });
    const stranger = await (await import('../helpers/fixtures')).makeCarrier(w.db, 'incubator');
    const foreign = await makeTenant(w.db, stranger.id);
    const base = { carrierId: w.carrier.id, purpose: 'x', requestedFen: 100, indicators: [] };
    expect((await refusal(createDraft(w.db, w.operator, w.scope, { ...base, programId: p.id, ventureId: foreign.id }))).code).toBe('notFound');
    expect((await refusal(createDraft(w.db, w.operator, w.scope, { ...base, programId: p.id, carrierId: stranger.id, ventureId: foreign.id }))).code).toBe(
      'notFound',
    );
    const closed = await refusal(createDraft(w.db, w.operator, w.scope, { ...base, programId: other.id, ventureId: (await w.newVenture()).id }));
    expect(keysOf(closed)).toEqual({ programId: ['subsidyErrors.programmeNotOpen'] });
  });

  it('updates with the current version only, and replaces the indicators', async () => {
    const p = await makeProgramme(w.db);
    const d = await draftFor(w, p.id);
    const input = {
      applicationId: d.id,
      version: d.version,
      purpose: '新用途',
      requestedFen: 40 * WAN,
      indicators: [
        { name: '营收', unit: '万元', targetValue: 500 },
        { name: '专利', unit: '件', targetValue: 2 },
      ],
    };
    const { version } = await updateDraft(w.db, w.operator, w.scope, input, TODAY);
    expect(version).toBe(d.version + 1);
    expect((await refusal(updateDraft(w.db, w.operator, w.scope, input, TODAY))).code).toBe('conflict');
    const inds = await w.db.select().from(indicators).where(eq(indicators.applicationId, d.id));
    expect(inds.map((i) => i.name).sort()).toEqual(['专利', '营收']);
  });

  it('refuses files that are not PDF or images, empty or over 10 MB', async () => {
    const p = await makeProgramme(w.db);
    const d = await draftFor(w, p.id);
    const add = (content: Uint8Array) =>
      addAttachment(w.db, w.operator, w.scope, { applicationId: d.id, version: d.version, documentType: 'business_licence', name: 'a.pdf', content }, TODAY);
    expect(keysOf(await refusal(add(new TextEncoder().encode('MZ not a pdf'))))).toEqual({ file: ['subsidyErrors.fileType'] });
    expect(keysOf(await refusal(add(new Uint8Array(0))))).toEqual({ file: ['subsidyErrors.fileEmpty'] });
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(PDF);
    expect(keysOf(await refusal(add(big)))).toEqual({ file: ['subsidyErrors.fileTooLarge'] });
  });

  it('removes an attachment and deletes a draft', async () => {
    const p = await makeProgramme(w.db);
    const d = await draftFor(w, p.id);
    const [file] = await w.db.select().from(attachments).where(eq(attachments.applicationId, d.id));
    const { version } = await removeAttachment(w.db, w.operator, w.scope, { applicationId: d.id, version: d.version, attachmentId: file!.id }, TODAY);
    expect((await refusal(deleteDraft(w.db, w.operator, w.scope, { applicationId: d.id, version: d.version }, TODAY))).code).toBe('conflict');
    await deleteDraft(w.db, w.operator, w.scope, { applicationId: d.id, version }, TODAY);
    expect(await w.db.select().from(applications).where(eq(applications.id, d.id))).toHaveLength(0);
  });
});

describe('submission checks', () => {
  it('submits a clean application, notifying the committee and the carrier’s operators', async () => {
    const p = await makeProgramme(w.db);
    const d = await draftFor(w, p.id);
    const before = await unreadCount(w.db, w.acceptor.userId);
    const { version } = await submit(d.id, d.version);
    expect(version).toBe(d.version + 1);
    const [row] = await w.db.select().from(applications).where(eq(applications.id, d.id));
    expect(row!.status).toBe('submitted');
    expect(row!.submittedAt).not.toBeNull();
    expect(await unreadCount(w.db, w.acceptor.userId)).toBe(before + 1);
    const { rows } = await listNotifications(w.db, w.operator.userId, { unreadOnly: true, page: 1, pageSize: 100 });
    expect(rows.some((n) => n.kind === 'subsidyNotice.statusChanged' && n.params.refNo === d.refNo && n.params.status === 'submitted')).toBe(true);
    expect(await markNotificationsRead(w.db, w.operator, [rows[0]!.id])).toBe(1);
    await markNotificationsRead(w.db, w.operator);
    expect(await unreadCount(w.db, w.operator.userId)).toBe(0);
    // Another user's notifications are not marked by this user.
    expect(await markNotificationsRead(w.db, w.operator, [rows[0]!.id])).toBe(0);
  });

  it('refuses before the programme opens, after it closes, and when it is not open', async () => {
    const p = await makeProgramme(w.db);
    const d = await draftFor(w, p.id);
    expect(keysOf(await refusal(submit(d.id, d.version, '2026-02-28')))).toEqual({ programId: ['subsidyErrors.programmeNotYetOpen'] });
    expect(keysOf(await refusal(submit(d.id, d.version, '2026-05-01')))).toEqual({ programId: ['subsidyErrors.programmeClosed'] });
    await w.db
      .update((await import('@/db/schema')).programs)
      .set({ status: 'closed' })
      .where(eq((await import('@/db/schema')).programs.id, p.id));
    expect(keysOf(await refusal(submit(d.id, d.version)))).toEqual({ programId: ['subsidyErrors.programmeNotOpen'] });
  });

  it('refuses an applicant whose carrier kind or stage the programme does not take', async () => {
    const kinds = await makeProgramme(w.db, { eligibleKinds: ['accelerator'] });
    const d1 = await draftFor(w, kinds.id);
    expect(keysOf(await refusal(submit(d1.id, d1.version)))).toEqual({ applicant: ['subsidyErrors.carrierKindNotEligible'] });
    const stages = await makeProgramme(w.db, { eligibleStages: ['incubating'] });
    const d2 = await draftFor(w, stages.id);
    await w.db.update(ventures).set({ stage: 'graduated' }).where(eq(ventures.id, d2.ventureId));
    expect(keysOf(await refusal(submit(d2.id, d2.version)))).toEqual({ applicant: ['subsidyErrors.stageNotEligible'] });
  });

  it('refuses an amount over the cap, at the cap it passes', async () => {
    const p = await makeProgramme(w.db, { capFen: 10 * WAN });
    const over = await draftFor(w, p.id, 10 * WAN + 1);
    expect(keysOf(await refusal(submit(over.id, over.version)))).toEqual({ requested: ['subsidyErrors.overCap'] });
    const exact = await draftFor(w, p.id, 10 * WAN);
    await submit(exact.id, exact.version);
  });

  it('refuses a blacklisted venture (by credit code) and a blacklisted carrier', async () => {
    const p = await makeProgramme(w.db);
    const d = await draftFor(w, p.id);
    const [v] = await w.db.select().from(ventures).where(eq(ventures.id, d.ventureId));
    await addBlacklistEntry(w.db, w.decider, {
      subjectType: 'venture',
      creditCode: v!.creditCode!,
      subjectName: v!.name,
      misconduct: '虚报材料',
      outcome: '取消资格',
      handlingBody: '区科委',
      legalBasis: '沪科规〔2024〕12号',
      effectiveOn: '2026-01-01',
    });
    expect(keysOf(await refusal(submit(d.id, d.version)))).toEqual({ applicant: ['subsidyErrors.blacklisted'] });

    const cp = await makeProgramme(w.db, { applicantType: 'carrier', eligibleStages: [], requiredDocuments: [] });
    const cd = await createDraft(w.db, w.operator, w.scope, { programId: cp.id, carrierId: w.carrier.id, purpose: '运营', requestedFen: WAN, indicators: [] });
    const entry = await addBlacklistEntry(w.db, w.decider, {
      subjectType: 'carrier',
      carrierId: w.carrier.id,
      misconduct: '统计造假',
      outcome: '通报',
      handlingBody: '区科委',
      legalBasis: '沪科规〔2024〕12号',
      effectiveOn: '2026-01-01',
      sanctionEndsOn: '2026-12-31',
    });
    expect(keysOf(await refusal(submit(cd.applicationId, cd.version)))).toEqual({ applicant: ['subsidyErrors.blacklisted'] });
    // Once the sanction is over, the carrier may apply again.
    await submit(cd.applicationId, cd.version, '2027-01-01').catch((e) => expect(keysOf(e).applicant).toBeUndefined());
    const { liftBlacklistEntry } = await import('@/db/queries/oversight/blacklist');
    await liftBlacklistEntry(w.db, w.decider, { entryId: entry.entryId, liftedOn: '2026-03-01', reason: '已整改' });
    await submit(cd.applicationId, cd.version);
  });

  it('refuses an applicant with an overdue funded project in another programme', async () => {
    const old = await makeProgramme(w.db, { year: 2025 });
    const p = await makeProgramme(w.db);
    const venture = await w.newVenture();
    const first = await draftFor(w, old.id, WAN, venture.id);
    await w.db.update(applications).set({ status: 'paid', approvedFen: WAN, paidFen: WAN, inspectionDueOn: '2026-03-09' }).where(eq(applications.id, first.id));
    const d = await draftFor(w, p.id, WAN, venture.id);
    const e = await refusal(submit(d.id, d.version));
    expect(keysOf(e)).toEqual({ applicant: ['subsidyErrors.overdueProject'] });
    expect(e.fieldErrors!.applicant![0]!.params).toEqual({ refNo: first.refNo, dueOn: '2026-03-09' });
    // Due today is not overdue yet.
    await w.db.update(applications).set({ inspectionDueOn: TODAY }).where(eq(applications.id, first.id));
    await submit(d.id, d.version);
  });

  it('refuses a second application of one applicant in one programme unless the first was rejected or withdrawn', async () => {
    const p = await makeProgramme(w.db);
    const venture = await w.newVenture();
    const first = await draftFor(w, p.id, WAN, venture.id);
    const submitted = await submit(first.id, first.version);
    const second = await draftFor(w, p.id, WAN, venture.id);
    expect(keysOf(await refusal(submit(second.id, second.version)))).toEqual({ applicant: ['subsidyErrors.duplicateApplication'] });
    await withdrawApplication(w.db, w.operator, w.scope, { applicationId: first.id, version: submitted.version }, TODAY);
    await submit(second.id, second.version);
  });

  it('refuses when a required document is missing', async () => {
    const p = await makeProgramme(w.db, { requiredDocuments: ['business_licence', 'premises_title_or_lease'] });
    const d = await draftFor(w, p.id);
    const e = await refusal(submit(d.id, d.version));
    expect(keysOf(e)).toEqual({ attachments: ['subsidyErrors.missingDocuments'] });
    expect(e.fieldErrors!.attachments![0]!.params).toEqual({ documents: 'premises_title_or_lease' });
    const { version } = await addAttachment(
      w.db,
      w.operator,
      w.scope,
      { applicationId: d.id, version: d.version, documentType: 'premises_title_or_lease', name: 'lease.pdf', content: PDF },
      TODAY,
    );
    await submit(d.id, version);
  });

  it('refuses a stale version and a second submission', async () => {
    const p = await makeProgramme(w.db);
    const d = await draftFor(w, p.id);
    expect((await refusal(submit(d.id, d.version - 1))).code).toBe('conflict');
    const { version } = await submit(d.id, d.version);
    expect((await refusal(submit(d.id, d.version))).code).toBe('conflict');
    const wrong = await refusal(submit(d.id, version));
    expect(wrong.code).toBe('invalid');
    expect(keysOf(wrong)).toEqual({ _form: ['workflow.wrongStatus'] });
    const [{ n } = { n: 0 }] = await w.db.select({ n: count() }).from(applicationEvents).where(eq(applicationEvents.applicationId, d.id));
    expect(n).toBe(2);
  });

  it('refuses a committee member taking an operator step', async () => {
    const p = await makeProgramme(w.db);
    const d = await draftFor(w, p.id);
    const e = await refusal(submitApplication(w.db, w.decider, ALL, { applicationId: d.id, version: d.version }, TODAY));
    expect(e.code).toBe('forbidden');
    expect(keysOf(e)).toEqual({ _form: ['workflow.operatorsOnly'] });
  });
});

describe('reading', () => {
  it('lists the operator’s applications and open programmes with eligibility', async () => {
    const p = await makeProgramme(w.db, { eligibleStages: ['incubating'] });
    const d = await draftFor(w, p.id);
    const { rows, total } = await listForOperator(w.db, w.scope, { programId: p.id, page: 1, pageSize: 10 });
    expect(total).toBe(1);
    expect(rows[0]!.id).toBe(d.id);
    const open = await openProgrammesFor(w.db, w.scope, TODAY);
    const mine = open.find((o) => o.id === p.id)!;
    expect(mine.applicants.find((a) => a.ventureId === d.ventureId)?.ineligible).toBeNull();
    await w.db.update(ventures).set({ stage: 'graduated' }).where(eq(ventures.id, d.ventureId));
    const again = (await openProgrammesFor(w.db, w.scope, TODAY)).find((o) => o.id === p.id)!;
    expect(again.applicants.find((a) => a.ventureId === d.ventureId)?.ineligible?.key).toBe('subsidyErrors.stageNotEligible');
    expect((await openProgrammesFor(w.db, w.scope, '2026-05-01')).find((o) => o.id === p.id)).toBeUndefined();
  });

  it('shows the operator the applicant’s timeline and allowed steps', async () => {
    const p = await makeProgramme(w.db);
    const d = await draftFor(w, p.id);
    const detail = await getApplication(w.db, w.operator, w.scope, d.id, TODAY);
    expect(detail.steps.allowed).toEqual(['edit', 'delete', 'submit']);
    expect(detail.attachments).toHaveLength(1);
    expect(detail.timeline.map((e) => e.toStatus)).toEqual(['draft']);
  });
});
