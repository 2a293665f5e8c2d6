import { and, asc, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { addAttachment } from '@/db/queries/subsidies/files';
import { graduationCandidates } from '@/db/queries/graduations/candidates';
import { openProgrammesFor } from '@/db/queries/subsidies/programmes';
import { applications, attachments, carriers, programs, residencies, ventureFinancings, ventureReports, ventures } from '@/db/schema';
import { transferCreditCode } from '../helpers/transfer-fixtures';
import { actorOf, applicationFor, carrierOfKind, formData, operatorOf, operators, pdf, scopeOf, yuan, type HappyBuilder, type WalkWorld } from './walk-world';

/** Inputs the operator's forms send, built from records of the seeded demo network. */

/** A venture with an open stay in a carrier of the given kind, and the operator running that carrier. */
async function residentOf(w: WalkWorld, kind: 'nursery' | 'incubator' | 'accelerator', ventureKind?: 'team' | 'company') {
  const rows = await w.db
    .select({ venture: ventures, residencyId: residencies.id, carrierId: residencies.carrierId, enteredOn: residencies.enteredOn })
    .from(residencies)
    .innerJoin(ventures, eq(ventures.id, residencies.ventureId))
    .innerJoin(carriers, eq(carriers.id, residencies.carrierId))
    .where(and(isNull(residencies.leftOn), eq(carriers.kind, kind), ventureKind ? eq(ventures.kind, ventureKind) : undefined))
    .orderBy(asc(residencies.id));
  for (const r of rows) {
    const op = (await operators(w.db)).find((o) => o.carrierIds.includes(r.carrierId));
    if (op) return { ...r, op };
  }
  throw new Error(`No venture resident in a ${kind} run by an operator`);
}

export const updateCarrierProfile: HappyBuilder = async (w) => {
  const [op] = await operators(w.db);
  const [c] = await w.db.select().from(carriers).where(eq(carriers.id, op!.carrierIds[0]!));
  return {
    userEmail: op!.email,
    input: formData({
      carrierId: c!.id,
      version: c!.version,
      totalAreaM2: c!.totalAreaM2 ?? 0,
      incubationAreaM2: c!.incubationAreaM2 ?? 0,
      publicServiceAreaM2: c!.publicServiceAreaM2 ?? 0,
      workstations: c!.workstations ?? 0,
      services: c!.services ?? '',
      seedFundFen: yuan(c!.seedFundFen ?? 0),
      professionalStaff: c!.professionalStaff ?? 0,
      totalStaff: c!.totalStaff ?? 0,
      mentors: (c!.mentors ?? 0) + 1,
      focusIndustries: [...(c!.focusIndustries ?? [])],
      specialised: c!.specialised ? 'on' : undefined,
      contactName: c!.contactName ?? '',
      contactPhone: c!.contactPhone ?? '',
      contactEmail: c!.contactEmail ?? '',
    }),
  };
};

export const admitVenture: HappyBuilder = async (w) => {
  const op = (await operators(w.db))[0]!;
  const incubator = (await carrierOfKind(w.db, op.carrierIds, 'incubator'))!;
  return {
    userEmail: op.email,
    input: formData({
      kind: 'company',
      carrierId: incubator.id,
      name: '浦东走查科技有限公司',
      creditCode: transferCreditCode(),
      industry: 'software',
      foundedOn: w.today,
      founders: '张三',
      talentFlags: ['phd'],
      enteredOn: w.today,
      areaM2: '60',
      workstations: '4',
    }),
  };
};

export const incorporate: HappyBuilder = async (w) => {
  for (const op of await operators(w.db)) {
    const incubator = await carrierOfKind(w.db, op.carrierIds, 'incubator');
    const nursery = await carrierOfKind(w.db, op.carrierIds, 'nursery');
    if (!incubator || !nursery) continue;
    const [team] = await w.db
      .select({ id: ventures.id, name: ventures.name, version: ventures.version, enteredOn: residencies.enteredOn })
      .from(ventures)
      .innerJoin(residencies, and(eq(residencies.ventureId, ventures.id), isNull(residencies.leftOn)))
      .where(and(eq(ventures.kind, 'team'), eq(residencies.carrierId, nursery.id)))
      .limit(1);
    if (!team) continue;
    return {
      userEmail: op.email,
      input: formData({
        ventureId: team.id,
        version: team.version,
        name: `${team.name}（上海）有限公司`,
        creditCode: transferCreditCode(),
        foundedOn: w.today,
        enteredOn: w.today,
        carrierId: incubator.id,
        areaM2: '80',
        workstations: '6',
      }),
    };
  }
  throw new Error('No nursery team of an operator who also runs an incubator');
};

export const saveVenture: HappyBuilder = async (w) => {
  const r = await residentOf(w, 'incubator', 'company');
  return {
    userEmail: r.op.email,
    input: formData({
      ventureId: r.venture.id,
      version: r.venture.version,
      industry: r.venture.industry,
      // A field other than the one it has, so that the save changes something.
      technicalField: r.venture.technicalField === 'aerospace' ? 'other' : 'aerospace',
      founders: r.venture.founders ?? '',
      talentFlags: [...(r.venture.talentFlags ?? [])],
      highTechCertNo: r.venture.highTechCertNo ?? '',
      highTechCertOn: r.venture.highTechCertOn ?? '',
      exitKind: '',
      exitOn: '',
    }),
  };
};

export const addVentureFinancing: HappyBuilder = async (w) => {
  const r = await residentOf(w, 'incubator', 'company');
  return {
    userEmail: r.op.email,
    input: formData({ ventureId: r.venture.id, version: r.venture.version, receivedOn: w.today, amountFen: '500,000', investor: '浦东科创种子基金' }),
  };
};

export const removeVentureFinancing: HappyBuilder = async (w) => {
  const rows = await w.db
    // A round the carrier of the open stay recorded: only that carrier changes it (docs/data-ownership.md).
    .select({ financingId: ventureFinancings.id, ventureId: ventures.id, version: ventures.version, carrierId: residencies.carrierId })
    .from(ventureFinancings)
    .innerJoin(ventures, eq(ventures.id, ventureFinancings.ventureId))
    .innerJoin(residencies, and(eq(residencies.ventureId, ventures.id), isNull(residencies.leftOn), eq(residencies.carrierId, ventureFinancings.carrierId)))
    .orderBy(asc(ventureFinancings.id));
  const ops = await operators(w.db);
  for (const r of rows) {
    const op = ops.find((o) => o.carrierIds.includes(r.carrierId!));
    if (op) return { userEmail: op.email, input: formData({ ventureId: r.ventureId, financingId: r.financingId, version: r.version }) };
  }
  throw new Error('No financing of a venture an operator runs');
};

export const endStay: HappyBuilder = async (w) => {
  const r = await residentOf(w, 'incubator');
  return {
    userEmail: r.op.email,
    input: formData({ ventureId: r.venture.id, residencyId: r.residencyId, version: r.venture.version, leftOn: w.today, reason: 'moved' }),
  };
};

export const admitGraduate: HappyBuilder = async (w) => {
  const [graduate] = await w.db
    .select({ creditCode: ventures.creditCode })
    .from(ventures)
    .leftJoin(residencies, and(eq(residencies.ventureId, ventures.id), isNull(residencies.leftOn)))
    // A graduation still pending keeps the venture the committee's to decide (docs/data-ownership.md).
    .where(
      and(
        eq(ventures.stage, 'graduated'),
        isNull(residencies.id),
        isNotNull(ventures.creditCode),
        sql`NOT EXISTS (SELECT 1 FROM graduations g WHERE g.venture_id = ${ventures.id} AND g.status = 'pending')`,
      ),
    )
    .limit(1);
  for (const op of await operators(w.db)) {
    const acc = await carrierOfKind(w.db, op.carrierIds, 'accelerator');
    if (acc && graduate) {
      return {
        userEmail: op.email,
        input: formData({ carrierId: acc.id, creditCode: graduate.creditCode!, enteredOn: w.today, areaM2: '200', workstations: '20' }),
      };
    }
  }
  throw new Error('No graduate without a stay, or no operator of an accelerator');
};

/** The last finished quarter: its tenants are due to report. */
function lastQuarter(today: string) {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const q = Math.floor((m - 1) / 3) + 1;
  return q === 1 ? { year: y - 1, quarter: 4 } : { year: y, quarter: q - 1 };
}

export const saveQuarter: HappyBuilder = async (w) => {
  const { year, quarter } = lastQuarter(w.today);
  const r = await residentOf(w, 'incubator', 'company');
  const [other] = await w.db
    .select({ carrierId: ventureReports.carrierId })
    .from(ventureReports)
    .where(and(eq(ventureReports.ventureId, r.venture.id), eq(ventureReports.year, year), eq(ventureReports.quarter, quarter)));
  if (other && other.carrierId !== r.carrierId) throw new Error('The chosen tenant reported elsewhere that quarter');
  const row = {
    ventureId: String(r.venture.id),
    revenueFen: '1,200,000.00',
    netProfitFen: '-35,000',
    rdSpendFen: '300000',
    taxFen: '12000',
    financingFen: '0',
    employees: '18',
    ipFiled: '2',
    ipGranted: '1',
    inventionPatents: '0',
  };
  return { userEmail: r.op.email, input: { carrierId: String(r.carrierId), year: String(year), quarter: String(quarter), rows: [row] } };
};

export const recordGraduation: HappyBuilder = async (w) => {
  for (const op of await operators(w.db)) {
    const { rows } = await graduationCandidates(w.db, scopeOf(op), w.today, { page: 1, pageSize: 20 });
    const c = rows.find((x) => !x.pendingGraduation && x.criteria.length > 0);
    if (!c) continue;
    return {
      userEmail: op.email,
      input: formData({
        ventureId: c.ventureId,
        version: c.version,
        graduatedOn: w.today,
        criteria: [c.criteria[0]!],
        evidence: '经审计的年度财务报表显示营业收入达到毕业标准。',
        files: pdf(),
      }),
    };
  }
  throw new Error('No graduation candidate in the demo network');
};

export const createDraft: HappyBuilder = async (w) => {
  for (const op of await operators(w.db)) {
    for (const p of await openProgrammesFor(w.db, scopeOf(op), w.today)) {
      for (const a of p.applicants.filter((x) => !x.ineligible)) {
        const [taken] = await w.db
          .select({ id: applications.id })
          .from(applications)
          .where(
            and(
              eq(applications.programId, p.id),
              eq(applications.carrierId, a.carrierId),
              a.ventureId ? eq(applications.ventureId, a.ventureId) : isNull(applications.ventureId),
            ),
          )
          .limit(1);
        if (taken) continue;
        return {
          userEmail: op.email,
          input: formData({
            programId: p.id,
            carrierId: a.carrierId,
            ventureId: a.ventureId ?? undefined,
            purpose: '用于孵化服务平台建设与运营。',
            requestedFen: yuan(Math.min(p.capFen, 1_000_000)),
          }),
        };
      }
    }
  }
  throw new Error('No open programme with an eligible applicant that has not applied');
};

const step =
  (action: 'edit' | 'delete' | 'submit' | 'withdraw', extra: Record<string, string> = {}): HappyBuilder =>
  async (w) => {
    const { row, email } = await applicationFor(w, action);
    return { userEmail: email, input: formData({ applicationId: row.id, version: row.version, ...extra }) };
  };

export const updateDraft: HappyBuilder = async (w) => {
  const { row, email } = await applicationFor(w, 'edit');
  return {
    userEmail: email,
    input: formData({ applicationId: row.id, version: row.version, purpose: '补充说明：用于公共技术服务平台。', requestedFen: yuan(row.requestedFen) }),
  };
};

export const deleteDraft = step('delete');
export const withdrawApplication = step('withdraw', { comment: '项目计划调整，撤回申请。' });

/** A draft whose required documents are all attached (those missing are uploaded first, as the operator would). */
export const submitApplication: HappyBuilder = async (w) => {
  const { row, email, userId } = await applicationFor(w, 'submit');
  const [p] = await w.db.select({ docs: programs.requiredDocuments }).from(programs).where(eq(programs.id, row.programId));
  const have = new Set((await w.db.select({ t: attachments.documentType }).from(attachments).where(eq(attachments.applicationId, row.id))).map((r) => r.t));
  const op = await operatorOf(w.db, row.carrierId);
  let version = row.version;
  for (const documentType of p!.docs.filter((d) => !have.has(d))) {
    const content = new TextEncoder().encode('%PDF-1.7\n% required\n');
    ({ version } = await addAttachment(
      w.db,
      actorOf({ id: userId }),
      scopeOf(op),
      { applicationId: row.id, version, documentType, name: `${documentType}.pdf`, content },
      w.today,
    ));
  }
  return { userEmail: email, input: formData({ applicationId: row.id, version }) };
};

export const addAttachmentStep: HappyBuilder = async (w) => {
  const { row, email } = await applicationFor(w, 'edit');
  return { userEmail: email, input: formData({ applicationId: row.id, version: row.version, documentType: 'business_licence', file: pdf('营业执照.pdf') }) };
};

export const removeAttachment: HappyBuilder = async (w) => {
  const { row, email, userId } = await applicationFor(w, 'edit');
  const op = await operatorOf(w.db, row.carrierId);
  const [existing] = await w.db
    .select({ id: attachments.id })
    .from(attachments)
    .where(eq(attachments.applicationId, row.id))
    .orderBy(desc(attachments.id))
    .limit(1);
  if (existing) return { userEmail: email, input: formData({ applicationId: row.id, version: row.version, attachmentId: existing.id }) };
  const content = new TextEncoder().encode('%PDF-1.7\n% spare\n');
  const added = await addAttachment(
    w.db,
    actorOf({ id: userId }),
    scopeOf(op),
    { applicationId: row.id, version: row.version, documentType: 'business_licence', name: 'spare.pdf', content },
    w.today,
  );
  return { userEmail: email, input: formData({ applicationId: row.id, version: added.version, attachmentId: added.attachmentId }) };
};
