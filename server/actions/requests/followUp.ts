import { followUp as contract, replyTemplates as templatesContract } from '../../contracts/requests';
import { findRequest, requestCollections, writeAudit, type RequestDoc } from '../../db/requests/requestStore';
import { replyTemplates as templates } from '../../domain/requests/replyTemplates';
import { detailOf } from '../../domain/requests/requestViews';
import { failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';
import { cadreScope } from './cadreScope';
import { countFollowUp } from './requestCounters';

export const followUp: Handler<typeof contract> = async (input, ctx) => {
  const { scope, names } = await cadreScope(ctx);
  const doc = await findRequest(ctx.db, input.requestId);
  if (!doc || !scope.has(doc.orgId)) throw failWith(contract, 'NOT_FOUND', '诉求不存在');
  if (doc.status !== 'resolved' && doc.status !== 'closed') throw failWith(contract, 'NOT_RESOLVED', '诉求办结后才能回访');
  const record: NonNullable<RequestDoc['followUp']> = { outcome: input.outcome, note: input.note, at: ctx.now, byOpenid: ctx.openid };
  // Recorded once: the write only lands on a request that has no follow-up yet.
  const { stats } = await ctx.db
    .collection(requestCollections.requests)
    .where({ _id: doc._id, followUp: ctx.db.command.exists(false) })
    .update({ data: { followUp: record, updatedAt: ctx.now } });
  if (stats.updated !== 1) throw failWith(contract, 'ALREADY_FOLLOWED_UP', '这条诉求已经回访过了');
  await countFollowUp(ctx.db, doc, input.outcome);
  await writeAudit(ctx.db, { at: ctx.now, actorOpenid: ctx.openid, action: 'follow_up', requestId: doc._id, orgId: doc.orgId });
  return detailOf({ ...doc, followUp: record }, names, 'cadre', ctx.now, { fullPhone: false });
};

export const replyTemplates: Handler<typeof templatesContract> = async (_input, ctx) => {
  await cadreScope(ctx);
  return { templates };
};
