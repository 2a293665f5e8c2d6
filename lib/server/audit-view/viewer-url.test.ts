import { describe, expect, it } from 'vitest';
import { changesOf } from './changes';
import { parseAuditFilters } from './filters';

/** The audit viewer's URL as the page and the export read it, and the changes paired field by field. */
describe('reading the viewer URL and the changes', () => {
  it('keeps valid filters and drops the rest', () => {
    expect(parseAuditFilters(new URLSearchParams('user=3&entity=venture&entityId=12&action=venture.update&carrier=2&from=2026-03-01&to=2026-03-31'))).toEqual({
      userId: 3,
      entity: 'venture',
      entityId: '12',
      action: 'venture.update',
      carrierId: 2,
      from: '2026-03-01',
      to: '2026-03-31',
    });
    expect(parseAuditFilters(new URLSearchParams('user=x&entity=DROP%20TABLE&action=&carrier=-1&from=2026-02-30&to=tomorrow&entityId=5'))).toEqual({
      userId: undefined,
      entity: undefined,
      entityId: undefined,
      action: undefined,
      carrierId: undefined,
      from: undefined,
      to: undefined,
    });
  });

  it('pairs the fields before and after', () => {
    expect(changesOf({ name: '旧', n: 1 }, { name: '新', n: 2, tags: ['a'] })).toEqual([
      { field: 'name', label: 'name', before: '旧', after: '新' },
      { field: 'n', label: 'n', before: '1', after: '2' },
      { field: 'tags', label: 'tags', before: null, after: '["a"]' },
    ]);
    expect(changesOf(null, null)).toEqual([]);
  });

  it('reads the kind from the URL and drops an unknown one', () => {
    expect(parseAuditFilters(new URLSearchParams('kind=security')).kind).toBe('security');
    expect(parseAuditFilters(new URLSearchParams('kind=everything')).kind).toBeUndefined();
  });
});
