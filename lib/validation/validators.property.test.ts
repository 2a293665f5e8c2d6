import fc from 'fast-check';
import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { validCreditCode } from '@/tests/helpers/credit-code-spec';
import { hostileValue, isoDateArb, mostly, padded } from '@/tests/helpers/hostile';
import { isIsoDate } from '../domain/dates';
import { validateCreditCode } from '../domain/credit-code';
import { carrierProfileInput } from './carrier';
import { quarterRowsInput } from './report-grid';
import { graduateAdmissionInput, incorporationInput, residencyEndInput, END_REASONS } from './residency';
import * as subsidies from './subsidies';
import { admissionInput, financingInput, INDUSTRIES, TALENT_FLAGS, TECHNICAL_FIELDS, ventureEditInput } from './venture';

/**
 * The schemas the server actions parse with, fed thousands of forms built field by field from
 * mostly plausible and sometimes hostile values, and plain garbage: parsing never throws, and
 * whatever is accepted keeps the promises the queries rely on.
 */
const MAX_INT = 2_147_483_647;
const id = fc.oneof(fc.integer({ min: 1, max: MAX_INT }), fc.integer({ min: 1, max: MAX_INT }).map(String));
const text = padded(
  fc.oneof(
    { weight: 4, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }) },
    fc.string({ unit: fc.constantFrom('a', '张', '𝌆', '\t', '\u0001', '\u0000', '\u200b'), minLength: 1, maxLength: 8 }),
  ),
);
const optional = fc.oneof(fc.constant(''), text);
const amount = fc.oneof(
  fc.bigInt({ min: 1n, max: 10n ** 12n }).map((n) => `${n.toLocaleString('en-US')}`),
  fc.tuple(fc.nat(99_999_999), fc.nat(99)).map(([y, f]) => `${y}.${String(f).padStart(2, '0')}`),
  fc.integer({ min: 1, max: 10 ** 9 }),
);
const count = fc.oneof(fc.nat(5000), fc.nat(5000).map(String));
const date = padded(isoDateArb);
const oneOf = <T extends string>(values: readonly T[]) => fc.constantFrom(...values);

const FIELDS: Record<string, fc.Arbitrary<unknown>> = {
  ...Object.fromEntries(['carrierId', 'ventureId', 'applicationId', 'programId', 'residencyId', 'entryId', 'financingId', 'version'].map((k) => [k, id])),
  ...Object.fromEntries(
    [
      'name',
      'subjectName',
      'investor',
      'purpose',
      'comment',
      'misconduct',
      'outcome',
      'handlingBody',
      'legalBasis',
      'voucherNo',
      'code',
      'nameZh',
      'nameEn',
    ].map((k) => [k, text]),
  ),
  ...Object.fromEntries(['founders', 'highTechCertNo', 'description', 'services', 'contactName'].map((k) => [k, optional])),
  ...Object.fromEntries(
    ['enteredOn', 'foundedOn', 'leftOn', 'receivedOn', 'opensOn', 'closesOn', 'effectiveOn', 'paidOn', 'inspectionDueOn', 'liftedOn'].map((k) => [k, date]),
  ),
  ...Object.fromEntries(['highTechCertOn', 'exitOn', 'sanctionEndsOn'].map((k) => [k, fc.oneof(fc.constant(''), date)])),
  ...Object.fromEntries(['amountFen', 'requestedFen', 'approvedFen', 'budgetFen', 'capFen', 'seedFundFen'].map((k) => [k, amount])),
  ...Object.fromEntries(['recommendedFen', 'finalFen'].map((k) => [k, fc.oneof(fc.constant(''), amount)])),
  ...Object.fromEntries(
    ['areaM2', 'workstations', 'totalAreaM2', 'incubationAreaM2', 'publicServiceAreaM2', 'professionalStaff', 'totalStaff', 'mentors'].map((k) => [k, count]),
  ),
  industry: oneOf(INDUSTRIES),
  focusIndustries: fc.subarray([...INDUSTRIES]),
  talentFlags: fc.oneof(
    fc.subarray([...TALENT_FLAGS]),
    fc.subarray([...TALENT_FLAGS]).map((a) => a.join(', ')),
  ),
  creditCode: fc.oneof(
    validCreditCode,
    validCreditCode.map((c) => ` ${c.toLowerCase()} `),
  ),
  exitKind: fc.constantFrom('', 'acquired', 'listed'),
  technicalField: fc.oneof(fc.constant(''), oneOf(TECHNICAL_FIELDS)),
  year: fc.integer({ min: 2000, max: 2100 }),
  quarter: fc.integer({ min: 1, max: 4 }),
  specialised: fc.constantFrom('on', true, undefined),
  contactPhone: fc.constantFrom('', '021-5080 1234', '+86 13800000000'),
  contactEmail: fc.constantFrom('', 'a@example.org'),
  score: fc.integer({ min: 0, max: 100 }),
  recommendation: oneOf(subsidies.RECOMMENDATIONS),
  passed: fc.constantFrom(true, false, 'true', 'false'),
  category: oneOf(subsidies.PROGRAM_CATEGORIES),
  applicantType: fc.constantFrom('carrier', 'venture'),
  fundingMode: fc.constantFrom('pre_funded', 'post_subsidy'),
  requiredDocuments: fc.subarray([...subsidies.DOCUMENT_TYPES]),
};

/** A form with the given fields, each mostly plausible and sometimes anything; now and then a field is missing or extra. */
function form(fields: string[], fixed: Record<string, fc.Arbitrary<unknown>> = {}): fc.Arbitrary<Record<string, unknown>> {
  const model = Object.fromEntries(fields.map((f) => [f, mostly(fixed[f] ?? FIELDS[f] ?? hostileValue)]));
  return fc
    .tuple(fc.record(model, { requiredKeys: [] }), fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'extra'), hostileValue, { maxKeys: 2 }))
    .map(([f, extra]) => ({ ...extra, ...f }));
}

const COUNTS = new Set([
  'areaM2',
  'workstations',
  'totalAreaM2',
  'incubationAreaM2',
  'publicServiceAreaM2',
  'professionalStaff',
  'totalStaff',
  'mentors',
  'employees',
  'ipFiled',
  'ipGranted',
  'inventionPatents',
  'score',
  'year',
  'quarter',
]);

/** The promises every accepted input keeps, by the field's name; `limits` are the schema's own text maximums. */
function checkOutput(value: unknown, limits: Record<string, number>, key = ''): void {
  if (Array.isArray(value)) return value.forEach((v) => checkOutput(v, limits, key));
  if (value !== null && typeof value === 'object') {
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    for (const [k, v] of Object.entries(value)) checkOutput(v, limits, k);
    return;
  }
  if (value === undefined || typeof value === 'boolean') return;
  if (key === 'creditCode') expect(validateCreditCode(value as string)).toEqual({ ok: true, value });
  else if (key.endsWith('On')) expect(isIsoDate(value)).toBe(true);
  else if (key.endsWith('Fen')) {
    expect(Number.isSafeInteger(value)).toBe(true);
    if (key !== 'netProfitFen') expect(value).toBeGreaterThanOrEqual(0);
  } else if (key.endsWith('Id') || key === 'version') {
    expect(Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_INT).toBe(true);
  } else if (COUNTS.has(key)) {
    expect(Number.isInteger(value) && (value as number) >= 0).toBe(true);
  } else if (typeof value === 'number') {
    expect(Number.isFinite(value)).toBe(true);
  } else if (typeof value === 'string') {
    expect(value).toBe(value.trim());
    expect(value.length).toBeGreaterThan(0);
    expect(value.length).toBeLessThanOrEqual(limits[key] ?? 4000);
    // PostgreSQL cannot store NUL in text or jsonb: accepting it would fail at the database.
    expect(value).not.toContain('\u0000');
  } else {
    throw new Error(`unexpected ${typeof value} in ${key}`);
  }
}

type Case = { name: string; schema: z.ZodType; input: fc.Arbitrary<unknown>; limits?: Record<string, number> };

const ventureFields = ['carrierId', 'name', 'industry', 'technicalField', 'founders', 'talentFlags', 'enteredOn', 'areaM2', 'workstations'];
const reportRow = fc.record({
  ventureId: id,
  revenueFen: amount,
  netProfitFen: fc.oneof(
    amount,
    amount.map((a) => `-${String(a)}`),
  ),
  rdSpendFen: amount,
  taxFen: amount,
  financingFen: amount,
  employees: count,
  ipFiled: count,
  ipGranted: count,
  inventionPatents: count,
});

const CASES: Case[] = [
  {
    name: 'admission (team)',
    schema: admissionInput,
    input: form(['kind', ...ventureFields], { kind: fc.constant('team') }),
    limits: { name: 100, founders: 500 },
  },
  {
    name: 'admission (company)',
    schema: admissionInput,
    input: form(['kind', 'creditCode', 'foundedOn', ...ventureFields], { kind: fc.constant('company') }),
    limits: { name: 100, founders: 500 },
  },
  {
    name: 'venture edit',
    schema: ventureEditInput,
    input: form(['ventureId', 'version', 'industry', 'technicalField', 'founders', 'talentFlags', 'highTechCertNo', 'highTechCertOn', 'exitKind', 'exitOn']),
    limits: { founders: 500, highTechCertNo: 50 },
  },
  { name: 'financing', schema: financingInput, input: form(['ventureId', 'receivedOn', 'amountFen', 'investor']), limits: { investor: 200 } },
  {
    name: 'residency end',
    schema: residencyEndInput,
    input: form(['ventureId', 'residencyId', 'version', 'leftOn', 'reason'], { reason: oneOf(END_REASONS) }),
  },
  {
    name: 'incorporation',
    schema: incorporationInput,
    input: form(['ventureId', 'version', 'name', 'creditCode', 'foundedOn', 'enteredOn', 'carrierId', 'areaM2', 'workstations']),
    limits: { name: 100 },
  },
  { name: 'graduate admission', schema: graduateAdmissionInput, input: form(['carrierId', 'creditCode', 'enteredOn', 'areaM2', 'workstations']) },
  {
    name: 'carrier profile',
    schema: carrierProfileInput,
    input: form(
      [
        'carrierId',
        'version',
        'totalAreaM2',
        'incubationAreaM2',
        'publicServiceAreaM2',
        'workstations',
        'services',
        'seedFundFen',
        'professionalStaff',
        'totalStaff',
        'mentors',
        'focusIndustries',
        'specialised',
        'contactName',
        'contactPhone',
        'contactEmail',
      ],
      { totalAreaM2: fc.integer({ min: 10_000, max: 20_000 }), totalStaff: fc.integer({ min: 5_000, max: 10_000 }) },
    ),
    limits: { services: 2000, contactName: 50, contactPhone: 30, contactEmail: 200 },
  },
  {
    name: 'quarter rows',
    schema: quarterRowsInput,
    input: form(['carrierId', 'year', 'quarter', 'rows'], { rows: fc.array(mostly(reportRow), { minLength: 1, maxLength: 4 }) }),
  },
  {
    name: 'programme',
    schema: subsidies.programmeInput,
    input: form(
      [
        'code',
        'nameZh',
        'nameEn',
        'year',
        'category',
        'applicantType',
        'fundingMode',
        'budgetFen',
        'capFen',
        'opensOn',
        'closesOn',
        'requiredDocuments',
        'description',
      ],
      {
        budgetFen: fc.bigInt({ min: 10n ** 9n, max: 10n ** 12n }).map(String),
        capFen: fc.integer({ min: 1, max: 10 ** 9 }),
        opensOn: fc.constant('2025-01-01'),
        closesOn: fc.constantFrom('2025-01-01', '2025-12-31', '2100-02-28'),
      },
    ),
    limits: { code: 40, nameZh: 200, nameEn: 200 },
  },
  { name: 'draft', schema: subsidies.draftInput, input: form(['programId', 'carrierId', 'ventureId', 'purpose', 'requestedFen']) },
  { name: 'draft update', schema: subsidies.draftUpdateInput, input: form(['applicationId', 'version', 'purpose', 'requestedFen']) },
  { name: 'return', schema: subsidies.returnInput, input: form(['applicationId', 'version', 'comment']), limits: { comment: 2000 } },
  { name: 'review', schema: subsidies.reviewInput, input: form(['applicationId', 'version', 'score', 'recommendation', 'recommendedFen', 'comment']) },
  {
    name: 'decision',
    schema: subsidies.decisionInput,
    input: form(['applicationId', 'version', 'decision', 'approvedFen', 'inspectionDueOn', 'comment', 'reason'], {
      decision: fc.constantFrom('approve', 'reject'),
      reason: text,
    }),
    limits: { comment: 2000, reason: 2000 },
  },
  { name: 'payment', schema: subsidies.paymentInput, input: form(['applicationId', 'version', 'amountFen', 'paidOn', 'voucherNo']), limits: { voucherNo: 60 } },
  { name: 'inspection', schema: subsidies.inspectionInput, input: form(['applicationId', 'version', 'passed', 'finalFen', 'comment']) },
  {
    name: 'blacklist',
    schema: subsidies.blacklistInput,
    input: form(
      ['subjectType', 'creditCode', 'subjectName', 'carrierId', 'misconduct', 'outcome', 'handlingBody', 'legalBasis', 'effectiveOn', 'sanctionEndsOn'],
      { subjectType: fc.constantFrom('venture', 'carrier') },
    ),
    limits: { subjectName: 200, outcome: 2000, handlingBody: 200, legalBasis: 2000 },
  },
  { name: 'lift', schema: subsidies.liftInput, input: form(['entryId', 'liftedOn', 'reason'], { reason: text }), limits: { reason: 2000 } },
];

describe('action schemas under random and hostile input', () => {
  for (const c of CASES) {
    it(`${c.name}: never throws; accepts only inputs that keep the invariants`, () => {
      let accepted = 0;
      fc.assert(
        fc.property(c.input, (input) => {
          const r = c.schema.safeParse(input);
          if (r.success) {
            accepted++;
            checkOutput(r.data, c.limits ?? {});
          } else {
            expect(r.error.issues.length).toBeGreaterThan(0);
          }
        }),
        { numRuns: 1000 },
      );
      // The forms are plausible often enough that the invariants were really exercised (the
      // least plausible schema accepts about 2% of its forms, so 5 of 1,000 is a safe floor).
      expect(accepted).toBeGreaterThanOrEqual(5);
    });

    it(`${c.name}: anything at all is refused or accepted, never thrown`, () => {
      fc.assert(
        fc.property(hostileValue, (input) => {
          const r = c.schema.safeParse(input);
          if (r.success) checkOutput(r.data, c.limits ?? {});
        }),
        { numRuns: 500 },
      );
    });
  }
});
