import { describe, expect, it } from 'vitest';
import { parseQueueFilters, queueFilterParams } from './review-filters';

describe('review queue filters in the URL', () => {
  it('reads every filter and writes the same params back', () => {
    const params = new URLSearchParams('programme=3&year=2026&status=reviewed&carrier=7&zone=张江');
    const f = parseQueueFilters(params);
    expect(f).toEqual({ programId: 3, year: 2026, status: 'reviewed', carrierId: 7, zone: '张江' });
    expect(queueFilterParams(f)).toEqual({ programme: '3', year: '2026', status: 'reviewed', carrier: '7', zone: '张江' });
  });

  it('drops malformed values instead of failing, from a URL or a page’s search params', () => {
    expect(parseQueueFilters(new URLSearchParams('programme=x&year=1900&status=nope&carrier=-1&zone='))).toEqual({
      programId: undefined,
      year: undefined,
      status: undefined,
      carrierId: undefined,
      zone: undefined,
    });
    expect(parseQueueFilters({ status: ['submitted', 'paid'], year: '2025' })).toMatchObject({ status: 'submitted', year: 2025 });
  });
});
