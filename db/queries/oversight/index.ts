/**
 * Oversight: the blacklist and the audit log.
 * Code outside db/ imports this folder through this index; the files inside import each other directly
 * (docs/architecture.md).
 */
export * from './audit-log';
export * from './audit-names';
export * from './blacklist';
