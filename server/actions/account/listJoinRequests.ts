import type { listJoinRequests as contract } from '../../contracts/account';
import { pendingJoinRequests } from '../../db/joinRequests';
import { rolesOf } from '../../db/users';
import { decidableOrgs, joinRequestView } from '../../domain/account/membership';
import { ActionError } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';

export const listJoinRequests: Handler<typeof contract> = async (input, ctx) => {
  const orgs = decidableOrgs(await rolesOf(ctx.db, ctx.openid));
  if (orgs !== 'all' && orgs.length === 0) throw new ActionError('FORBIDDEN', '仅工会干部可以审核入会申请');
  const offset = Number(input.cursor ?? 0);
  const limit = input.limit ?? 20;
  // One more than the page tells whether there is a next page.
  const docs = await pendingJoinRequests(ctx.db, orgs, offset, limit + 1);
  return { items: docs.slice(0, limit).map(joinRequestView), nextCursor: docs.length > limit ? String(offset + limit) : null };
};
