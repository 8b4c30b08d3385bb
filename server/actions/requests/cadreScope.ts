import { rolesOf } from '../../db/users';
import type { OrgDoc } from '../../db/orgs';
import { orgScope } from '../../domain/requests/orgScope';
import { ActionError } from '../../runtime/actionError';
import type { ActionContext } from '../../runtime/context';
import { loadOrgs } from './orgNames';

/** The organisations the caller answers for as a cadre (an admin without an organisation: all). */
export async function cadreScope(ctx: ActionContext): Promise<{ scope: Set<string>; orgs: OrgDoc[]; names: Map<string, string> }> {
  const [roles, { orgs, names }] = await Promise.all([rolesOf(ctx.db, ctx.openid), loadOrgs(ctx.db)]);
  const held = roles.filter((r) => r.role === 'cadre' || r.role === 'admin');
  const roots = held.flatMap((r) => (r.orgId === null ? (r.role === 'admin' ? orgs.filter((o) => o.parentId === null).map((o) => o._id) : []) : [r.orgId]));
  const scope = orgScope(orgs, roots);
  if (scope.size === 0) throw new ActionError('FORBIDDEN', '仅限工会工作人员使用');
  return { scope, orgs, names };
}
