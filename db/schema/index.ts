export * from './enums';
export * from './users';
export * from './carriers';
export * from './ventures';
export * from './subsidies';
export * from './oversight';
export * from './security';
export * from './summaries';
