/**
 * One glossary (docs/architecture.md): the label of every value of every status list lives in
 * messages/<locale>/glossary.json and nowhere else, so a status reads the same on every page, filter,
 * dashboard, timeline, notification, export and in the audit log.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BLACKLIST_STATES } from '@/lib/domain/blacklist';
import { LIMIT_STATUSES } from '@/lib/domain/tenancy';
import { APPLICATION_STATUSES, CARRIER_STATUSES, GRADUATION_STATUSES, PROGRAM_STATUSES } from '@/lib/domain/vocabulary';
import { LOCALES } from '@/lib/i18n/config';
import { ACCOUNT_STATUSES } from '@/lib/validation/account';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Each status list and the glossary entry (`glossary.<key>`) that labels its values. */
const GLOSSARY: Record<string, { values: readonly string[]; key: string }> = {
  APPLICATION_STATUSES: { values: APPLICATION_STATUSES, key: 'applicationStatus' },
  PROGRAM_STATUSES: { values: PROGRAM_STATUSES, key: 'programmeStatus' },
  GRADUATION_STATUSES: { values: GRADUATION_STATUSES, key: 'graduationStatus' },
  CARRIER_STATUSES: { values: CARRIER_STATUSES, key: 'carrierStatus' },
  LIMIT_STATUSES: { values: LIMIT_STATUSES, key: 'limitStatus' },
  BLACKLIST_STATES: { values: BLACKLIST_STATES, key: 'blacklistState' },
  ACCOUNT_STATUSES: { values: ACCOUNT_STATUSES, key: 'accountStatus' },
};

/** Status-like lists that are a filter's choices or a part of a list above, so they have no labels of their own. */
const DERIVED = new Set(['QUEUE_STATUSES', 'COMMITTEE_STEP_STATUSES']);

/** A filter's "any" choice is worded by its page, not a status. */
const FILTER_ONLY = new Set(['all']);

type Json = { [key: string]: Json } | string;

function catalogue(locale: string, file: string): Json {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'messages', locale, file), 'utf8')) as Json;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(rel);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [rel] : [];
  });
}

/** Every object of a catalogue with its dotted path. */
function objects(node: Json, at: string[] = []): [string, Record<string, Json>][] {
  if (typeof node === 'string') return [];
  return [[at.join('.'), node], ...Object.entries(node).flatMap(([k, v]) => objects(v, [...at, k]))];
}

/** The places outside the glossary where an object labels every value of a status list again. */
function statusMapsOutsideGlossary(read: (locale: string, file: string) => Json = catalogue): string[] {
  return LOCALES.flatMap((locale) =>
    fs
      .readdirSync(path.join(ROOT, 'messages', locale))
      .filter((f) => f.endsWith('.json') && f !== 'glossary.json')
      .flatMap((file) =>
        objects(read(locale, file)).flatMap(([at, obj]) =>
          Object.entries(GLOSSARY)
            .filter(([, { values }]) => values.filter((v) => !FILTER_ONLY.has(v)).every((v) => typeof obj[v] === 'string'))
            .map(([name]) => `${locale}/${file} ${at} labels ${name}`),
        ),
      ),
  );
}

describe('the glossary of statuses', () => {
  it('has an entry for every status list declared in lib/', () => {
    const declared = sourceFiles('lib').flatMap((f) =>
      [...fs.readFileSync(path.join(ROOT, f), 'utf8').matchAll(/export const (\w+_(?:STATUSES|STATES))\b/g)].map((m) => `${m[1]} (${f})`),
    );
    expect(declared.length).toBeGreaterThanOrEqual(Object.keys(GLOSSARY).length);
    expect(declared.filter((d) => !(d.split(' ')[0]! in GLOSSARY) && !DERIVED.has(d.split(' ')[0]!))).toEqual([]);
  });

  for (const [name, { values, key }] of Object.entries(GLOSSARY)) {
    it(`labels every value of ${name} in both languages`, () => {
      const missing = LOCALES.flatMap((locale) => {
        const entry = (catalogue(locale, 'glossary.json') as Record<string, Record<string, Json>>).glossary?.[key];
        const labels = (typeof entry === 'object' ? entry : {}) as Record<string, Json>;
        return values.filter((v) => typeof labels[v] !== 'string' || (labels[v] as string).trim() === '').map((v) => `${locale} glossary.${key}.${v}`);
      });
      expect(missing).toEqual([]);
    });
  }

  it('gives each status of a list its own label', () => {
    const repeated = LOCALES.flatMap((locale) =>
      Object.entries(GLOSSARY).flatMap(([name, { values, key }]) => {
        const labels = (catalogue(locale, 'glossary.json') as Record<string, Record<string, Record<string, string>>>).glossary![key]!;
        const words = values.map((v) => labels[v]);
        return words.filter((w, i) => words.indexOf(w) !== i).map((w) => `${locale} ${name}: ${w}`);
      }),
    );
    expect(repeated).toEqual([]);
  });

  it('is the only catalogue that labels a status list', () => {
    expect(statusMapsOutsideGlossary()).toEqual([]);
  });

  it('finds a status list labelled again in an area catalogue', () => {
    const copy = (locale: string, file: string): Json =>
      file === 'review.json' ? { review: { status: Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, s])) } } : catalogue(locale, file);
    expect(statusMapsOutsideGlossary(copy)).toEqual(expect.arrayContaining(LOCALES.map((l) => `${l}/review.json review.status labels APPLICATION_STATUSES`)));
  });
});
