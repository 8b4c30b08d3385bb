import { recordNotice, type RequestDoc } from '../../db/requests/requestStore';
import type { RequestStatus } from '../../domain/requests/requestStatusMachine';
import { statusNotice } from '../../domain/requests/statusNotice';
import type { ActionContext } from '../../runtime/context';

/**
 * Tells the worker about a status change. A refusal (43101: not subscribed or used up) or any
 * other failure is recorded on the request and never fails the action that changed it.
 */
export async function notifyStatus(ctx: ActionContext, request: RequestDoc, status: RequestStatus, note: string): Promise<void> {
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
