import { describe, expect, it } from 'vitest';
import { translatorOf } from '../../../tests/helpers/catalogue';
import { changesOf, changesText, idsOf } from './changes';
import { wordingOf, type Messages, type Names } from './wording';

const zh = translatorOf('zh-CN') as unknown as Messages;
const en = translatorOf('en') as unknown as Messages;

const names: Names = {
  carrier: new Map([[2, '张江药谷孵化器']]),
  user: new Map([[4, '王芳']]),
  programme: new Map([[7, '2026 年孵化载体运营补贴']]),
  venture: new Map([[31, '星河生物']]),
  application: new Map([[12, 'PD-2026-FH-03-000012']]),
};
const zhWords = (entity: string) => wordingOf(zh, entity, { locale: 'zh-CN', names });
const enWords = (entity: string) => wordingOf(en, entity, { locale: 'en', names });

describe('the changes of an audit entry in words', () => {
  it('names the records an entry refers to by id', () => {
    const w = zhWords('user');
    expect(changesText(changesOf({ carrierIds: [] }, { carrierIds: [2] }, w), w)).toBe('绑定载体：— → 张江药谷孵化器');
    const d = zhWords('application');
    expect(changesText(changesOf({ status: 'in_review' }, { status: 'approved', decidedBy: 4, programId: 7, ventureId: 31 }, d), d)).toBe(
      [
        `状态：${zh('glossary.applicationStatus.in_review')} → ${zh('glossary.applicationStatus.approved')}`,
        '决定人：— → 王芳',
        '专项：— → 2026 年孵化载体运营补贴',
        '创业项目：— → 星河生物',
      ].join('\n'),
    );
    expect(changesOf(null, { applicationId: 12 }, zhWords('attachment'))[0]).toMatchObject({ after: 'PD-2026-FH-03-000012' });
  });

  it('writes counts with their unit, so a figure never reads as a bare number', () => {
    const w = zhWords('venture_report');
    expect(changesText(changesOf({ employees: 4, ipGranted: 1 }, { employees: 248, ipGranted: 3 }, w), w)).toBe(
      '从业人员：4 人 → 248 人\n知识产权授权数：1 件 → 3 件'.replace('知识产权授权数', zh('audit.fields.ipGranted')),
    );
    const q = enWords('venture_report');
    expect(changesText(changesOf(null, { year: 2026, quarter: 3 }, q), q)).toBe(`${en('audit.fields.year')}: — → 2026\n${en('audit.fields.quarter')}: — → Q3`);
    const r = zhWords('residency');
    expect(changesText(changesOf(null, { areaM2: 60 }, r), r)).toBe('使用面积：— → 60 平方米');
    const e = enWords('venture_report');
    expect(changesText(changesOf({ employees: 1200 }, { employees: 1500 }, e), e)).toBe(`${en('audit.fields.employees')}: 1,200 people → 1,500 people`);
  });

  it('leaves out the technical fields: version, timestamps of the row, checksums, ids of the record itself', () => {
    const changes = changesOf(
      { id: 12, status: 'submitted', version: 9, updatedAt: '2026-03-01T02:00:00Z' },
      { id: 12, status: 'in_review', version: 10, updatedAt: '2026-03-05T02:00:00Z', sha256: 'ab'.repeat(32), sessionId: 'x' },
      zhWords('application'),
    );
    expect(changes.map((c) => c.field)).toEqual(['status']);
  });

  it('writes a nested record as field: value pairs, its codes and money in words', () => {
    const after = { version: 10, review: { id: 3, score: 86, recommendation: 'fund_reduced', recommendedFen: 15_000_000 } };
    expect(changesOf({ version: 9 }, after, zhWords('application'))).toEqual([
      { field: 'review', label: '评审意见', before: null, after: '评分：86 分，评审建议：建议减额资助，建议资助金额：15.00 万元' },
    ]);
    expect(changesOf(null, after, enWords('application'))[0]!.after).toBe(
      'Score: 86 points, Recommendation: Fund a reduced amount, Recommended amount: CNY 150,000',
    );
    const disbursement = { id: 5, amountFen: 5_000_050, paidOn: '2026-04-01', voucherNo: 'PZ-9' };
    expect(changesOf(null, { disbursement }, enWords('application'))[0]!.after).toBe('Amount: CNY 50,000.50, Paid on: 2026-04-01, Voucher no.: PZ-9');
    const indicators = [
      { name: '孵化企业', unit: '家', targetValue: 10 },
      { name: '专利', unit: '件', targetValue: 3 },
    ];
    expect(changesOf(null, { indicators }, zhWords('application'))[0]!.after).toBe(
      '名称：孵化企业，单位：家，目标值：10 家；名称：专利，单位：件，目标值：3 件',
    );
  });

  it("writes a target's limits in the unit it holds beside them, and leaves out that unit when it did not change", () => {
    const w = zhWords('annual_target');
    const before = { targetMin: 10, targetMax: null, unit: '家' };
    const after = { targetMin: 12, targetMax: 20, unit: '家' };
    expect(changesText(changesOf(before, after, w), w)).toBe('目标下限：10 家 → 12 家\n目标上限：— → 20 家');
    const e = enWords('annual_target');
    expect(changesText(changesOf({ targetMin: 1000, unit: '万元' }, { targetMin: 1500, unit: '万元' }, e), e)).toBe(
      'Target minimum: CNY 10,000,000 → CNY 15,000,000',
    );
    expect(changesText(changesOf({ unit: '个' }, { unit: '家' }, w), w)).toBe('单位：个 → 家');
  });

  it('formats money, instants and yes/no in the language shown', () => {
    expect(changesOf({ approvedFen: null }, { approvedFen: 150_000_000 }, zhWords('application'))[0]!.after).toBe('150.00 万元');
    expect(changesOf({ approvedFen: null }, { approvedFen: 150_000_000 }, enWords('application'))[0]!.after).toBe('CNY 1,500,000');
    expect(changesOf(null, { readAt: '2026-03-05T02:03:04.000Z' }, enWords('notification'))[0]!.after).toBe('2026-03-05 10:03:04');
    expect(changesOf({ active: true }, { active: false }, enWords('user'))[0]).toMatchObject({ label: 'Account active', before: 'Yes', after: 'No' });
    expect(changesOf({ active: true }, { active: false }, zhWords('user'))[0]).toMatchObject({ before: '是', after: '否' });
    expect(changesOf(null, { sizeBytes: 48 }, zhWords('attachment'))[0]!.after).toBe('48 B');
    expect(changesOf(null, { sizeBytes: 3_355_443 }, enWords('attachment'))[0]!.after).toBe('3.2 MB');
    expect(changesOf(null, { mimeType: 'application/pdf' }, zhWords('attachment'))[0]!.after).toBe('PDF');
    expect(changesOf(null, { mimeType: 'image/jpeg' }, enWords('attachment'))[0]!.after).toBe('JPEG');
  });

  it("words the filters of an exported list by the viewer's labels", () => {
    expect(changesOf(null, { filters: 'entity=application&entityId=36' }, zhWords('list'))[0]!.after).toBe('对象：专项申报，对象编号：36');
    expect(changesOf(null, { filters: 'action=application.review&from=2026-01-01' }, enWords('list'))[0]!.after).toBe(
      'Action: Review recorded, From: 2026-01-01',
    );
  });

  it('calls an id whose record no longer exists a deleted record, never a bare number, and leaves out fields empty on both sides', () => {
    expect(changesOf({ carrierId: null }, { carrierId: 99 }, zhWords('venture'))[0]).toMatchObject({ label: '载体', after: '已删除的记录' });
    expect(changesOf(null, { applicationId: 37 }, enWords('attachment'))[0]).toMatchObject({ after: 'a deleted record' });
    expect(changesOf({ leftOn: null }, { leftOn: null }, zhWords('residency'))).toEqual([]);
  });

  it('finds the ids of a page, nested and of the records themselves, once each', () => {
    const ids = idsOf([
      { entity: 'user', entityId: '11', before: { carrierIds: [2] }, after: { carrierIds: [2, 3] } },
      { entity: 'application', entityId: '12', before: null, after: { decidedBy: 4, review: { reviewerId: 5 }, programId: 7 } },
      { entity: 'attachment', entityId: '40', before: null, after: { applicationId: 12, sha256: 'x' } },
      { entity: 'venture_report', entityId: '84', before: { employees: 4 }, after: { employees: 248 } },
      { entity: 'residency', entityId: '435', before: null, after: { carrierId: 2, areaM2: 60 } },
      { entity: 'graduation', entityId: '73', before: null, after: { status: 'pending' } },
      { entity: 'venture_financing', entityId: '162', before: null, after: { amountFen: 100 } },
    ]);
    expect(ids).toEqual({
      carrier: [2, 3],
      user: [11, 4, 5],
      programme: [7],
      venture: [],
      application: [12],
      report: [84],
      residency: [435],
      graduation: [73],
      financing: [162],
    });
  });
});
