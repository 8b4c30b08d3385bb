import { followUp as contract, replyTemplates as templatesContract } from '../../contracts/requests';
import { bumpCountersIn } from '../../db/requests/requestCounters';
import { readInTransaction, requestCollections, type RequestDoc } from '../../db/requests/requestStore';
import { replyTemplates as templates } from '../../domain/requests/replyTemplates';
import { detailOf } from '../../domain/requests/requestViews';
import { failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';
import { cadreScope } from './cadreScope';
import { followUpBumps } from './requestCounters';

type FollowUp = NonNullable<RequestDoc['followUp']>;
type Outcome = { ok: true; doc: RequestDoc } | { ok: false; code: 'NOT_FOUND' | 'NOT_RESOLVED' | 'ALREADY_FOLLOWED_UP' };

/** The same 回访 sent again (a retry): same cadre, outcome and note. */
function isRepeat(recorded: FollowUp, record: FollowUp): boolean {
  return recorded.byOpenid === record.byOpenid && recorded.outcome === record.outcome && recorded.note === record.note;
}

/**
 * A 回访 is recorded once, with its dashboard counters and its audit entry, in one transaction: a
 * call that dies anywhere leaves all of them or none, and its retry (the same 回访 again) answers
 * what was recorded. A different 回访 of a request already followed up is refused.
 */
export const followUp: Handler<typeof contract> = async (input, ctx) => {
  const { scope, names } = await cadreScope(ctx);
  const record: FollowUp = { outcome: input.outcome, note: input.note, at: ctx.now, byOpenid: ctx.openid };
  // Errors travel out as values: the SDK drops the code of an error thrown inside the callback.
  const outcome = await ctx.db.runTransaction(async (t): Promise<Outcome> => {
    const doc = await readInTransaction(t, input.requestId);
    if (!doc || !scope.has(doc.orgId)) return { ok: false, code: 'NOT_FOUND' };
    if (doc.followUp) return isRepeat(doc.followUp, record) ? { ok: true, doc } : { ok: false, code: 'ALREADY_FOLLOWED_UP' };
    if (doc.status !== 'resolved' && doc.status !== 'closed') return { ok: false, code: 'NOT_RESOLVED' };
    await t.collection(requestCollections.requests).doc(doc._id).update({ data: { followUp: record, updatedAt: ctx.now } });
    for (const bump of followUpBumps(doc, input.outcome)) await bumpCountersIn(ctx.db, t, bump);
    // One entry per request (its id says so), written with the 回访 itself.
    await t.collection(requestCollections.auditLog).doc(`follow_up|${doc._id}`).set({ data: { at: ctx.now, actorOpenid: ctx.openid, action: 'follow_up', requestId: doc._id, orgId: doc.orgId } });
    return { ok: true, doc: { ...doc, followUp: record, updatedAt: ctx.now } };
  });
  if (!outcome.ok) {
    if (outcome.code === 'NOT_FOUND') throw failWith(contract, 'NOT_FOUND', '诉求不存在');
    if (outcome.code === 'NOT_RESOLVED') throw failWith(contract, 'NOT_RESOLVED', '诉求办结后才能回访');
    throw failWith(contract, 'ALREADY_FOLLOWED_UP', '这条诉求已经回访过了');
  }
  return detailOf(outcome.doc, names, 'cadre', ctx.now, { fullPhone: false });
};

export const replyTemplates: Handler<typeof templatesContract> = async (_input, ctx) => {
  await cadreScope(ctx);
  return { templates };
};
