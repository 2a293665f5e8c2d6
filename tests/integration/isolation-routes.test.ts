import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_CASES } from './isolation/all-cases';
import { OPERATOR_ROUTES } from './isolation/routes';

const APP = path.resolve(__dirname, '../../app');
const ROOTS = ['(portal)/operator', 'api/operator'];
/** Files through which a request reaches the server's code. */
const ENTRY = /^(page\.tsx|actions\.ts|route\.ts|layout\.tsx)$/;

function entryFiles(dir: string): string[] {
  return readdirSync(path.join(APP, dir), { withFileTypes: true }).flatMap((d) => {
    const rel = path.posix.join(dir, d.name);
    if (d.isDirectory()) return entryFiles(rel);
    return ENTRY.test(d.name) ? [rel] : [];
  });
}

describe('the operator route table', () => {
  const files = ROOTS.flatMap(entryFiles).sort();
  const rows = new Map(OPERATOR_ROUTES.map((r) => [r.file, r]));
  const caseNames = new Set(ALL_CASES.map((c) => c.name));

  it('finds the route files', () => {
    expect(files).toContain('(portal)/operator/page.tsx');
    expect(files).toContain('api/operator/import/route.ts');
  });

  it('has a row for every page, action file and route handler', () => {
    expect(files.filter((f) => !rows.has(f))).toEqual([]);
  });

  it('has no row for a file that does not exist, and no file twice', () => {
    expect(OPERATOR_ROUTES.map((r) => r.file).filter((f) => !files.includes(f))).toEqual([]);
    expect(rows.size).toBe(OPERATOR_ROUTES.length);
  });

  it('names at least one isolation case per row, each of which exists', () => {
    for (const row of OPERATOR_ROUTES) {
      expect(row.cases.length, row.file).toBeGreaterThan(0);
      expect(
        row.cases.filter((c) => !caseNames.has(c)),
        row.file,
      ).toEqual([]);
    }
  });

  it('gives every page that takes an id of a venture or carrier a probe', () => {
    const idPages = files.filter((f) => f.endsWith('page.tsx') && /\[(id|ventureId)\]/.test(f));
    expect(idPages.filter((f) => !rows.get(f)?.probes?.some((p) => p.expect === 'notFound'))).toEqual([]);
  });
});
