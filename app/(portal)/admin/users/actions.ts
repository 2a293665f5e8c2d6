'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { createAccount, resetPassword, setAccountActive, updateAccount, endAllSessionsOf, resetSecondFactor } from '@/db/queries/accounts';
import { defineAction } from '@/lib/server/action';
import { accountInput } from '@/lib/validation/account';
import { id } from '@/lib/validation/fields';

function revalidate(userId?: number) {
  revalidatePath('/admin');
  if (userId) revalidatePath(`/admin/users/${userId}`);
}

const userRef = z.object({ userId: id });

export const createAccountAction = defineAction({
  roles: ['admin'],
  schema: accountInput,
  run: async (input, { db, actor }) => {
    const r = await createAccount(db, actor, input);
    revalidate();
    return r;
  },
});

export const updateAccountAction = defineAction({
  roles: ['admin'],
  schema: accountInput.and(userRef.extend({ version: z.string().min(1).max(40) })),
  run: async (input, { db, actor }) => {
    const r = await updateAccount(db, actor, input);
    revalidate(input.userId);
    return r;
  },
});

export const setAccountActiveAction = defineAction({
  roles: ['admin'],
  schema: userRef.extend({ active: z.enum(['true', 'false']).transform((v) => v === 'true') }),
  run: async (input, { db, actor }) => {
    const r = await setAccountActive(db, actor, input);
    revalidate(input.userId);
    return r;
  },
});

export const resetPasswordAction = defineAction({
  roles: ['admin'],
  schema: userRef,
  run: async (input, { db, actor }) => {
    const r = await resetPassword(db, actor, input);
    revalidate(input.userId);
    return r;
  },
});

/** Ends every session of an account (each ending audited); the user may sign in again. */
export const endUserSessionsAction = defineAction({
  roles: ['admin'],
  schema: userRef,
  run: async (input, { db, actor }) => {
    const r = await endAllSessionsOf(db, actor, input.userId);
    revalidate(input.userId);
    return r;
  },
});

/** Clears an account's second factor: the user enrols again at the next sign-in (audited). */
export const resetSecondFactorAction = defineAction({
  roles: ['admin'],
  schema: userRef,
  run: async (input, { db, actor }) => {
    const r = await resetSecondFactor(db, actor, input);
    revalidate(input.userId);
    return r;
  },
});
