import { z } from 'zod';
import { TALENT_FLAGS, TECHNICAL_FIELDS, type EditableVentureField } from '@/lib/domain/venture-fields';
import { EXIT_KINDS, INDUSTRIES } from '@/lib/domain/vocabulary';
import { amountFen, creditCode, id, isoDate, nonNegativeInt, optionalIsoDate, optionalName, requiredName, version } from './fields';

/**
 * Venture inputs, shared by the forms and the spreadsheet import so that both apply exactly
 * the same rules. Money is in fen after parsing; dates are ISO strings.
 */
export { INDUSTRIES, TALENT_FLAGS, TECHNICAL_FIELDS };

const industry = z.enum(INDUSTRIES, { message: 'choice' });
/** One of the Torch statistics' technical fields, or none (an empty choice). */
const technicalField = z.preprocess((v) => (v === '' || v === null ? undefined : v), z.enum(TECHNICAL_FIELDS, { message: 'choice' }).optional());
const talentFlags = z
  .union([z.array(z.string()), z.string()])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : v.split(/[,，;；\s]+/).filter(Boolean)))
  .pipe(z.array(z.enum(TALENT_FLAGS, { message: 'choice' })));

const space = {
  areaM2: nonNegativeInt(100_000),
  workstations: nonNegativeInt(10_000),
};

/** Admitting a venture into one of the operator's carriers: a team into a nursery, a company elsewhere. */
export const admissionInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('team'),
    carrierId: id,
    name: requiredName(100),
    industry,
    technicalField,
    founders: optionalName(500),
    talentFlags,
    enteredOn: isoDate,
    ...space,
  }),
  z.object({
    kind: z.literal('company'),
    carrierId: id,
    name: requiredName(100),
    creditCode,
    industry,
    technicalField,
    foundedOn: isoDate,
    founders: optionalName(500),
    talentFlags,
    enteredOn: isoDate,
    ...space,
  }),
]);
export type AdmissionInput = z.output<typeof admissionInput>;

/** Editing a venture's own data; `version` is the one the form was loaded with. */
export const ventureEditInput = z.object({
  ventureId: id,
  version,
  ...({
    industry,
    technicalField,
    founders: optionalName(500),
    talentFlags,
    highTechCertNo: optionalName(50),
    highTechCertOn: optionalIsoDate,
    exitKind: z.preprocess((v) => (v === '' ? undefined : v), z.enum(EXIT_KINDS, { message: 'choice' }).optional()),
    exitOn: optionalIsoDate,
  } satisfies Record<EditableVentureField, z.ZodType>),
});
export type VentureEditInput = z.output<typeof ventureEditInput>;

export const financingInput = z.object({
  ventureId: id,
  receivedOn: isoDate,
  // A round of financing brings money: zero is refused here, as the table's check would.
  amountFen: amountFen.refine((fen) => fen > 0, { message: 'tooSmall', params: { minimum: '0.01' } }),
  investor: requiredName(200),
});
export type FinancingInput = z.output<typeof financingInput>;
