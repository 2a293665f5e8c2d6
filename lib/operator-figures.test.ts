import { describe, expect, it } from 'vitest';
import { operatorFigures } from './operator-figures';

describe('operatorFigures', () => {
  it('shows a nursery-only operator its teams, and nothing of incubation', () => {
    const f = operatorFigures(['nursery']);
    expect(f).toEqual(['nurseryTeams', 'occupancy', 'admissions', 'incorporated', 'leftNursery', 'missingReports', 'warnings']);
    for (const incubatorOnly of ['incubating', 'candidates', 'graduations', 'pendingGraduations', 'dueSoon', 'overdue'] as const)
      expect(f).not.toContain(incubatorOnly);
  });

  it('shows an incubator its tenants, graduations and time limits, and an accelerator its companies', () => {
    expect(operatorFigures(['incubator'])).toEqual([
      'incubating',
      'occupancy',
      'admissions',
      'graduations',
      'pendingGraduations',
      'candidates',
      'dueSoon',
      'overdue',
      'missingReports',
      'warnings',
    ]);
    expect(operatorFigures(['accelerator'])).toEqual(['accelerating', 'occupancy', 'admissions', 'missingReports', 'warnings']);
  });

  it('shows the figures of every kind an operator runs, each once', () => {
    const f = operatorFigures(['nursery', 'incubator']);
    expect(f.slice(0, 2)).toEqual(['nurseryTeams', 'incubating']);
    expect(f).toContain('incorporated');
    expect(f).toContain('candidates');
    expect(new Set(f).size).toBe(f.length);
  });
});
