import { z } from 'zod';
import { ROLES } from '../roles';
import { requiredName } from './fields';

const asList = (v: unknown) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]);
const carrierId = z.coerce.number().int().positive().max(2_147_483_647);

/**
 * An account as the administrator enters it. An operator works for at least one carrier;
 * committee members and administrators are bound to none.
 */
export const accountInput = z
  .object({
    name: requiredName(100),
    email: z.string().trim().toLowerCase().min(1, 'required').max(254).pipe(z.email()),
    role: z.enum(ROLES),
    carrierIds: z.preprocess(asList, z.array(carrierId).max(200)).transform((ids) => [...new Set(ids)].sort((a, b) => a - b)),
  })
  .superRefine((v, ctx) => {
    if (v.role === 'operator' && v.carrierIds.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['carrierIds'], message: 'accounts.errors.carriersRequired' });
    }
    if (v.role !== 'operator' && v.carrierIds.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['carrierIds'], message: 'accounts.errors.carriersOperatorOnly' });
    }
  });
export type AccountInput = z.output<typeof accountInput>;

export const ACCOUNT_STATUSES = ['active', 'inactive'] as const;
