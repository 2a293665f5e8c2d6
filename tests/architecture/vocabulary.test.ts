/**
 * One vocabulary (docs/architecture.md): every domain list is declared once in lib/domain, the
 * database's enums are built from those tuples, and both message catalogues label every value.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as enums from '@/db/schema/enums';
import { BLACKLIST_STATES } from '@/lib/domain/blacklist';
import { CARRIER_SORTS, WARNING_TYPES } from '@/lib/domain/network-lists';
import { REPORT_FIELDS } from '@/lib/domain/report-figures';
import { EDITABLE_VENTURE_FIELDS, TALENT_FLAGS, TECHNICAL_FIELDS } from '@/lib/domain/venture-fields';
import * as vocabulary from '@/lib/domain/vocabulary';
import { LOCALES } from '@/lib/i18n/config';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Where each list's labels are: `file:dotted.path` under messages/<locale>/, every place that labels the list. */
const LABELS: Record<string, { values: readonly string[]; at: string[] }> = {
  ROLES: { values: vocabulary.ROLES, at: ['core:roles'] },
  CARRIER_KINDS: { values: vocabulary.CARRIER_KINDS, at: ['core:kinds', 'core:kindsPlural'] },
  CARRIER_LEVELS: { values: vocabulary.CARRIER_LEVELS, at: ['core:levels'] },
  OWNERSHIPS: { values: vocabulary.OWNERSHIPS, at: ['carriers:carrierProfile.ownerships'] },
  CARRIER_STATUSES: { values: vocabulary.CARRIER_STATUSES, at: ['glossary:glossary.carrierStatus'] },
  INDUSTRIES: { values: vocabulary.INDUSTRIES, at: ['ventures:industries', 'transfer:transfer.sheet.industries'] },
  VENTURE_KINDS: { values: vocabulary.VENTURE_KINDS, at: ['ventures:ventures.ventureKinds', 'transfer:transfer.sheet.kinds'] },
  VENTURE_STAGES: { values: vocabulary.VENTURE_STAGES, at: ['core:stages'] },
  RESIDENCY_STAGES: { values: vocabulary.RESIDENCY_STAGES, at: ['core:stages'] },
  EXIT_REASONS: { values: vocabulary.EXIT_REASONS, at: ['ventures:ventures.exitReasons', 'residency:residency.reasons'] },
  EXIT_KINDS: { values: vocabulary.EXIT_KINDS, at: ['graduation:graduation.exitKinds', 'ventures:ventures.exitKinds'] },
  GRADUATION_CRITERIA: {
    values: vocabulary.GRADUATION_CRITERIA,
    at: ['graduation:graduation.criteria', 'graduation:graduation.criteriaShort', 'ventures:ventures.criteria'],
  },
  GRADUATION_STATUSES: { values: vocabulary.GRADUATION_STATUSES, at: ['glossary:glossary.graduationStatus'] },
  PROGRAM_CATEGORIES: { values: vocabulary.PROGRAM_CATEGORIES, at: ['review:review.categories'] },
  APPLICANT_TYPES: { values: vocabulary.APPLICANT_TYPES, at: ['applications:applications.applicantType', 'review:review.applicantTypes'] },
  FUNDING_MODES: { values: vocabulary.FUNDING_MODES, at: ['applications:applications.fundingMode', 'review:review.modes'] },
  PROGRAM_STATUSES: { values: vocabulary.PROGRAM_STATUSES, at: ['glossary:glossary.programmeStatus'] },
  APPLICATION_STATUSES: { values: vocabulary.APPLICATION_STATUSES, at: ['glossary:glossary.applicationStatus'] },
  RECOMMENDATIONS: { values: vocabulary.RECOMMENDATIONS, at: ['review:review.recommendations'] },
  BLACKLIST_SUBJECTS: { values: vocabulary.BLACKLIST_SUBJECTS, at: ['review:review.blacklist.subjectTypes'] },
  // Domain lists that are not database enums.
  TALENT_FLAGS: { values: TALENT_FLAGS, at: ['ventures:talent'] },
  TECHNICAL_FIELDS: { values: TECHNICAL_FIELDS, at: ['ventures:technicalFields'] },
  EDITABLE_VENTURE_FIELDS: { values: EDITABLE_VENTURE_FIELDS, at: ['audit:audit.fields'] },
  REPORT_FIELDS: { values: REPORT_FIELDS, at: ['reports:reports.fields', 'transfer:transfer.sheet.columns'] },
  BLACKLIST_STATES: { values: BLACKLIST_STATES, at: ['glossary:glossary.blacklistState'] },
  WARNING_TYPES: { values: WARNING_TYPES, at: ['committee-carriers:networkWarnings.types'] },
  CARRIER_SORTS: { values: CARRIER_SORTS, at: ['committee-carriers:committeeCarriers.columns'] },
};

function catalogue(locale: string, file: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'messages', locale, `${file}.json`), 'utf8'));
}

/** The values of `values` without a non-empty label at `at` in the locale's catalogue. */
function missingLabels(locale: string, at: string, values: readonly string[]): string[] {
  const [file, dotted] = at.split(':') as [string, string];
  let node: unknown = catalogue(locale, file);
  for (const key of dotted.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  const labels = (node ?? {}) as Record<string, unknown>;
  return values.filter((v) => typeof labels[v] !== 'string' || (labels[v] as string).trim() === '');
}

const tuples = Object.entries(vocabulary).filter(([, v]) => Array.isArray(v)) as [string, readonly string[]][];

describe('the vocabulary', () => {
  it('knows where the labels of every tuple in lib/domain/vocabulary.ts are', () => {
    expect(tuples.length).toBeGreaterThan(15);
    expect(tuples.map(([name]) => name).filter((name) => !(name in LABELS))).toEqual([]);
  });

  for (const [name, { values, at }] of Object.entries(LABELS)) {
    it(`labels every value of ${name} in every catalogue`, () => {
      const missing = LOCALES.flatMap((locale) => at.flatMap((place) => missingLabels(locale, place, values).map((v) => `${locale} ${place}.${v}`)));
      expect(missing).toEqual([]);
    });
  }

  it('builds every database enum from a vocabulary tuple', () => {
    const source = fs.readFileSync(path.join(ROOT, 'db/schema/enums.ts'), 'utf8');
    const built = new Map([...source.matchAll(/export const (\w+) = pgEnum\('[^']+', v\.(\w+)\);/g)].map((m) => [m[1]!, m[2]!]));
    const pgEnums = Object.entries(enums).filter(([, e]) => typeof e === 'function' && 'enumValues' in e) as [string, { enumValues: readonly string[] }][];
    expect(pgEnums.length).toBe(tuples.length);
    const byName = Object.fromEntries(tuples);
    for (const [name, e] of pgEnums) expect([name, e.enumValues]).toEqual([name, byName[built.get(name) ?? ''] ?? 'not built from the vocabulary']);
  });

  it('leaves no literal list of enum values in db/schema', () => {
    const dir = path.join(ROOT, 'db/schema');
    const literal = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => [...fs.readFileSync(path.join(dir, f), 'utf8').matchAll(/pgEnum\(\s*'[^']+'\s*,\s*\[/g)].map((m) => `${f}: ${m[0]}`));
    expect(literal).toEqual([]);
  });
});
