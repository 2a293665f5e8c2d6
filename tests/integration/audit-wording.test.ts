import { describe, expect, it } from 'vitest';
import { changesOf, changesText } from '@/lib/server/audit-view/changes';
import { wordingOf, type Messages } from '@/lib/server/audit-view/wording';
import { LOCALES } from '@/lib/i18n/config';
import { catalogueOf, translatorOf } from '../helpers/catalogue';

const zh = translatorOf('zh-CN') as unknown as Messages;
const en = translatorOf('en') as unknown as Messages;

/** Keys that the audited writes put in before/after (see db/queries/*: editableOf, changedFields and the literal objects). */
const WRITTEN_KEYS = [
  // carrier profile and accreditation
  'totalAreaM2',
  'incubationAreaM2',
  'publicServiceAreaM2',
  'workstations',
  'services',
  'seedFundFen',
  'professionalStaff',
  'totalStaff',
  'mentors',
  'focusIndustries',
  'specialised',
  'publicProfile',
  'contactName',
  'contactPhone',
  'contactEmail',
  'kind',
  'level',
  'status',
  'version',
  // accounts
  'name',
  'email',
  'role',
  'carrierIds',
  'active',
  'mustChangePassword',
  // targets and programmes
  'year',
  'metric',
  'targetMin',
  'targetMax',
  'unit',
  'note',
  'code',
  'nameZh',
  'nameEn',
  'category',
  'applicantType',
  'eligibleKinds',
  'eligibleStages',
  'fundingMode',
  'budgetFen',
  'capFen',
  'opensOn',
  'closesOn',
  'requiredDocuments',
  'description',
  // applications, their steps and attachments
  'id',
  'refNo',
  'programId',
  'carrierId',
  'ventureId',
  'purpose',
  'requestedFen',
  'createdBy',
  'indicators',
  'acceptedBy',
  'decidedBy',
  'review',
  'approvedFen',
  'inspectionDueOn',
  'remainingFen',
  'paidFen',
  'disbursement',
  'finalFen',
  'inspectedBy',
  'actuals',
  'applicationId',
  'fileName',
  'mimeType',
  'sizeBytes',
  'sha256',
  'documentType',
  // ventures, residencies, graduations, reports
  'industry',
  'technicalField',
  'founders',
  'talentFlags',
  'highTechCertNo',
  'highTechCertOn',
  'exitKind',
  'exitOn',
  'receivedOn',
  'amountFen',
  'investor',
  'creditCode',
  'foundedOn',
  'stage',
  'currentCarrierId',
  'enteredOn',
  'areaM2',
  'ruleWarnings',
  'leftOn',
  'exitReason',
  'graduatedOn',
  'criteria',
  'evidence',
  'graduationId',
  'rejectionReason',
  'quarter',
  'late',
  'revenueFen',
  'netProfitFen',
  'rdSpendFen',
  'taxFen',
  'financingFen',
  'employees',
  'ipFiled',
  'ipGranted',
  'inventionPatents',
  // blacklist and notifications
  'subjectType',
  'subjectName',
  'misconduct',
  'outcome',
  'handlingBody',
  'legalBasis',
  'effectiveOn',
  'sanctionEndsOn',
  'liftedOn',
  'liftReason',
  'ids',
  'readAt',
];

describe('audit field labels', () => {
  it.each(LOCALES)('labels every key the audited writes record, in %s', (locale) => {
    const fields = (catalogueOf(locale).audit as { fields: Record<string, string> }).fields;
    expect(WRITTEN_KEYS.filter((k) => !fields[k]?.trim())).toEqual([]);
  });

  it('shows a change line with the label, and the raw key for an unknown field', () => {
    const changes = changesOf({ contactName: '张三', zzUnknown: 1 }, { contactName: '李四', zzUnknown: 2 }, wordingOf(zh, 'carrier'));
    expect(changes).toEqual([
      { field: 'contactName', label: '联系人姓名', before: '张三', after: '李四' },
      { field: 'zzUnknown', label: 'zzUnknown', before: '1', after: '2' },
    ]);
    expect(changesText(changes, wordingOf(zh, 'carrier'))).toBe('联系人姓名：张三 → 李四\nzzUnknown：1 → 2');
    expect(changesOf({}, { contactName: 'Li' }, wordingOf(en, 'carrier'))[0]!.label).toBe('Contact name');
  });

  it('translates codes the catalogue has words for, and leaves unknown codes as they are', () => {
    const line = (entity: string, key: string, before: unknown, after: unknown, t = zh) =>
      changesOf({ [key]: before }, { [key]: after }, wordingOf(t, entity, { locale: t === en ? 'en' : 'zh-CN' }))[0]!;
    expect(line('carrier', 'focusIndustries', ['ai'], ['ai', 'biomedicine', 'quantum'])).toMatchObject({
      before: '人工智能',
      after: '人工智能、生物医药、quantum',
    });
    expect(line('carrier', 'kind', 'incubator', 'accelerator')).toMatchObject({ before: '孵化器', after: '加速器' });
    expect(line('venture', 'kind', 'team', 'company')).toMatchObject({ before: '创业团队', after: '企业' });
    expect(line('carrier', 'status', 'active', 'suspended', en)).toMatchObject({ before: 'Active', after: 'Suspended' });
    expect(line('application', 'status', 'submitted', 'in_review')).toMatchObject({ before: '已提交', after: '评审中' });
    // The same code on a record with no list of statuses stays as it is.
    expect(line('user', 'status', 'active', 'x.y')).toMatchObject({ before: 'active', after: 'x.y' });
    expect(line('carrier', 'specialised', false, true)).toMatchObject({ before: '否', after: '是' });
    expect(line('carrier', 'specialised', false, true, en)).toMatchObject({ before: 'No', after: 'Yes' });
    expect(line('carrier', 'seedFundFen', 1_234_567_890, null)).toMatchObject({ before: '1,234.57 万元', after: null });
    expect(line('carrier', 'seedFundFen', 0, 5_000_000, en)).toMatchObject({ before: 'CNY 0', after: 'CNY 50,000' });
    expect(line('carrier', 'totalAreaM2', 100, 120)).toMatchObject({ before: '100 平方米', after: '120 平方米' });
    expect(line('application', 'disbursement', null, { id: 1, amountFen: 5_000_000 })).toMatchObject({ before: null, after: '金额：5.00 万元' });
  });
});
