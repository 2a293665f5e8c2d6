'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { approveGrant, rejectGrant, saveSecurityPolicy, releaseThrottledKey } from '@/db/queries/accounts';
import { defineAction } from '@/lib/server/action';
import { securityPolicyInput } from '@/lib/validation/security-policy';
import { id, requiredText } from '@/lib/validation/fields';

const grantRef = z.object({ grantId: id });

function revalidate() {
  revalidatePath('/security');
  revalidatePath('/admin');
}

/** The security administrator approves a pending grant of rights or reactivation. */
export const approveGrantAction = defineAction({
  roles: ['security'],
  schema: grantRef,
  run: async (input, { db, actor }) => {
    await approveGrant(db, actor, input);
    revalidate();
  },
});

/** The security administrator rejects a pending grant, with the reason. */
export const rejectGrantAction = defineAction({
  roles: ['security'],
  schema: grantRef.extend({ reason: requiredText(500) }),
  run: async (input, { db, actor }) => {
    await rejectGrant(db, actor, input);
    revalidate();
  },
});

/** The security administrator releases a locked or slowed sign-in key. */
export const releaseThrottleAction = defineAction({
  roles: ['security'],
  schema: z.object({ key: z.string().min(1).max(400) }),
  run: async (input, { db, actor }) => {
    await releaseThrottledKey(db, actor, input.key);
    revalidatePath('/security');
  },
});

/** The security administrator sets the password and session policy. */
export const saveSecurityPolicyAction = defineAction({
  roles: ['security'],
  schema: securityPolicyInput,
  run: async (input, { db, actor }) => {
    const r = await saveSecurityPolicy(db, actor, input);
    revalidatePath('/security/policy');
    return r;
  },
});
