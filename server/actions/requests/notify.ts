import { claimPendingNotice, recordNotice, type RequestDoc } from '../../db/requests/requestStore';
import type { RequestStatus } from '../../domain/requests/requestStatusMachine';
import { statusNotice } from '../../domain/requests/statusNotice';
import type { ActionContext } from '../../runtime/context';

/**
 * Tells the worker about a status change that was committed with a `pendingNotice`. The notice is
 * claimed first (cleared only if still pending), so of the callers finishing it (the action, its
 * retry, the next event) one sends it: at most once, as a one-time subscription allows. A refusal
 * (43101: not subscribed or used up) or any other failure is recorded on the request and never
 * fails the action that changed it.
 */
export async function notifyStatus(ctx: ActionContext, request: RequestDoc, status: RequestStatus, note: string): Promise<void> {
  if (!(await claimPendingNotice(ctx.db, request._id))) return;
  let errcode: number;
  try {
    errcode = (await ctx.openApi.sendSubscribeMessage(statusNotice(request, status, note, ctx.now))).errcode;
  } catch (error) {
    console.warn('subscribe message failed', error);
    errcode = -1;
  }
  try {
    await recordNotice(ctx.db, request._id, { at: ctx.now, errcode });
  } catch (error) {
    console.warn('recording the notice failed', error);
  }
}
