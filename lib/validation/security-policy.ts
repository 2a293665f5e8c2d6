import { z } from 'zod';

/** An optional whole number in a range: an empty field means "the default" (null). */
const optionalLimit = (min: number, max: number) =>
  z.preprocess((v) => (v === '' || v === undefined || v === null ? null : v), z.coerce.number().int().min(min).max(max).nullable());

/** The password and session policy as the security administrator enters it. */
export const securityPolicyInput = z.object({
  // A checkbox: present ('on' / 'true') when ticked, absent otherwise.
  passwordComplexity: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()),
  passwordMaxAgeDays: optionalLimit(1, 3650),
  sessionIdleMinutes: optionalLimit(1, 1440),
  sessionMaxHours: optionalLimit(1, 24),
  version: z.coerce.number().int().min(0).max(2_147_483_647),
});
export type SecurityPolicyFormInput = z.output<typeof securityPolicyInput>;
