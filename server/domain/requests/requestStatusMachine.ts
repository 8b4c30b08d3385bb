/**
 * The 办实事 request's life: submitted → accepted → in_progress → resolved → closed, with the side
 * roads withdrawn, declined, transferred and reopened. Every change goes through `nextStatus`;
 * whatever it does not list is refused.
 */
export const requestStatuses = ['submitted', 'accepted', 'in_progress', 'resolved', 'closed', 'withdrawn', 'declined', 'transferred', 'reopened'] as const;
export type RequestStatus = (typeof requestStatuses)[number];

export const workerEvents = ['withdraw', 'confirm', 'reopen', 'rate'] as const;
export const cadreEvents = ['accept', 'reply', 'start', 'resolve', 'transfer', 'decline'] as const;
export type WorkerEvent = (typeof workerEvents)[number];
export type CadreEvent = (typeof cadreEvents)[number];
export type RequestEvent = WorkerEvent | CadreEvent;
export const requestEvents: readonly RequestEvent[] = [...workerEvents, ...cadreEvents];

/** States a cadre has not yet taken on: the request waits in some organisation's queue. */
const waiting = ['submitted', 'transferred', 'reopened'] as const;
/** States being worked on. */
const working = ['accepted', 'in_progress'] as const;

/** event → (from → to). A reply is a note, so it keeps the state. */
const table: Record<RequestEvent, Partial<Record<RequestStatus, RequestStatus>>> = {
  accept: { submitted: 'accepted', transferred: 'accepted', reopened: 'accepted' },
  start: { accepted: 'in_progress' },
  resolve: { accepted: 'resolved', in_progress: 'resolved' },
  transfer: { submitted: 'transferred', transferred: 'transferred', reopened: 'transferred', accepted: 'transferred', in_progress: 'transferred' },
  decline: { submitted: 'declined', transferred: 'declined', reopened: 'declined' },
  reply: { submitted: 'submitted', transferred: 'transferred', reopened: 'reopened', accepted: 'accepted', in_progress: 'in_progress' },
  // Withdrawing is allowed only before a cadre accepts.
  withdraw: { submitted: 'withdrawn', transferred: 'withdrawn' },
  confirm: { resolved: 'closed' },
  reopen: { resolved: 'reopened' },
  // Rating closes a resolved request; a confirmed one may still be rated once (checked by canRate).
  rate: { resolved: 'closed', closed: 'closed' },
};

export const terminalStatuses: readonly RequestStatus[] = ['closed', 'withdrawn', 'declined'];
export const waitingStatuses: readonly RequestStatus[] = waiting;
export const workingStatuses: readonly RequestStatus[] = working;

/** The state after `event`, or null when the event is not allowed from `from`. */
export function nextStatus(from: RequestStatus, event: RequestEvent): RequestStatus | null {
  return table[event][from] ?? null;
}

export function isCadreEvent(event: RequestEvent): event is CadreEvent {
  return (cadreEvents as readonly string[]).includes(event);
}

/** A worker may reopen within 7 days of the resolution. */
export const reopenWindowMs = 7 * 24 * 60 * 60 * 1000;

export function withinReopenWindow(resolvedAt: Date | null, now: Date): boolean {
  return resolvedAt !== null && now.getTime() - resolvedAt.getTime() <= reopenWindowMs;
}

export const statusLabels: Record<RequestStatus, string> = {
  submitted: '待受理',
  accepted: '已受理',
  in_progress: '办理中',
  resolved: '已办结',
  closed: '已完成',
  withdrawn: '已撤回',
  declined: '不予受理',
  transferred: '已转办',
  reopened: '重新办理',
};

export const eventLabels: Record<RequestEvent | 'submit' | 'escalate', string> = {
  submit: '提交诉求',
  accept: '受理',
  reply: '回复',
  start: '开始办理',
  resolve: '办结',
  transfer: '转办',
  decline: '不予受理',
  withdraw: '撤回',
  confirm: '确认办结',
  reopen: '申请重新办理',
  rate: '评价',
  escalate: '超时升级',
};
