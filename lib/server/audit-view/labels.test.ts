import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTION_AUDIENCE } from '@/lib/audit-audience';
import { LOCALES } from '@/lib/i18n/config';
import { applicationSources } from '@/tests/helpers/source-files';
import { codeKey, recordNameOf } from './labels';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** Every record type the code writes to the audit log: the quoted codes of `entity:` under db/, lib/ and app/. */
function writtenEntities(): Set<string> {
  const found = new Set<string>();
  for (const { text } of applicationSources()) for (const m of text.matchAll(/\bentity(?:Type)?:\s*'([a-z][a-z_]*)'/g)) found.add(m[1]!);
  return found;
}

const catalogue = (locale: string) =>
  (
    JSON.parse(fs.readFileSync(path.join(ROOT, 'messages', locale, 'audit.json'), 'utf8')) as {
      audit: { actions: Record<string, string>; entities: Record<string, string>; lists: Record<string, string> };
    }
  ).audit;

/** The lists an export writes to the log (lib/server/access-audit.ts names them by the last segment of their path). */
const exportedLists = () =>
  fs
    .readdirSync(path.join(ROOT, 'app/api'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(ROOT, 'app/api', d.name, 'export')))
    .flatMap((d) => fs.readdirSync(path.join(ROOT, 'app/api', d.name, 'export')));

describe('the labels of the audit log', () => {
  it('finds the record types the code writes', () => {
    const written = writtenEntities();
    for (const e of ['application', 'user', 'notification', 'carrier', 'venture_report']) expect(written.has(e), e).toBe(true);
  });

  it.each(LOCALES)('names every action the code writes, in %s', (locale) => {
    const { actions } = catalogue(locale);
    const missing = Object.keys(ACTION_AUDIENCE).filter((a) => !actions[codeKey(a)]?.trim());
    expect(missing, `actions with no label in messages/${locale}/audit.json`).toEqual([]);
  });

  it.each(LOCALES)('names every record type the code writes, in %s', (locale) => {
    const { entities } = catalogue(locale);
    const missing = [...writtenEntities()].filter((e) => !entities[codeKey(e)]?.trim());
    expect(missing, `record types with no label in messages/${locale}/audit.json`).toEqual([]);
  });

  it.each(LOCALES)('names every list an export writes, in %s', (locale) => {
    const lists = exportedLists();
    expect(lists).toEqual(expect.arrayContaining(['audit', 'ventures', 'statistics']));
    const missing = [...new Set(lists)].filter((l) => !catalogue(locale).lists[l]?.trim());
    expect(missing, `lists with no title in messages/${locale}/audit.json`).toEqual([]);
  });

  it('names a file by its name, which its own entry holds', () => {
    const t = Object.assign((k: string) => k, { has: () => false });
    expect(recordNameOf(t, { entity: 'attachment', entityId: '3', before: null, after: { fileName: '材料3.pdf' } }, {})).toBe('材料3.pdf');
    expect(recordNameOf(t, { entity: 'attachment', entityId: '3', before: { fileName: '旧.pdf' }, after: null }, {})).toBe('旧.pdf');
    expect(recordNameOf(t, { entity: 'attachment', entityId: '3', before: null, after: null }, {})).toBeNull();
  });

  it('names a record deleted since by what its entry holds, else as a deleted record, never by its number', () => {
    const t = Object.assign((k: string) => k, { has: () => false });
    const names = { application: new Map<number, string>(), financing: new Map<number, string>(), venture: new Map([[31, '星河生物']]) };
    const deletedDraft = { entity: 'application', entityId: '37', before: { refNo: 'PD-2026-FH-05-000037' }, after: null };
    expect(recordNameOf(t, deletedDraft, names)).toBe('PD-2026-FH-05-000037');
    expect(recordNameOf(t, { entity: 'venture_financing', entityId: '162', before: { ventureId: 31, investor: '浦东天使' }, after: null }, names)).toBe(
      '星河生物',
    );
    expect(recordNameOf(t, { entity: 'venture_financing', entityId: '162', before: { amountFen: 100 }, after: null }, names)).toBe('value.deletedRecord');
  });
});
