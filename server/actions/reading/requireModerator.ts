import { rolesOf } from '../../db/users';
import { canModerate } from '../../domain/reading/reflectionView';
import { ActionError } from '../../runtime/actionError';
import type { ActionContext } from '../../runtime/context';

/** Cadre actions check the role on the server from the roles collection, never from the client. */
export async function requireModerator(ctx: ActionContext): Promise<void> {
  if (!canModerate(await rolesOf(ctx.db, ctx.openid))) throw new ActionError('FORBIDDEN', '仅工会干部可以进行此操作');
}
