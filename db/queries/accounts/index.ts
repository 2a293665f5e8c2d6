/**
 * Accounts, sign-in, sessions, second factors, the security policy, rights grants and notifications.
 * Code outside db/ imports this folder through this index; the files inside import each other directly
 * (docs/architecture.md).
 */
export * from './accounts';
export * from './login-throttle';
export * from './notifications';
export * from './password-check';
export * from './policy-in-force';
export * from './rights-grants';
export * from './second-factor';
export * from './security-policy';
export * from './sessions';
export * from './sign-in';
export * from './throttle-admin';
export * from './users';
