import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HTTP_MATRIX, PUBLIC_FILES } from '../authz/http-matrix';

const APP = path.resolve(__dirname, '../../app');

/** Every page and route handler under app/ (relative paths), found on disk. */
function openable(dir = ''): string[] {
  return readdirSync(path.join(APP, dir), { withFileTypes: true }).flatMap((d) => {
    const rel = dir ? path.posix.join(dir, d.name) : d.name;
    if (d.isDirectory()) return openable(rel);
    return d.name === 'page.tsx' || d.name === 'route.ts' ? [rel] : [];
  });
}

describe('the authorization matrix of pages and route handlers', () => {
  const files = openable().sort();
  const rowFiles = HTTP_MATRIX.map((r) => r.file);

  it('finds the pages and route handlers', () => {
    expect(files).toContain('(portal)/admin/page.tsx');
    expect(files).toContain('api/operator/import/route.ts');
  });

  it('has a row for every page and route handler', () => {
    const missing = files.filter((f) => !rowFiles.includes(f));
    expect(missing, `add a row to tests/authz/http-matrix.ts for: ${missing.join(', ')}`).toEqual([]);
  });

  it('has no row for a file that does not exist', () => {
    expect(rowFiles.filter((f) => !files.includes(f))).toEqual([]);
  });

  it('gives each row an address of its own file', () => {
    for (const row of HTTP_MATRIX) {
      // The file's route, with [segments] as wildcards and (groups) left out.
      const pattern = row.file
        .replace(/(^|\/)\([^)]+\)/g, '')
        .replace(/\/?(page\.tsx|route\.ts)$/, '')
        .split('/')
        .filter(Boolean)
        .map((s) => (s.startsWith('[...') ? '.+' : s.startsWith('[') ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
        .join('/');
      expect(row.path.split('?')[0], row.file).toMatch(new RegExp(`^/${pattern}$`));
    }
  });

  it('lists exactly the files of public/', () => {
    const onDisk = readdirSync(path.resolve(__dirname, '../../public')).map((name) => `/${name}`);
    expect(PUBLIC_FILES.map((f) => f.path).sort()).toEqual(onDisk.sort());
  });
});
