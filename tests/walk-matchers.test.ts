import { describe, expect, it } from 'vitest';
import { chineseChromeFindings, rawTextFindings } from '../e2e/walk-matchers';

const kinds = (text: string, locale: 'zh-CN' | 'en' = 'zh-CN') => rawTextFindings(text, locale).map((f) => f.kind);

describe('the e2e walk finds what a reader must never see', () => {
  it.each([
    ['状态：undefined', 'missing value'],
    ['合计 NaN 万元', 'missing value'],
    ['Decided by null', 'missing value'],
    ['[object Object]', 'missing value'],
    ['MISSING_MESSAGE: dashboard.cards.x', 'missing value'],
    ['{"score":86,"recommendation":"fund_reduced"}', 'JSON'],
    ['决定人 — → 4', 'id arrow'],
    ['Carrier: — -> 12', 'id arrow'],
    ['绑定载体：— 改为 2', 'id arrow'],
    ['版本号 9 → 10', 'id arrow'],
    ['审核 application.review', 'dotted code'],
    ['操作 user.created 与 user.passwordChanged', 'dotted code'],
    ['通知notification.read已读', 'dotted code'],
    ['dashboard.cards.nurseryTeams', 'dotted code'],
    ['建议 fund_reduced', 'snake_case value'],
    ['对象 用户 #11', 'record by its number'],
    ['Record Attachment #3', 'record by its number'],
    ['文件格式：— → application/pdf', 'media type'],
    ['type missing_reports', 'snake_case value'],
  ])('%s: %s', (text, kind) => {
    expect(kinds(text)).toContain(kind);
  });

  it('finds Chinese units and amounts in 10k yuan on English pages only', () => {
    expect(kinds('Target ≥ 1,450 个', 'en')).toContain('Chinese unit on an English page');
    expect(kinds('Actual 0 家', 'en')).toContain('Chinese unit on an English page');
    expect(kinds('15.00 × 10k yuan', 'en')).toContain('amount in 10k yuan');
    expect(kinds('目标 ≥ 1,450 个，实际 0 家', 'zh-CN')).toEqual([]);
    // Chinese data on an English page: a comment, a piece of evidence.
    expect(kinds('Comment 专家组评审通过，建议资助 135 万元。 Evidence 累计获得天使及风险投资 1,540 万元（附协议）', 'en')).toEqual([]);
  });

  it('passes over names, addresses, file names, figures and ordinary prose', () => {
    const data = [
      'operator1@example.org 张江创新孵化器 (Zhangjiang Innovation Incubator)',
      'first_last@example.org',
      'https://www.example.org/a_b?x=missing_reports',
      'ventures_template.xlsx report.pdf example.org gov.cn',
      '评分 86 → 90 分',
      'Amount CNY 100,000 → CNY 125,000',
      'Occupancy 80% → 86%',
      '2025-01-01 → 2025-12-31',
      'SQ-2026-0017 Q1 2025, e.g. the year; i.e. a note. Node.js',
      'Score 86 → 90 points',
      '3号楼 1号孵化器',
      'No nullable fields; an undefinedness test',
    ];
    for (const text of data) expect(rawTextFindings(text, 'en'), text).toEqual([]);
    for (const text of ['金额 10.00 → 12.50 万元', '目标 1,450 个 → 1,500 个', '评分 86 → 90 分']) expect(rawTextFindings(text, 'zh-CN'), text).toEqual([]);
  });

  it('finds Chinese in the chrome of an English page', () => {
    expect(chineseChromeFindings(['Name', '认定级别', 'Status'])).toEqual([{ kind: 'Chinese in English chrome', snippet: '认定级别' }]);
    expect(chineseChromeFindings(['Name', 'Status'])).toEqual([]);
  });
});
