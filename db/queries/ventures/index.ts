/**
 * Ventures and their stays: admission, residencies, transfers between carriers, edits, time limits, imports and exports.
 * Code outside db/ imports this folder through this index; the files inside import each other directly
 * (docs/architecture.md).
 */
export * from './admission';
export * from './detail';
export * from './edits';
export * from './limits';
export * from './list';
export * from './residencies';
export * from './residency-entries';
export * from './scope';
export * from './stays';
export * from './transfer-export';
export * from './transfer';
