import { z } from 'zod';
import { INDUSTRIES, type Industry } from '@/lib/domain/vocabulary';
import { amountFen, id, nonNegativeInt, optionalName, optionalText, version } from './fields';

/**
 * A carrier's own profile, as its operator keeps it. The committee's accreditation (kind,
 * level, status, name, operator organisation, zone) is not part of it. The area and staff
 * rules mirror the database's checks, so a bad value gets a message next to its field.
 */

const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true' || v === '1', z.boolean());

const focusIndustries = z
  .union([z.array(z.string()), z.string()])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
  .transform((v, ctx) => {
    const known: readonly string[] = INDUSTRIES;
    if (v.some((x) => !known.includes(x))) {
      ctx.addIssue({ code: 'custom', message: 'choice' });
      return z.NEVER;
    }
    return [...new Set(v)] as Industry[];
  });

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const phone = z.preprocess(
  blankToUndefined,
  z
    .string()
    .trim()
    .regex(/^[0-9+()\-\s]{5,30}$/, 'invalid')
    .optional(),
);

const email = z.preprocess(blankToUndefined, z.string().trim().max(200).email('email').optional());

export const carrierProfileInput = z
  .object({
    carrierId: id,
    version,
    totalAreaM2: nonNegativeInt(10_000_000),
    incubationAreaM2: nonNegativeInt(10_000_000),
    publicServiceAreaM2: nonNegativeInt(10_000_000),
    workstations: nonNegativeInt(1_000_000),
    services: optionalText(2000),
    seedFundFen: amountFen,
    professionalStaff: nonNegativeInt(100_000),
    totalStaff: nonNegativeInt(100_000),
    mentors: nonNegativeInt(100_000),
    focusIndustries,
    specialised: checkbox,
    publicProfile: checkbox,
    contactName: optionalName(50),
    contactPhone: phone,
    contactEmail: email,
  })
  .superRefine((v, ctx) => {
    if (v.incubationAreaM2 + v.publicServiceAreaM2 > v.totalAreaM2) {
      ctx.addIssue({
        code: 'custom',
        path: ['incubationAreaM2'],
        message: 'tooBig',
        params: { maximum: Math.max(0, v.totalAreaM2 - v.publicServiceAreaM2) },
      });
    }
    if (v.totalStaff < v.professionalStaff) {
      ctx.addIssue({ code: 'custom', path: ['totalStaff'], message: 'tooSmall', params: { minimum: v.professionalStaff } });
    }
  });
export type CarrierProfileInput = z.output<typeof carrierProfileInput>;
