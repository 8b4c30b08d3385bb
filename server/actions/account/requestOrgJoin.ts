import { requestOrgJoin as contract } from '../../contracts/account';
import { putJoinRequest, type JoinRequestDoc } from '../../db/joinRequests';
import { orgAncestry } from '../../db/orgs';
import { ensureUser } from '../../db/users';
import { joinRequestView } from '../../domain/account/membership';
import { failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';

/** Asks to join; nothing changes in the worker's organisation until a cadre approves. */
export const requestOrgJoin: Handler<typeof contract> = async (input, ctx) => {
  const user = await ensureUser(ctx.db, ctx.openid, ctx.now);
  const chain = await orgAncestry(ctx.db, input.orgId);
  const org = chain[0];
  if (!org) throw failWith(contract, 'ORG_NOT_FOUND', '所选工会组织不存在');
  if (org.kind === 'province') throw failWith(contract, 'NOT_JOINABLE', '请选择所在的市州、产业或基层工会');
  if (user.orgId === org._id) throw failWith(contract, 'ALREADY_MEMBER', '你已是该工会组织的成员');
  const doc: JoinRequestDoc = {
    _id: ctx.openid,
    openid: ctx.openid,
    nickname: user.nickname,
    orgId: org._id,
    orgName: org.name,
    orgChain: chain.map((o) => o._id),
    status: 'pending',
    via: 'request',
    requestedAt: ctx.now,
    decidedAt: null,
    decidedBy: null,
    reason: null,
  };
  await putJoinRequest(ctx.db, doc);
  return { request: joinRequestView(doc) };
};
