import type { countJoinRequests as countContract, listJoinRequests as contract } from '../../contracts/account';
import { pendingJoinCount, pendingJoinRequests } from '../../db/joinRequests';
import { boardAvatars } from '../../db/quiz/boardAvatars';
import { decodeCursor, encodeCursor } from '../../db/sortKeyCursor';
import { rolesOf } from '../../db/users';
import { decidableOrgs, joinRequestView } from '../../domain/account/membership';
import { ActionError } from '../../runtime/actionError';
import type { ActionContext } from '../../runtime/context';
import type { Handler } from '../../runtime/router';

/** The organisations whose requests the caller decides, from their roles in the db (every one of them: no cap). */
async function reachOf(ctx: ActionContext): Promise<string[] | 'all'> {
  const orgs = decidableOrgs(await rolesOf(ctx.db, ctx.openid));
  if (orgs !== 'all' && orgs.length === 0) throw new ActionError('FORBIDDEN', '仅工会干部可以审核入会申请');
  return orgs;
}

/** One query for the page (one more than asked tells whether there is a next), one for its avatars. */
export const listJoinRequests: Handler<typeof contract> = async (input, ctx) => {
  const orgs = await reachOf(ctx);
  const limit = input.limit ?? 20;
  const docs = await pendingJoinRequests(ctx.db, orgs, decodeCursor(input.cursor), limit + 1);
  const page = docs.slice(0, limit);
  const avatars = await boardAvatars(ctx.db, page.map((d) => d.openid));
  const last = page[page.length - 1];
  return {
    items: page.map((d) => ({ ...joinRequestView(d), avatarUrl: avatars.get(d.openid) ?? null })),
    nextCursor: docs.length > limit && last ? encodeCursor(last.requestedAt, last._id) : null,
  };
};

export const countJoinRequests: Handler<typeof countContract> = async (_input, ctx) => ({ pending: await pendingJoinCount(ctx.db, await reachOf(ctx)) });
