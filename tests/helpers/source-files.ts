import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * The application's own source files (not tests) under db/, lib/ and app/, each with its path from
 * the repository's root and its text: for tests that check what the code writes (audit actions,
 * record types) against the lists and catalogues that must know about it.
 */
export function applicationSources(): { rel: string; text: string }[] {
  const out: { rel: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) out.push({ rel: path.relative(ROOT, p), text: fs.readFileSync(p, 'utf8') });
    }
  };
  for (const dir of ['db', 'lib', 'app']) walk(path.join(ROOT, dir));
  return out;
}
