'use server';

import { z } from 'zod';
import { enrolSecondFactor, regenerateRecoveryCodes } from '@/db/queries/accounts';
import { defineAction } from '@/lib/server/action';
import { invalid } from '@/lib/errors';
import { ROLES } from '@/lib/roles';
import { verifyPendingEnrolment } from '@/lib/second-factor-enrolment';

const code = z.string().trim().min(1).max(20);

/**
 * Confirms the enrolment shown on the page: the secret comes back signed by the page (never
 * trusted unsigned) and must be confirmed with its current code. Open to a user whose role
 * requires a second factor they do not have yet.
 */
export const enrolSecondFactorAction = defineAction({
  roles: [...ROLES],
  beforeSecondFactor: true,
  schema: z.object({ secret: z.string().max(64), expires: z.string().max(20), signature: z.string().max(100), code }),
  run: async (input, { db, actor, user }) => {
    const secret = verifyPendingEnrolment(user.id, input, new Date());
    if (!secret) throw invalid({ code: [{ key: 'twoFactor.errors.expired' }] });
    return enrolSecondFactor(db, actor, { userId: user.id, email: user.email, secret, code: input.code });
  },
});

/** Ten new recovery codes for an enrolled user, confirmed with a current code. */
export const regenerateRecoveryCodesAction = defineAction({
  roles: [...ROLES],
  beforeSecondFactor: true,
  schema: z.object({ code }),
  run: async (input, { db, actor, user }) => regenerateRecoveryCodes(db, actor, { userId: user.id, email: user.email, code: input.code }),
});
