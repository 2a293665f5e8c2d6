/**
 * Graduations: candidates, the facts they are decided on, records, verification and decisions.
 * Code outside db/ imports this folder through this index; the files inside import each other directly
 * (docs/architecture.md).
 */
export * from './candidates';
export * from './decisions';
export * from './facts';
export * from './records';
export * from './verification';
