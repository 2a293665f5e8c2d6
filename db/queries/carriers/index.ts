/**
 * Carriers as their operators and the committee's choices see them, and the operator's dashboard.
 * Code outside db/ imports this folder through this index; the files inside import each other directly
 * (docs/architecture.md).
 */
export * from './carriers';
export * from './choices';
export * from './operator-dashboard';
