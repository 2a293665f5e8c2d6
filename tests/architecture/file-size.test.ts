/**
 * No source or test file is longer than 350 lines (docs/architecture.md): a longer file is split by
 * subject. Every file git tracks with a .ts, .tsx, .mjs or .js name counts, tests, e2e specs and
 * scripts included; the migrations and files a tool generates do not.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MAX_LINES = 350;
const SOURCE = /\.(ts|tsx|mjs|js)$/;
/** drizzle-kit's migrations, and the type declarations Next writes for itself. */
const GENERATED = [/^db\/migrations\//, /(^|\/)next-env\.d\.ts$/];

/** The files git tracks (or is told it will, with `git add -N`) that the rule covers. */
function trackedSources(): string[] {
  const listing = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return listing
    .split('\0')
    .filter((file) => SOURCE.test(file) && !GENERATED.some((g) => g.test(file)))
    .filter((file) => fs.existsSync(path.join(ROOT, file)));
}

/** Lines as `wc -l` counts them, and a last line without its newline too. */
function lineCount(text: string): number {
  if (text === '') return 0;
  const breaks = text.split('\n').length - 1;
  return text.endsWith('\n') ? breaks : breaks + 1;
}

describe('file size', () => {
  it('counts lines as wc -l does, and a last line without its newline', () => {
    expect([lineCount(''), lineCount('a'), lineCount('a\n'), lineCount('a\nb'), lineCount('a\n\n')]).toEqual([0, 1, 1, 2, 2]);
  });

  it(`keeps every tracked source and test file at ${MAX_LINES} lines or fewer`, () => {
    const files = trackedSources();
    // The listing reaches the whole tree (this file among it), so the rule cannot pass on nothing.
    expect(files).toContain('tests/architecture/file-size.test.ts');
    expect(files).toContain('app/layout.tsx');
    const over = files
      .map((file) => ({ file, lines: lineCount(fs.readFileSync(path.join(ROOT, file), 'utf8')) }))
      .filter(({ lines }) => lines > MAX_LINES)
      .sort((a, b) => b.lines - a.lines)
      .map(({ file, lines }) => `${file}: ${lines} lines`);
    expect(over, `Files over ${MAX_LINES} lines (split each by subject):\n${over.join('\n')}`).toEqual([]);
  });
});
