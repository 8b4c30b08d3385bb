import { cadreDetail as contract } from '../../contracts/requests';
import { findRequest, writeAudit } from '../../db/requests/requestStore';
import { detailOf } from '../../domain/requests/requestViews';
import { failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';
import { cadreScope } from './cadreScope';

export const cadreDetail: Handler<typeof contract> = async (input, ctx) => {
  const { scope, names } = await cadreScope(ctx);
  const doc = await findRequest(ctx.db, input.requestId);
  if (!doc || !scope.has(doc.orgId)) throw failWith(contract, 'NOT_FOUND', '诉求不存在');
  // Every view of a full phone number is audited, before it is shown.
  await writeAudit(ctx.db, { at: ctx.now, actorOpenid: ctx.openid, action: 'view_phone', requestId: doc._id, orgId: doc.orgId });
  return detailOf(doc, names, 'cadre', ctx.now, { fullPhone: true });
};
