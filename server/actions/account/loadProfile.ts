import type { Profile } from '../../contracts/account';
import { findOrg } from '../../db/orgs';
import { findUser, rolesOf } from '../../db/users';
import { findJoinRequest } from '../../db/joinRequests';
import { ActionError } from '../../runtime/actionError';
import type { ActionContext } from '../../runtime/context';
import { profileView } from '../../domain/account/profileView';

export async function loadProfile(ctx: ActionContext): Promise<Profile> {
  const user = await findUser(ctx.db, ctx.openid);
  if (!user) throw new ActionError('INTERNAL', '用户不存在');
  const [org, roles, request] = await Promise.all([user.orgId ? findOrg(ctx.db, user.orgId) : null, rolesOf(ctx.db, ctx.openid), findJoinRequest(ctx.db, ctx.openid)]);
  return profileView(user, org, roles, request);
}
