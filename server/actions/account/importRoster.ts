import { importRoster as contract } from '../../contracts/account';
import { collections } from '../../db/collections';
import { auditMembership, findJoinRequest, type JoinRequestDoc } from '../../db/joinRequests';
import { putMessageIn } from '../../db/notices/messageStore';
import { orgAncestry } from '../../db/orgs';
import { ensureUser, findUser, rolesOf } from '../../db/users';
import { rosterJoinMessage } from '../../domain/notices/joinMessages';
import { ActionError, failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';

/**
 * Admins only (a province admin, or the admin of the organisation or one above it). Each worker's
 * request, organisation, audit entry and notice (消息: 已加入工会) are written in one transaction,
 * and a retried import passes over those already members, so it ends in the same state with one
 * audit entry and one notice per worker.
 */
export const importRoster: Handler<typeof contract> = async (input, ctx) => {
  const { db, now } = ctx;
  const chain = await orgAncestry(db, input.orgId);
  const org = chain[0];
  if (!org) throw failWith(contract, 'ORG_NOT_FOUND', '所选工会组织不存在');
  if (org.kind === 'province') throw failWith(contract, 'NOT_JOINABLE', '请选择市州、产业或基层工会');
  const roles = await rolesOf(db, ctx.openid);
  const chainIds = chain.map((o) => o._id);
  if (!roles.some((r) => r.role === 'admin' && (!r.orgId || chainIds.includes(r.orgId)))) throw new ActionError('FORBIDDEN', '仅管理员可以导入会员名册');
  let approved = 0;
  let unchanged = 0;
  for (const openid of [...new Set(input.openids)]) {
    const user = (await findUser(db, openid)) ?? (await ensureUser(db, openid, now));
    const request = await findJoinRequest(db, openid);
    if (user.orgId === org._id && request?.status !== 'pending') {
      unchanged += 1;
      continue;
    }
    const { _id, ...doc }: JoinRequestDoc = {
      _id: openid, openid, nickname: user.nickname, orgId: org._id, orgName: org.name, orgChain: chainIds,
      status: 'approved', via: 'roster', requestedAt: now, decidedAt: now, decidedBy: ctx.openid, reason: null,
    };
    await db.runTransaction(async (t) => {
      await t.collection(collections.joinRequests).doc(_id).set({ data: doc });
      await t.collection(collections.users).doc(openid).update({ data: { orgId: org._id, updatedAt: now } });
      await auditMembership(t, { action: 'roster_join', target: openid, orgId: org._id, actorOpenid: ctx.openid, at: now, requestedAt: now });
      await putMessageIn(t, rosterJoinMessage({ openid, orgName: org.name }, now));
    });
    approved += 1;
  }
  return { approved, unchanged };
};
