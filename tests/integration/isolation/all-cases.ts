import type { IsolationCase } from './world';

/** Every isolation case, from the area files beside this one. */
const modules = import.meta.glob<{ cases: IsolationCase[] }>('./*.cases.ts', { eager: true });
export const ALL_CASES: IsolationCase[] = Object.values(modules).flatMap((m) => m.cases);
