'use server';

import { changeOwnPassword } from '@/db/queries/accounts';
import { defineAction } from '@/lib/server/action';
import { ROLES, homeFor } from '@/lib/roles';
import { changePasswordInput } from '@/lib/validation/password';

/** Everyone may change their own password, including a user who must replace a one-time password. */
export const changePasswordAction = defineAction({
  roles: [...ROLES],
  beforePasswordChange: true,
  schema: changePasswordInput,
  run: async (input, { db, actor, user }) => {
    await changeOwnPassword(db, actor, input, user.sessionId);
    return { home: homeFor(user.role) };
  },
});
