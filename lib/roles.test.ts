import { describe, expect, it } from 'vitest';
import { homeFor, roleMayOpen, roleNeedsApproval, scopeIncludesCarrier } from './roles';

describe('roles and scope', () => {
  it('sends each role to its own area', () => {
    expect(homeFor('operator')).toBe('/operator');
    expect(homeFor('committee')).toBe('/committee');
    expect(homeFor('admin')).toBe('/admin');
    expect(homeFor('security')).toBe('/security');
    expect(homeFor('auditor')).toBe('/auditor');
  });

  it('asks the security administrator to approve every role but an operator’s', () => {
    expect(roleNeedsApproval('operator')).toBe(false);
    for (const role of ['committee', 'admin', 'security', 'auditor'] as const) expect(roleNeedsApproval(role)).toBe(true);
  });

  it('lets an operator see only the carriers bound to them', () => {
    const scope = { kind: 'carriers' as const, carrierIds: [3, 7] };
    expect(scopeIncludesCarrier(scope, 3)).toBe(true);
    expect(scopeIncludesCarrier(scope, 4)).toBe(false);
    expect(scopeIncludesCarrier({ kind: 'carriers', carrierIds: [] }, 3)).toBe(false);
    expect(scopeIncludesCarrier({ kind: 'all' }, 4)).toBe(true);
    expect(scopeIncludesCarrier({ kind: 'none' }, 4)).toBe(false);
  });

  it('keeps a role inside its own area after sign-in', () => {
    expect(roleMayOpen('operator', '/operator/ventures')).toBe(true);
    expect(roleMayOpen('operator', '/committee')).toBe(false);
    expect(roleMayOpen('committee', '/admin')).toBe(false);
    expect(roleMayOpen('admin', '/admin?page=2')).toBe(true);
    expect(roleMayOpen('admin', '/auditor')).toBe(false);
    expect(roleMayOpen('operator', '/committee?year=2026')).toBe(false);
    expect(roleMayOpen('operator', '/committee#top')).toBe(false);
    expect(roleMayOpen('auditor', '/security')).toBe(false);
    expect(roleMayOpen('security', '/admin')).toBe(false);
  });
});
