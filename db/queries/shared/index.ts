/**
 * Helpers the query folders share: the scope condition, database errors, name order and search patterns.
 * Code outside db/ imports this folder through this index; the files inside import each other directly
 * (docs/architecture.md).
 */
export * from './errors';
export * from './scope';
export * from './collation';
export * from './search';
