import { describe, expect, it } from 'vitest';
import { applicationFilterParams, parseApplicationFilters } from './application-filters';

describe('parseApplicationFilters', () => {
  it('reads every filter from the URL', () => {
    const f = parseApplicationFilters({ status: 'returned', programme: '7', year: '2026', carrier: '3', sort: 'requested', dir: 'asc' });
    expect(f).toEqual({ status: 'returned', programId: 7, year: 2026, carrierId: 3, sort: 'requested', dir: 'asc' });
    expect(applicationFilterParams(f)).toEqual({ status: 'returned', programme: '7', year: '2026', carrier: '3', sort: 'requested', dir: 'asc' });
  });

  it('drops what is malformed instead of failing', () => {
    expect(parseApplicationFilters({ status: 'nonsense', programme: '-1', year: '99', carrier: 'x', sort: 'name', dir: 'up' })).toEqual({});
    expect(parseApplicationFilters(new URLSearchParams('status=&programme=%20'))).toEqual({});
  });
});
