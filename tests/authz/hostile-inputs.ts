import fc from 'fast-check';

/**
 * Inputs nobody's form sends: objects and FormData with the field names the actions use,
 * prototype keys, and values of every type, including strings aimed at parsers and queries.
 */
const FIELD_NAMES = [
  'applicationId',
  'version',
  'carrierId',
  'ventureId',
  'programId',
  'entryId',
  'graduationId',
  'targetId',
  'attachmentId',
  'financingId',
  'residencyId',
  'decision',
  'subjectType',
  'kind',
  'rows',
  'file',
  'files',
  'criteria',
  'locale',
  'amountFen',
  'requestedFen',
  'creditCode',
  '__proto__',
  'constructor',
  'toString',
  '$ACTION_ID_1',
];

const HOSTILE_STRINGS = [
  '',
  ' ',
  "' OR 1=1 --",
  '1; DROP TABLE audit_log',
  '<script>alert(1)</script>',
  '\u0000',
  '\ud800',
  '9'.repeat(400),
  '-1',
  '0',
  '1',
  '2147483648',
  '1e309',
  'NaN',
  'Infinity',
  '０１２',
  '2026-02-30',
  '9999-12-31',
  'approve',
  'reject',
  'venture',
  'carrier',
  'company',
  'team',
  'en',
  'true',
  '{"a":1}',
  '../../etc/passwd',
];

const scalar = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.bigInt(),
);
const value = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...FIELD_NAMES), scalar, { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.constant(new File([new Uint8Array([0x4d, 0x5a, 0x90, 0])], 'x.exe')) },
);
const key = fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.string({ maxLength: 12 }));

const plainObject = fc.dictionary(key, value, { maxKeys: 8 }).map((o) => o as Record<string, unknown>);

const formDataInput = fc
  .array(fc.tuple(key, fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string({ maxLength: 20 }), fc.constant(new File([], '')))), { maxLength: 10 })
  .map((pairs) => {
    const fd = new FormData();
    for (const [k, v] of pairs) fd.append(k, v);
    return fd;
  });

export const hostileInput = fc.oneof(plainObject, formDataInput);

/** A valid input with one field (of its own, or a new one) replaced by a hostile value: refusals deep in the queries. */
export function spoiled(base: FormData | Record<string, unknown>) {
  const keys = base instanceof FormData ? [...new Set(base.keys())] : Object.keys(base);
  return fc.tuple(keys.length ? fc.oneof(fc.constantFrom(...keys), key) : key, fc.constantFrom(...HOSTILE_STRINGS), value).map(([k, text, v]) => {
    if (!(base instanceof FormData)) return { ...base, [k]: v } as Record<string, unknown>;
    const fd = new FormData();
    for (const [name, entry] of base.entries()) if (name !== k) fd.append(name, entry);
    fd.append(k, text);
    return fd;
  });
}
