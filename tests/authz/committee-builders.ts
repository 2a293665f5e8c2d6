import { and, asc, eq, isNull } from 'drizzle-orm';
import { blacklistEntries, carriers, graduations, notifications, programs, users } from '@/db/schema';
import { payableFen } from '@/lib/domain/workflow';
import { applicationFor, COMMITTEE, formData, yuan, type HappyBuilder } from './walk-world';

/** Inputs the committee's forms send, built from records of the seeded demo network. */

export const accept: HappyBuilder = async (w) => {
  const { row, email } = await applicationFor(w, 'accept');
  return { userEmail: email, input: formData({ applicationId: row.id, version: row.version, comment: '材料齐全，予以受理。' }) };
};

export const returnToApplicant: HappyBuilder = async (w) => {
  const { row, email } = await applicationFor(w, 'return');
  return { userEmail: email, input: formData({ applicationId: row.id, version: row.version, comment: '请补充近三年财务报表。' }) };
};

export const review: HappyBuilder = async (w) => {
  const { row, email } = await applicationFor(w, 'review');
  return {
    userEmail: email,
    input: formData({ applicationId: row.id, version: row.version, score: '82', recommendation: 'fund', recommendedFen: '', comment: '项目可行，建议资助。' }),
  };
};

export const decide: HappyBuilder = async (w) => {
  const { row, email } = await applicationFor(w, 'reject');
  return { userEmail: email, input: formData({ applicationId: row.id, version: row.version, decision: 'reject', reason: '绩效指标不明确，不予资助。' }) };
};

export const pay: HappyBuilder = async (w) => {
  const { row, email } = await applicationFor(w, 'pay');
  return {
    userEmail: email,
    input: formData({
      applicationId: row.id,
      version: row.version,
      amountFen: yuan(payableFen(row)),
      paidOn: w.today,
      voucherNo: `PZ-${row.id}-${Date.now() % 100000}`,
    }),
  };
};

export const inspect: HappyBuilder = async (w) => {
  const { row, email } = await applicationFor(w, 'inspect');
  return {
    userEmail: email,
    input: formData({
      applicationId: row.id,
      version: row.version,
      passed: 'true',
      finalFen: row.fundingMode === 'post_subsidy' ? yuan(row.approvedFen ?? 0) : '',
      comment: '现场核查，绩效指标均已完成。',
    }),
  };
};

export const saveAccreditation: HappyBuilder = async (w) => {
  const [c] = await w.db.select().from(carriers).orderBy(asc(carriers.id)).limit(1);
  return {
    userEmail: COMMITTEE[0],
    input: formData({ carrierId: c!.id, version: c!.version, kind: c!.kind, level: c!.level === 'municipal' ? 'district' : 'municipal', status: c!.status }),
  };
};

export const saveTarget: HappyBuilder = async (w) => ({
  userEmail: COMMITTEE[1],
  input: formData({
    targetId: '',
    version: '',
    year: w.today.slice(0, 4),
    metric: `walk_metric_${Date.now() % 1_000_000}`,
    targetMin: '12',
    targetMax: '',
    unit: '家',
    note: '',
  }),
});

export const addBlacklist: HappyBuilder = async (w) => {
  const [c] = await w.db.select({ id: carriers.id }).from(carriers).orderBy(asc(carriers.id)).limit(1);
  return {
    userEmail: COMMITTEE[2],
    input: formData({
      subjectType: 'carrier',
      carrierId: c!.id,
      misconduct: '虚报在孵企业数量',
      outcome: '通报批评，三年内不得申报',
      handlingBody: '浦东新区科技和经济委员会',
      legalBasis: '《浦东新区科技创新载体管理办法》第二十条',
      effectiveOn: w.today,
      sanctionEndsOn: '',
    }),
  };
};

export const liftBlacklist: HappyBuilder = async (w) => {
  const [e] = await w.db.select().from(blacklistEntries).where(isNull(blacklistEntries.liftedOn)).orderBy(asc(blacklistEntries.id)).limit(1);
  if (!e) throw new Error('No blacklist entry in force');
  return {
    userEmail: COMMITTEE[0],
    input: formData({ entryId: e.id, liftedOn: w.today > e.effectiveOn ? w.today : e.effectiveOn, reason: '整改完成，经复核予以移出。' }),
  };
};

const programmeForm = (p: typeof programs.$inferSelect | Omit<typeof programs.$inferInsert, 'id'>) => ({
  code: p.code,
  nameZh: p.nameZh,
  nameEn: p.nameEn,
  year: p.year,
  category: p.category,
  applicantType: p.applicantType,
  eligibleKinds: [...(p.eligibleKinds ?? [])],
  eligibleStages: [...(p.eligibleStages ?? [])],
  fundingMode: p.fundingMode,
  budgetFen: yuan(p.budgetFen),
  capFen: yuan(p.capFen),
  opensOn: p.opensOn,
  closesOn: p.closesOn,
  requiredDocuments: [...(p.requiredDocuments ?? [])],
  description: p.description ?? '',
  status: p.status,
});

export const createProgramme: HappyBuilder = async (w) => ({
  userEmail: COMMITTEE[0],
  input: formData(
    programmeForm({
      code: `WALK-${Date.now() % 1_000_000}`,
      nameZh: '孵化载体专业服务能力提升资助',
      nameEn: 'Support for incubators’ professional services',
      year: Number(w.today.slice(0, 4)),
      category: 'operation',
      applicantType: 'carrier',
      eligibleKinds: ['incubator', 'accelerator'],
      eligibleStages: [],
      fundingMode: 'pre_funded',
      budgetFen: 500_000_000,
      capFen: 50_000_000,
      opensOn: w.today,
      closesOn: `${w.today.slice(0, 4)}-12-31`,
      requiredDocuments: ['business_licence', 'annual_service_report'],
      description: '支持载体提升专业化服务水平。',
      status: 'draft',
    }),
  ),
});

export const updateProgramme: HappyBuilder = async (w) => {
  const [p] = await w.db.select().from(programs).orderBy(asc(programs.id)).limit(1);
  return {
    userEmail: COMMITTEE[1],
    input: formData({ ...programmeForm({ ...p!, description: `${p!.description ?? ''}（已更新申报说明）` }), programId: p!.id, version: p!.version }),
  };
};

async function pending(w: Parameters<HappyBuilder>[0]) {
  const [g] = await w.db.select({ id: graduations.id }).from(graduations).where(eq(graduations.status, 'pending')).orderBy(asc(graduations.id)).limit(1);
  if (!g) throw new Error('No graduation pending verification');
  return g.id;
}

export const verifyGraduation: HappyBuilder = async (w) => ({ userEmail: COMMITTEE[0], input: formData({ graduationId: await pending(w) }) });

export const rejectGraduation: HappyBuilder = async (w) => ({
  userEmail: COMMITTEE[1],
  input: formData({ graduationId: await pending(w), reason: '营业收入证明材料不足，请补充审计报告。' }),
});

/** A user with an unread notification (one is delivered first when the demo holds none). */
export const markAllRead: HappyBuilder = async (w) => {
  const [u] = await w.db.select({ id: users.id }).from(users).where(eq(users.email, COMMITTEE[2]));
  const [unread] = await w.db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.userId, u!.id), isNull(notifications.readAt)))
    .limit(1);
  if (!unread) await w.db.insert(notifications).values({ userId: u!.id, kind: 'subsidyNotice.statusChanged', params: { refNo: 'WALK' }, link: '/committee' });
  return { userEmail: COMMITTEE[2], input: {} };
};

/** One unread notification of a committee member, delivered for the call. */
export const markOneRead: HappyBuilder = async (w) => {
  const [u] = await w.db.select({ id: users.id }).from(users).where(eq(users.email, COMMITTEE[1]));
  const [n] = await w.db
    .insert(notifications)
    .values({ userId: u!.id, kind: 'subsidyNotice.statusChanged', params: { refNo: 'WALK-1' }, link: '/committee' })
    .returning({ id: notifications.id });
  return { userEmail: COMMITTEE[1], input: { notificationId: n!.id } };
};
