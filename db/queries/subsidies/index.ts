/**
 * Subsidy programmes and applications: drafts, the workflow steps, review, funding, files and reads.
 * Code outside db/ imports this folder through this index; the files inside import each other directly
 * (docs/architecture.md).
 */
export * from './applications';
export * from './choices';
export * from './committee-queue';
export * from './files';
export * from './funding';
export * from './list-columns';
export * from './programme-choices';
export * from './programmes';
export * from './reads';
export * from './review';
export * from './steps';
