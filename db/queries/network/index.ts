/**
 * The committee's read side of the network: dashboard, targets, warnings, carriers, pipeline, budget and statistics.
 * Code outside db/ imports this folder through this index; the files inside import each other directly
 * (docs/architecture.md).
 */
export * from './budget';
export * from './carrier-counts';
export * from './carrier-detail';
export * from './carrier-figures';
export * from './carrier-national';
export * from './carriers';
export * from './dashboard';
export * from './filter';
export * from './overview';
export * from './pipeline';
export * from './statistics-summary';
export * from './statistics';
export * from './statistics-view';
export * from './targets';
export * from './warnings';
