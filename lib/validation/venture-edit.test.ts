import { describe, expect, it } from 'vitest';
import { financingErrors, ventureEditErrors } from './venture-edit';

const today = '2026-05-20';

describe('venture edit rules across fields', () => {
  it('accepts a complete certificate and exit event, and none at all', () => {
    expect(ventureEditErrors({}, today)).toBeNull();
    expect(ventureEditErrors({ highTechCertNo: 'GR202431000123', highTechCertOn: today, exitKind: 'listed', exitOn: '2026-01-02' }, today)).toBeNull();
  });

  it('asks for the missing half of a certificate or an exit event', () => {
    expect(ventureEditErrors({ highTechCertNo: 'GR1' }, today)).toEqual({ highTechCertOn: [{ key: 'required' }] });
    expect(ventureEditErrors({ highTechCertOn: '2025-01-01' }, today)).toEqual({ highTechCertNo: [{ key: 'required' }] });
    expect(ventureEditErrors({ exitKind: 'acquired' }, today)).toEqual({ exitOn: [{ key: 'required' }] });
    expect(ventureEditErrors({ exitOn: '2025-01-01' }, today)).toEqual({ exitKind: [{ key: 'required' }] });
  });

  it('refuses dates after today, today itself is fine', () => {
    expect(ventureEditErrors({ highTechCertNo: 'GR1', highTechCertOn: '2026-05-21' }, today)).toEqual({
      highTechCertOn: [{ key: 'dateInFuture' }],
    });
    expect(ventureEditErrors({ exitKind: 'listed', exitOn: '2027-01-01' }, today)).toEqual({ exitOn: [{ key: 'dateInFuture' }] });
    expect(financingErrors({ receivedOn: today }, today)).toBeNull();
    expect(financingErrors({ receivedOn: '2026-05-21' }, today)).toEqual({ receivedOn: [{ key: 'dateInFuture' }] });
  });
});
