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
});
