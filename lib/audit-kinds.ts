/**
 * The audit log holds two kinds of entries: changes to the portal's records, and security events
 * (sign-in and sign-out, sessions, passwords, second factor, grants of rights, exports of lists and
 * downloads of files). Security events are read by the administrators who read the whole log;
 * the committee's and an operator's views of the log show changes only (docs in README, Security).
 */
export const SECURITY_ACTIONS = [
  'auth.signIn',
  'auth.signInFailed',
  'auth.lockout',
  'auth.release',
  'auth.signOut',
  'session.end',
  'user.passwordChanged',
  'user.passwordReset',
  'user.passwordCheckFailed',
  'mfa.enrol',
  'mfa.use',
  'mfa.reset',
  'mfa.recoveryCodes',
  'security_policy.update',
  'rights.request',
  'rights.approve',
  'rights.reject',
  'export',
  'download',
] as const;

export type SecurityAction = (typeof SECURITY_ACTIONS)[number];
export const AUDIT_KINDS = ['security', 'changes'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

const SECURITY = new Set<string>(SECURITY_ACTIONS);

export function isSecurityAction(action: string): boolean {
  return SECURITY.has(action);
}

export function auditKindOf(action: string): AuditKind {
  return isSecurityAction(action) ? 'security' : 'changes';
}
