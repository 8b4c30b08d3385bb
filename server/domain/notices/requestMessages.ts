import type { OverdueKind } from '../requests/overdue';
import type { RequestEvent } from '../requests/requestStatusMachine';
import { messageIdOf, newMessage, type MessageDoc } from './messageDoc';

/** The headline of each notice the worker gets about their request. */
const headlines: Record<RequestEvent | 'submit', string> = {
  submit: '诉求已提交,等待受理',
  accept: '诉求已受理',
  start: '诉求开始办理',
  reply: '工会回复了您的诉求',
  transfer: '诉求已转办',
  resolve: '诉求已办结',
  decline: '诉求不予受理',
  withdraw: '诉求已撤回',
  confirm: '诉求已确认办结',
  reopen: '诉求重新办理',
  rate: '诉求已评价',
};

/**
 * The worker's message about step `step` (the timeline index of the entry) of their request: one
 * message per step, so a retry writes the same one.
 */
export function statusMessage(request: { _id: string; openid: string; title: string }, event: RequestEvent | 'submit', note: string, step: number, at: Date): MessageDoc {
  const _id = messageIdOf('requestStatus', request._id, String(step));
  return newMessage({
    _id,
    openid: request.openid,
    kind: 'requestStatus',
    title: headlines[event],
    summary: request.title,
    note,
    page: `pages/requests/detail/index?requestId=${request._id}`,
    requestId: request._id,
    createdAt: at,
  });
}

/** A cadre's reminder that a request of their organisation passed a service-level time (once per kind). */
export function overdueMessage(cadreOpenid: string, request: { _id: string; title: string }, kind: OverdueKind, orgName: string, at: Date): MessageDoc {
  const _id = messageIdOf('requestOverdue', request._id, kind, cadreOpenid);
  return newMessage({
    _id,
    openid: cadreOpenid,
    kind: 'requestOverdue',
    title: kind === 'accept' ? '诉求超过受理时限' : '诉求超过办结时限',
    summary: request.title,
    note: orgName,
    page: `cadre/requests/detail/index?requestId=${request._id}`,
    requestId: request._id,
    createdAt: at,
  });
}
