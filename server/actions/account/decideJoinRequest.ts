import { decideJoinRequest as contract } from '../../contracts/account';
import { collections } from '../../db/collections';
import { auditMembership, findJoinRequest, type JoinRequestDoc } from '../../db/joinRequests';
import { putMessageIn } from '../../db/notices/messageStore';
import { rolesOf } from '../../db/users';
import { joinRequestView, mayDecide } from '../../domain/account/membership';
import { joinOutcomeMessage } from '../../domain/notices/joinMessages';
import { assertSafeText } from '../../platform/contentCheck';
import { ActionError, failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';

/**
 * The request, the worker's organisation, the audit entry and the worker's 消息 notice change in
 * one transaction, so a decision is never half made, unrecorded nor untold; deciding again the
 * same way answers the decision already made (and records nothing more).
 */
export const decideJoinRequest: Handler<typeof contract> = async (input, ctx) => {
  const { db } = ctx;
  const request = await findJoinRequest(db, input.openid);
  if (!request) throw failWith(contract, 'REQUEST_NOT_FOUND', '没有找到这条入会申请');
  if (!mayDecide(await rolesOf(db, ctx.openid), request.orgChain)) throw new ActionError('FORBIDDEN', '只能审核本组织及下级组织的入会申请');
  const status = input.approve ? 'approved' : 'declined';
  if (request.status !== 'pending') {
    if (request.status === status) return { request: joinRequestView(request) };
    throw failWith(contract, 'ALREADY_DECIDED', '这条申请已经处理过了');
  }
  const reason = input.approve ? null : (input.reason ?? '') || null;
  if (reason) await assertSafeText(ctx, [reason], 1);
  const decided = await db.runTransaction(async (t) => {
    const current = (await t.collection(collections.joinRequests).doc(input.openid).get()).data as JoinRequestDoc | null;
    if (!current || current.status !== 'pending' || new Date(current.requestedAt).getTime() !== new Date(request.requestedAt).getTime()) return null;
    const patch = { status, decidedAt: ctx.now, decidedBy: ctx.openid, reason };
    await t.collection(collections.joinRequests).doc(input.openid).update({ data: patch });
    if (input.approve) await t.collection(collections.users).doc(input.openid).update({ data: { orgId: current.orgId, updatedAt: ctx.now } });
    await auditMembership(t, {
      action: input.approve ? 'approve_join' : 'decline_join', target: input.openid, orgId: current.orgId, actorOpenid: ctx.openid, at: ctx.now, requestedAt: current.requestedAt,
      ...(reason ? { detail: `${current.orgName}:${reason}` } : {}),
    });
    await putMessageIn(t, joinOutcomeMessage({ ...current, openid: input.openid }, input.approve, reason, ctx.now));
    return { ...current, _id: input.openid, ...patch } as JoinRequestDoc;
  });
  if (!decided) {
    // Decided (or replaced by a new request) in the meantime: answer what is there now.
    const now = await findJoinRequest(db, input.openid);
    if (now && now.status === status) return { request: joinRequestView(now) };
    throw failWith(contract, 'ALREADY_DECIDED', '这条申请已经处理过了');
  }
  return { request: joinRequestView(decided) };
};
