/**
 * Helpers the query folders share: the scope condition and database errors.
 * Code outside db/ imports this folder through this index; the files inside import each other directly
 * (docs/architecture.md).
 */
export * from './errors';
export * from './scope';
export * from './collation';
