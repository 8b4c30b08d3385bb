import { settleUnit, zeroQuota } from '../../db/notices/subscriptionStore';
import { claimPendingNotice, recordNotice, type RequestDoc } from '../../db/requests/requestStore';
import { statusNotice } from '../../domain/requests/statusNotice';
import { subscribeTemplates } from '../../domain/requests/subscribeTemplates';
import type { ActionContext } from '../../runtime/context';

/**
 * Pushes the subscription message of a change that was committed with a `pendingNotice` (the unit
 * of quota it spends was taken in that commit, and its 消息 centre message written). The notice is
 * claimed first (cleared only if still pending), so of the callers finishing it (the action, its
 * retry, the next event) one pushes it: at most once, as a one-time subscription allows. A failed
 * push gives the unit back, except 43101 (WeChat allows none: the quota becomes 0). Nothing here
 * fails the action that made the change.
 */
export async function notifyStatus(ctx: ActionContext, request: RequestDoc): Promise<void> {
  const notice = request.pendingNotice;
  if (!notice || !(await claimPendingNotice(ctx.db, request._id))) return;
  const templateId = subscribeTemplates.requestStatusChanged;
  let errcode: number;
  try {
    errcode = (await ctx.openApi.sendSubscribeMessage(statusNotice(request, notice.status, notice.note, ctx.now))).errcode;
  } catch (error) {
    console.warn('subscribe message failed', error);
    errcode = -1;
  }
  try {
    if (notice.reserved) await settleUnit(ctx.db, request.openid, templateId, errcode, ctx.now);
    else if (errcode === 43101) await zeroQuota(ctx.db, request.openid, templateId, ctx.now);
    await recordNotice(ctx.db, request._id, { at: ctx.now, errcode });
  } catch (error) {
    console.warn('recording the notice failed', error);
  }
}
