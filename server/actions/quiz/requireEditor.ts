import { rolesOf } from '../../db/users';
import { ActionError } from '../../runtime/actionError';
import type { ActionContext } from '../../runtime/context';

/** Who keeps the question bank and answers 纠错: the one place to change if the rule changes. */
export const BANK_ROLES = ['editor', 'admin'] as const;

/** The role is read on the server from the roles collection, never taken from the client. */
export async function requireEditor(ctx: ActionContext): Promise<void> {
  const roles = await rolesOf(ctx.db, ctx.openid);
  if (!roles.some((r) => (BANK_ROLES as readonly string[]).includes(r.role))) throw new ActionError('FORBIDDEN', '仅题库编辑可以进行此操作');
}
