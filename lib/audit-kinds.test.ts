import { describe, expect, it } from 'vitest';
import { auditKindOf, isSecurityAction, SECURITY_ACTIONS } from './audit-kinds';

describe('audit kinds', () => {
  it('counts sign-in, session, password, second factor, rights, exports and downloads as security events', () => {
    for (const a of [
      'auth.signIn',
      'auth.signInFailed',
      'auth.lockout',
      'session.end',
      'user.passwordReset',
      'mfa.use',
      'rights.approve',
      'export',
      'download',
    ]) {
      expect(isSecurityAction(a), a).toBe(true);
    }
  });

  it('counts changes to records as changes', () => {
    for (const a of ['venture.update', 'approve', 'pay', 'user.updated', 'user.created', 'carrier.updateProfile', 'exports']) {
      expect(auditKindOf(a), a).toBe('changes');
    }
  });

  it('lists each security action once', () => {
    expect(new Set(SECURITY_ACTIONS).size).toBe(SECURITY_ACTIONS.length);
  });
});
