/**
 * Imports run downhill (docs/architecture.md): app -> components -> lib/server -> db -> the pure
 * lib (lib/domain and every lib/ file outside lib/server). A page folder is private to its area:
 * route handlers, components and other areas import shared helpers from lib or components.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

type Layer = 'app' | 'components' | 'server' | 'db' | 'pure';

const ROOT = path.resolve(import.meta.dirname, '../..');
const RANK: Record<Layer, number> = { app: 4, components: 3, server: 2, db: 1, pure: 0 };
/** Packages only the layers above the pure lib may use: the framework and the database driver. */
const FRAMEWORK = /^(next|next-auth|next-intl|react|react-dom|server-only|drizzle-orm|pg|@electric-sql\/pglite)(\/|$)/;
/** A marker that a module must never reach a browser bundle; it brings no framework with it. */
const PURE_FRAMEWORK_EXCEPTIONS = new Set(['server-only']);

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$|test-support\.ts$/.test(entry.name)) out.push(rel);
  }
  return out;
}

function layerOf(file: string): Layer {
  if (file.startsWith('app/')) return 'app';
  if (file.startsWith('components/')) return 'components';
  if (file.startsWith('lib/server/')) return 'server';
  if (file.startsWith('db/')) return 'db';
  return 'pure';
}

/** The area of a page file: its first folder under a route group, or under app/api. */
function areaOf(file: string): string {
  const parts = file.split('/');
  // The root layout, its styles and error pages, and the server actions every layout shares.
  if (parts.length === 2 || parts[1] === 'actions') return 'app';
  if (parts[1]?.startsWith('(')) return `${parts[1]}/${parts[2] ?? ''}`;
  return parts.slice(0, 2).join('/');
}

type Tree = { exists: (file: string) => boolean; read: (file: string) => string };

const DISK: Tree = {
  exists: (f) => fs.existsSync(path.join(ROOT, f)) && fs.statSync(path.join(ROOT, f)).isFile(),
  read: (f) => fs.readFileSync(path.join(ROOT, f), 'utf8'),
};

function resolve(tree: Tree, from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith('@/')) base = spec.slice(2);
  else if (spec.startsWith('.')) base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  else return null;
  for (const ext of ['', '.ts', '.tsx', '/index.ts', '/index.tsx']) {
    const candidate = base + ext;
    if (tree.exists(candidate)) return candidate;
  }
  return base;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(tree: Tree, file: string): string[] {
  const src = tree.read(file);
  return [...src.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

/** Every import that breaks the rules, as "file -> import (why)". */
export function uphillImports(files: string[], tree: Tree = DISK): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const layer = layerOf(file);
    for (const spec of importsOf(tree, file)) {
      const target = resolve(tree, file, spec);
      if (target === null) {
        const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
        if (layer === 'pure' && FRAMEWORK.test(spec) && !PURE_FRAMEWORK_EXCEPTIONS.has(spec)) {
          problems.push(`${file} -> ${spec} (the pure lib uses no framework or database package: ${pkg})`);
        }
        continue;
      }
      if (!/^(app|components|lib|db)\//.test(target)) continue;
      const targetLayer = layerOf(target);
      if (RANK[targetLayer] > RANK[layer]) problems.push(`${file} -> ${target} (${layer} imports ${targetLayer})`);
      else if (layer !== 'db' && /^db\/queries\/[^/]+\/(?!index\.ts$)[^/]+$/.test(target)) {
        problems.push(`${file} -> ${target} (outside db/, a query folder is imported through its index)`);
      } else if (layer === 'app' && targetLayer === 'app' && areaOf(target) !== 'app' && areaOf(file) !== areaOf(target)) {
        problems.push(`${file} -> ${target} (a page folder is private to ${areaOf(target)})`);
      }
    }
  }
  return problems;
}

describe('imports run downhill', () => {
  it('finds the source files it checks', () => {
    const files = ['app', 'components', 'lib', 'db'].flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(300);
    expect(files).toContain('lib/server/action.ts');
    expect(files).toContain('db/queries/shared/scope.ts');
  });

  it("has no import from a higher layer or from another area's page folder", () => {
    expect(uphillImports(['app', 'components', 'lib', 'db'].flatMap(sourceFiles))).toEqual([]);
  });

  it('has an index in each query folder that exports every file of it', () => {
    const queries = path.join(ROOT, 'db/queries');
    for (const folder of fs.readdirSync(queries, { withFileTypes: true }).filter((d) => d.isDirectory())) {
      const files = fs
        .readdirSync(path.join(queries, folder.name))
        .filter((f) => f.endsWith('.ts') && f !== 'index.ts' && !f.endsWith('.test.ts'))
        .map((f) => `export * from './${f.replace(/\.ts$/, '')}';`);
      const index = fs.readFileSync(path.join(queries, folder.name, 'index.ts'), 'utf8');
      expect(
        files.filter((line) => !index.includes(line)),
        `db/queries/${folder.name}/index.ts`,
      ).toEqual([]);
    }
  });

  it('would catch each kind of uphill import', () => {
    const planted: Record<string, string> = {
      'db/queries/x.ts': "import { defineAction } from '@/lib/server/action';",
      'lib/domain/y.ts': "import { getDb } from '@/db/client';\nimport { headers } from 'next/headers';",
      'components/z.tsx': "import { setLocale } from '@/app/actions/locale';",
      'app/api/w/route.ts': "import { AuditTable } from '@/app/(portal)/operator/page';\nimport { listVentures } from '@/db/queries/ventures/list';",
      'db/queries/ventures/list.ts': '',
      'lib/server/action.ts': '',
      'db/client.ts': '',
      'app/actions/locale.ts': '',
      'app/(portal)/operator/page.tsx': '',
    };
    const tree: Tree = { exists: (f) => f in planted, read: (f) => planted[f] ?? '' };
    expect(uphillImports(['db/queries/x.ts', 'lib/domain/y.ts', 'components/z.tsx', 'app/api/w/route.ts'], tree)).toEqual([
      'db/queries/x.ts -> lib/server/action.ts (db imports server)',
      'lib/domain/y.ts -> db/client.ts (pure imports db)',
      'lib/domain/y.ts -> next/headers (the pure lib uses no framework or database package: next)',
      'components/z.tsx -> app/actions/locale.ts (components imports app)',
      'app/api/w/route.ts -> app/(portal)/operator/page.tsx (a page folder is private to (portal)/operator)',
      'app/api/w/route.ts -> db/queries/ventures/list.ts (outside db/, a query folder is imported through its index)',
    ]);
  });
});
