import { rolesOf } from '../../db/users';
import { ActionError } from '../../runtime/actionError';
import type { ActionContext } from '../../runtime/context';

/** The role is read on the server from the roles collection, never taken from the client. */
export async function requireCadre(ctx: ActionContext): Promise<{ isAdmin: boolean; orgIds: Set<string> }> {
  const roles = await rolesOf(ctx.db, ctx.openid);
  const isAdmin = roles.some((r) => r.role === 'admin');
  const orgIds = new Set(roles.filter((r) => r.role === 'cadre' && r.orgId).map((r) => r.orgId as string));
  if (!isAdmin && orgIds.size === 0) throw new ActionError('FORBIDDEN', '仅工会干部可以进行此操作');
  return { isAdmin, orgIds };
}
