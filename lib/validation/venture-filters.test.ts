import { describe, expect, it } from 'vitest';
import { parseVentureFilters, ventureFilterParams } from './venture-filters';

describe('ventures list filters from the URL', () => {
  it('reads every agreed param', () => {
    expect(
      parseVentureFilters({
        q: '  张江  ',
        carrier: '12',
        stage: 'incubating',
        industry: 'biomedicine',
        highTech: '1',
        warnings: '1',
        limit: 'due_soon',
        sort: 'entered',
        dir: 'desc',
      }),
    ).toEqual({
      q: '张江',
      carrierId: 12,
      stage: 'incubating',
      industry: 'biomedicine',
      highTech: true,
      warnings: true,
      limit: 'due_soon',
      sort: 'entered',
      dir: 'desc',
    });
  });

  it('drops invalid values instead of failing', () => {
    expect(
      parseVentureFilters({
        carrier: 'abc',
        stage: 'sleeping',
        industry: 'mining',
        highTech: 'yes',
        warnings: '2',
        limit: 'soon',
        sort: 'revenue',
        dir: 'up',
        q: 'x'.repeat(101),
      }),
    ).toEqual({});
    expect(parseVentureFilters({ carrier: '-3' })).toEqual({});
    expect(parseVentureFilters({ carrier: '1.5' })).toEqual({});
  });

  it('treats blanks as absent, takes the first of repeated params and reads URLSearchParams', () => {
    expect(parseVentureFilters({ q: '   ', stage: '' })).toEqual({});
    expect(parseVentureFilters({ stage: ['graduated', 'exited'] })).toEqual({ stage: 'graduated' });
    expect(parseVentureFilters(new URLSearchParams('highTech=0&warnings=0&limit=overdue'))).toEqual({
      highTech: false,
      warnings: false,
      limit: 'overdue',
    });
  });

  it('writes the filters back as the same params', () => {
    const params = { q: 'a', carrier: '3', stage: 'nursery', highTech: '1', warnings: '0', sort: 'name', dir: 'asc' };
    const back = ventureFilterParams(parseVentureFilters(params));
    expect(Object.fromEntries(Object.entries(back).filter(([, v]) => v !== undefined))).toEqual(params);
  });
});
