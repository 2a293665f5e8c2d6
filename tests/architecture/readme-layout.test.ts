/**
 * The README's layout (the fenced block between `<!-- layout:start -->` and `<!-- layout:end -->`)
 * is checked against the tree, so that it cannot drift from it: every top-level folder, and every
 * folder directly under app/, components/, lib/, db/ and db/queries/, must be in the block, and
 * every folder or file the block names must exist.
 *
 * The block's format: one entry per line, indented two spaces per level under its folder; a
 * folder ends with `/`; a description, if any, follows after at least two spaces.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const START = '<!-- layout:start -->';
const END = '<!-- layout:end -->';
/** The folders whose own sub-folders must each be in the layout; the root stands for the top level. */
const LISTED_IN_FULL = ['', 'app', 'components', 'lib', 'db', 'db/queries'];

export type LayoutEntry = { path: string; folder: boolean; line: number };

/** The entries of the layout block, each with its full path. Throws on a malformed block. */
export function layoutEntries(readme: string): LayoutEntry[] {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${START} … ${END} block`);
  const before = readme.slice(0, start).split('\n').length;
  const lines = readme.slice(start + START.length, end).split('\n');
  const fences = lines.flatMap((l, i) => (l.trim().startsWith('```') ? [i] : []));
  if (fences.length !== 2) throw new Error('The layout block must hold exactly one fenced block');
  const parents: string[] = [];
  const entries: LayoutEntry[] = [];
  for (let i = fences[0]! + 1; i < fences[1]!; i++) {
    const text = lines[i]!;
    if (!text.trim()) continue;
    const line = before + i;
    const indent = text.length - text.trimStart().length;
    if (indent % 2 !== 0) throw new Error(`README.md line ${line}: indent by two spaces per level`);
    const depth = indent / 2;
    if (depth > parents.length) throw new Error(`README.md line ${line}: indented deeper than its folder`);
    parents.length = depth;
    const name = text
      .trimStart()
      .split(/\s{2,}/)[0]!
      .trim();
    if (!name || /\s/.test(name)) throw new Error(`README.md line ${line}: one entry per line, its description after two spaces`);
    const folder = name.endsWith('/');
    const full = path.posix.join(parents.at(-1) ?? '', folder ? name.slice(0, -1) : name);
    entries.push({ path: full, folder, line });
    if (folder) parents.push(full);
  }
  return entries;
}

/** Top-level names the repository ignores (.gitignore's plain folder entries), and git's own folder. */
function ignoredTopLevel(): Set<string> {
  const ignored = new Set(['.git']);
  const gitignore = path.join(ROOT, '.gitignore');
  if (!fs.existsSync(gitignore)) return ignored;
  for (const raw of fs.readFileSync(gitignore, 'utf8').split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || /[*?[!]/.test(line)) continue;
    const name = line.replace(/^\//, '').replace(/\/$/, '');
    if (!name.includes('/')) ignored.add(name);
  }
  return ignored;
}

/**
 * A hidden top-level folder (`.ci`) belongs to the layout when the repository tracks files in it;
 * an editor's or a tool's own (`.vscode`, `.idea`) does not. Without git, every one counts.
 */
function trackedHidden(root: string, name: string): boolean {
  try {
    return execFileSync('git', ['ls-files', '--', name], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() !== '';
  } catch {
    return true;
  }
}

/** The folders that must be in the layout, as they are on disk now. */
export function foldersOnDisk(root: string = ROOT): string[] {
  const ignored = ignoredTopLevel();
  return LISTED_IN_FULL.flatMap((dir) => {
    const abs = path.join(root, dir);
    if (!fs.existsSync(abs)) return [];
    return fs
      .readdirSync(abs, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !(dir === '' && (ignored.has(e.name) || (e.name.startsWith('.') && !trackedHidden(root, e.name)))))
      .map((e) => path.posix.join(dir, e.name));
  });
}

/** What is wrong with the layout block, one line per problem. */
export function layoutProblems(readme: string, root: string = ROOT): string[] {
  const entries = layoutEntries(readme);
  const named = new Set(entries.filter((e) => e.folder).map((e) => e.path));
  const problems: string[] = [];
  for (const dir of foldersOnDisk(root)) {
    if (!named.has(dir)) problems.push(`${dir}/ exists but is not in the README's layout`);
  }
  for (const e of entries) {
    const abs = path.join(root, e.path);
    const there = fs.existsSync(abs) && fs.statSync(abs).isDirectory() === e.folder;
    if (!there) problems.push(`README.md line ${e.line}: ${e.path}${e.folder ? '/' : ''} is not in the tree`);
  }
  return problems;
}

describe("the README's layout", () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

  it('reads the block as a tree', () => {
    const paths = layoutEntries(readme).map((e) => e.path);
    expect(paths).toContain('app');
    expect(paths).toContain('db/queries/ventures');
    expect(paths).toContain('lib/server/action.ts');
  });

  it('knows which folders must be listed', () => {
    const dirs = foldersOnDisk();
    for (const d of ['app', 'lib/domain', 'db/queries', 'db/queries/subsidies', 'components/forms']) expect(dirs).toContain(d);
    expect(dirs).toContain('.ci');
    expect(dirs).not.toContain('node_modules');
  });

  it('lists every folder of the tree it must and names nothing that is not there', () => {
    expect(layoutProblems(readme)).toEqual([]);
  });

  it('fails for a folder missing from the block and for one the block names but the tree lacks', () => {
    const spoiled = readme.replace(/\n {2}spreadsheet\/[^\n]*/, '').replace('\n  domain/', '\n  no-such-folder/\n  domain/');
    const problems = layoutProblems(spoiled);
    expect(problems).toContain("lib/spreadsheet/ exists but is not in the README's layout");
    expect(problems.some((p) => p.endsWith('lib/no-such-folder/ is not in the tree'))).toBe(true);
  });
});
