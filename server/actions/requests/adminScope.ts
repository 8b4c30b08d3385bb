import { rolesOf, type RoleDoc } from '../../db/users';
import type { OrgDoc } from '../../db/orgs';
import { orgScope } from '../../domain/requests/orgScope';
import { ActionError } from '../../runtime/actionError';
import type { ActionContext } from '../../runtime/context';
import { loadOrgs } from './orgNames';

/** The organisations the caller administers (an admin role without an organisation: the whole tree). */
export async function adminScope(ctx: ActionContext): Promise<{ scope: Set<string>; orgs: OrgDoc[]; names: Map<string, string> }> {
  const [roles, { orgs, names }] = await Promise.all([rolesOf(ctx.db, ctx.openid), loadOrgs(ctx.db)]);
  const scope = adminScopeOf(roles, orgs);
  if (scope.size === 0) throw new ActionError('FORBIDDEN', '仅限管理员使用');
  return { scope, orgs, names };
}

/** The same scope from roles and the tree already read (empty for someone with no admin role). */
export function adminScopeOf(roles: ReadonlyArray<Pick<RoleDoc, 'role' | 'orgId'>>, orgs: readonly OrgDoc[]): Set<string> {
  const roots = roles.filter((r) => r.role === 'admin').flatMap((r) => (r.orgId === null ? orgs.filter((o) => o.parentId === null).map((o) => o._id) : [r.orgId]));
  return orgScope(orgs, roots);
}
