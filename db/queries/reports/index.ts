/**
 * Quarterly reports of the tenants: filing, the missing list and the figure columns.
 * Code outside db/ imports this folder through this index; the files inside import each other directly
 * (docs/architecture.md).
 */
export * from './columns';
export * from './reports';
