import { describe, expect, it } from 'vitest';
import { localName } from './display-format';

describe('localName', () => {
  const both = { name: '张江药谷孵化器', nameEn: 'Zhangjiang Pharma Valley Incubator' };
  it('gives English pages the English name and Chinese pages the Chinese one', () => {
    expect(localName('en', both)).toBe('Zhangjiang Pharma Valley Incubator');
    expect(localName('zh-CN', both)).toBe('张江药谷孵化器');
  });
  it('falls back to the record’s own name when there is no English one, empty included', () => {
    expect(localName('en', { name: '张江药谷孵化器', nameEn: null })).toBe('张江药谷孵化器');
    expect(localName('en', { name: '张江药谷孵化器', nameEn: '' })).toBe('张江药谷孵化器');
  });
});
