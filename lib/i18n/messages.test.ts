import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from './config';
import { MESSAGE_FILES } from './files';

type Tree = { [k: string]: string | Tree };
const load = (locale: string, file: string): Tree =>
  JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../../messages', locale, `${file}.json`), 'utf8'));

function keys(t: Tree, prefix = ''): string[] {
  return Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
}

/** Every source file of the app, for the namespaces it asks for. */
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
  });
}

describe('message catalogues', () => {
  it('has every file in every language, with the same keys', () => {
    for (const file of MESSAGE_FILES) {
      const [zh, ...others] = LOCALES.map((l) => keys(load(l, file)).sort());
      for (const other of others) expect(other).toEqual(zh);
    }
  });

  it('has no top-level key in two files', () => {
    const seen = new Map<string, string>();
    for (const file of MESSAGE_FILES) {
      for (const top of Object.keys(load('zh-CN', file))) {
        expect(seen.get(top), `${top} is in ${seen.get(top)} and ${file}`).toBeUndefined();
        seen.set(top, file);
      }
    }
  });

  it('has every namespace the code asks for with useTranslations or getTranslations', () => {
    const root = path.join(import.meta.dirname, '../..');
    const merged: Tree = Object.assign({}, ...MESSAGE_FILES.map((f) => load('zh-CN', f)));
    const missing: string[] = [];
    for (const file of ['app', 'components', 'lib'].flatMap((d) => sources(path.join(root, d)))) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:useTranslations|getTranslations)\(\s*'([^']+)'\s*\)/g)) {
        const node = m[1]!.split('.').reduce<Tree | string | undefined>((t, k) => (t && typeof t === 'object' ? t[k] : undefined), merged);
        if (!node || typeof node === 'string') missing.push(`${path.relative(root, file)}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
