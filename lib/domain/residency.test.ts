import { describe, expect, it } from 'vitest';
import { endResidencyRefusals, mayEnterAccelerator, reasonsFor, ventureStageAfterExit } from './residency';

describe('ending a stay', () => {
  it('sets the venture stage from the reason', () => {
    expect(ventureStageAfterExit('graduated', 'incubating')).toBe('graduated');
    expect(ventureStageAfterExit('moved', 'incubating')).toBe('incubating');
    expect(ventureStageAfterExit('moved', 'accelerating')).toBe('accelerating');
    for (const r of ['failed', 'expired', 'voluntary'] as const) expect(ventureStageAfterExit(r, 'nursery')).toBe('exited');
  });

  it('allows graduation from incubation only', () => {
    expect(reasonsFor('incubating')).toContain('graduated');
    expect(reasonsFor('nursery')).not.toContain('graduated');
    expect(reasonsFor('accelerating')).not.toContain('graduated');
    const base = { stage: 'accelerating' as const, enteredOn: '2025-01-01', leftOn: '2026-01-01', today: '2026-03-01' };
    expect(endResidencyRefusals({ ...base, reason: 'graduated' })).toEqual({ reason: [{ key: 'residencyErrors.graduateOnlyFromIncubation' }] });
    expect(endResidencyRefusals({ ...base, reason: 'moved' })).toEqual({});
  });

  it('takes a leaving date from the entry date up to today', () => {
    const base = { reason: 'voluntary' as const, stage: 'incubating' as const, enteredOn: '2025-01-01', today: '2026-03-01' };
    expect(endResidencyRefusals({ ...base, leftOn: '2025-01-01' })).toEqual({});
    expect(endResidencyRefusals({ ...base, leftOn: '2026-03-01' })).toEqual({});
    expect(endResidencyRefusals({ ...base, leftOn: '2024-12-31' })).toEqual({
      leftOn: [{ key: 'residencyErrors.beforeEntry', params: { date: '2025-01-01' } }],
    });
    expect(endResidencyRefusals({ ...base, leftOn: '2026-03-02' })).toEqual({ leftOn: [{ key: 'dateInFuture' }] });
  });

  it('lets graduates (and companies that left another accelerator) into an accelerator', () => {
    expect(mayEnterAccelerator('graduated')).toBe(true);
    expect(mayEnterAccelerator('accelerating')).toBe(true);
    expect(mayEnterAccelerator('incubating')).toBe(false);
    expect(mayEnterAccelerator('exited')).toBe(false);
  });
});
