import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { amountFen, creditCode, isoDate, nonNegativeInt, optionalText, requiredText } from './fields';
import { zodFieldErrors } from './zod-messages';
import enValidation from '../../messages/en/validation.json';
import zhValidation from '../../messages/zh-CN/validation.json';

const errorsOf = (schema: z.ZodType, value: unknown) => {
  const r = z.object({ f: schema }).safeParse({ f: value });
  return r.success ? null : zodFieldErrors(r.error).f;
};

describe('shared field rules', () => {
  it('names the wrong credit-code character and the failed check', () => {
    expect(errorsOf(creditCode, '9131011SMA1K3Y006M')).toEqual([{ key: 'creditCode.character', params: { position: 8, character: 'S' } }]);
    expect(errorsOf(creditCode, '91350100M000100Y44')).toEqual([{ key: 'creditCode.check', params: { expected: '3', actual: '4' } }]);
    expect(errorsOf(creditCode, '91310115MA1K3Y006')).toEqual([{ key: 'creditCode.length', params: { length: 17 } }]);
    expect(creditCode.parse(' 91310115ma1k3y006m ')).toBe('91310115MA1K3Y006M');
  });

  it('parses amounts in yuan to fen and refuses the rest', () => {
    expect(amountFen.parse('1,234.5')).toBe(123_450);
    expect(amountFen.parse(12)).toBe(1200);
    expect(errorsOf(amountFen, '12.345')).toEqual([{ key: 'amount' }]);
    expect(errorsOf(amountFen, '')).toEqual([{ key: 'required' }]);
  });

  it('says that an amount may not be negative, and keeps the decimals message for the rest', () => {
    for (const typed of ['-1', ' -1,234.50 ', -12]) expect(errorsOf(amountFen, typed)).toEqual([{ key: 'amountNegative' }]);
    for (const typed of ['-12.345', '--1', '-', '-abc', '1-']) expect(errorsOf(amountFen, typed)).toEqual([{ key: 'amount' }]);
    expect(amountFen.parse('0')).toBe(0);
  });

  it('words the negative amount apart from the decimals in both languages', () => {
    for (const messages of [zhValidation, enValidation]) {
      expect(messages.validation.amountNegative).toBeTruthy();
      expect(messages.validation.amountNegative).not.toBe(messages.validation.amount);
    }
    expect(zhValidation.validation.amountNegative).toMatch(/负/);
    expect(zhValidation.validation.amount).not.toMatch(/负/);
    expect(enValidation.validation.amountNegative).toMatch(/negative/);
  });

  it('checks dates, integers and text', () => {
    expect(errorsOf(isoDate, '2026-02-30')).toEqual([{ key: 'date' }]);
    expect(isoDate.parse('2024-02-29')).toBe('2024-02-29');
    expect(errorsOf(nonNegativeInt(), '-1')).toEqual([{ key: 'tooSmall', params: { minimum: 0 } }]);
    expect(errorsOf(nonNegativeInt(), '1.5')).toEqual([{ key: 'integer' }]);
    expect(errorsOf(nonNegativeInt(), '')).toEqual([{ key: 'required' }]);
    expect(errorsOf(requiredText(), '   ')).toEqual([{ key: 'required' }]);
    expect(errorsOf(requiredText(5), 'abcdefg')).toEqual([{ key: 'tooLong', params: { maximum: 5 } }]);
    expect(optionalText().parse('  ')).toBeUndefined();
  });
});
