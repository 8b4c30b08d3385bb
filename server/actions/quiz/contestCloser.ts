import type { OrgDoc } from '../../db/orgs';
import { rolesOf } from '../../db/users';
import type { ContestCloser } from '../../domain/quiz/contestRules';
import type { ActionContext } from '../../runtime/context';
import { adminScopeOf } from '../requests/adminScope';
import { loadOrgs } from '../requests/orgNames';

/**
 * The caller as mayCloseContest judges them, from the roles collection; the organisation tree is
 * read only for an admin (a cadre's own contests need no scope). `wholeTree`: their scope is every
 * organisation (a province-level admin), so a list of what they may close needs no organisation filter.
 */
export async function contestCloser(ctx: ActionContext): Promise<ContestCloser & { isAdmin: boolean; wholeTree: boolean }> {
  const roles = await rolesOf(ctx.db, ctx.openid);
  const isAdmin = roles.some((r) => r.role === 'admin');
  const staff = roles.some((r) => r.role === 'cadre' || r.role === 'admin');
  const orgs: OrgDoc[] = isAdmin ? (await loadOrgs(ctx.db)).orgs : [];
  const adminScope = adminScopeOf(roles, orgs);
  return { openid: ctx.openid, staff, isAdmin, adminScope, wholeTree: orgs.length > 0 && adminScope.size === orgs.length };
}
