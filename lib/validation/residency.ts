import { z } from 'zod';
import { EXIT_REASONS } from '../domain/vocabulary';
import { creditCode, id, isoDate, nonNegativeInt, requiredName, version } from './fields';

/**
 * Inputs of the residency changes after admission: ending a stay, a nursery team that
 * incorporated, and an accelerator admitting a graduate. Admission itself is `admissionInput`
 * in ./venture.ts (shared with the spreadsheet import).
 */
export { END_REASONS } from '../domain/residency';

const space = {
  areaM2: nonNegativeInt(100_000),
  workstations: nonNegativeInt(10_000),
};

export const residencyEndInput = z.object({
  ventureId: id,
  residencyId: id,
  version,
  leftOn: isoDate,
  reason: z.enum(EXIT_REASONS, { message: 'choice' }).exclude(['incorporated'], { message: 'choice' }),
});
export type ResidencyEndInput = z.output<typeof residencyEndInput>;

export const incorporationInput = z.object({
  ventureId: id,
  version,
  name: requiredName(100),
  creditCode,
  foundedOn: isoDate,
  enteredOn: isoDate,
  carrierId: id,
  ...space,
});
export type IncorporationInput = z.output<typeof incorporationInput>;

export const graduateAdmissionInput = z.object({
  carrierId: id,
  creditCode,
  enteredOn: isoDate,
  ...space,
});
export type GraduateAdmissionInput = z.output<typeof graduateAdmissionInput>;
