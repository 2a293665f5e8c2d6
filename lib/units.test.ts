import { describe, expect, it } from 'vitest';
import en from '../messages/en/core.json';
import zh from '../messages/zh-CN/core.json';
import { MEASURE_UNITS, measureText, measureUnit, measureUnitLabel, type MeasureUnit } from './units';

const enWord = (u: MeasureUnit) => en.measureUnits[u];

describe('units of targets and indicators', () => {
  it('knows the units the committee stores in Chinese', () => {
    expect(measureUnit('个')).toBe('count');
    expect(measureUnit('家')).toBe('count');
    expect(measureUnit(' % ')).toBe('pct');
    expect(measureUnit('万元')).toBe('wan');
    expect(measureUnit('项')).toBe('items');
    expect(measureUnit('人')).toBe('people');
    expect(measureUnit('公里')).toBeNull();
  });

  it('has a word for every unit in both catalogues', () => {
    for (const u of MEASURE_UNITS) {
      expect(typeof en.measureUnits[u]).toBe('string');
      expect(zh.measureUnits[u]).toBeTruthy();
    }
  });

  it('writes English units on English pages and no Chinese', () => {
    expect(measureText('en', 1450, '个', enWord)).toBe('1,450');
    expect(measureText('en', 0, '家', enWord)).toBe('0');
    expect(measureText('en', 10, '人', enWord)).toBe('10 people');
    expect(measureText('en', 3.7, '%', enWord)).toBe('3.7%');
    expect(measureText('en', 150, '万元', enWord)).toBe('CNY 1,500,000');
    expect(measureText('en', 50000, 'm²', enWord)).toBe('50,000 m²');
    for (const stored of ['个', '家', '项', '人', '%', '万元', '场']) expect(measureText('en', 12, stored, enWord)).not.toMatch(/[\u4e00-\u9fff]/);
    expect(measureUnitLabel('en', '万元', enWord)).toBe('CNY 10,000');
    expect(measureUnitLabel('en', '人', enWord)).toBe('people');
  });

  it('keeps the stored unit on Chinese pages', () => {
    expect(measureText('zh-CN', 1450, '个', enWord)).toBe('1,450 个');
    expect(measureText('zh-CN', 150, '万元', enWord)).toBe('150 万元');
    expect(measureText('zh-CN', 19.3, '%', enWord)).toBe('19.3%');
    expect(measureUnitLabel('zh-CN', '家', enWord)).toBe('家');
  });

  it('shows a unit typed outside the known list as typed', () => {
    expect(measureText('en', 5, 'km', enWord)).toBe('5 km');
  });
});
