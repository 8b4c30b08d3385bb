import type { RequestEvent, RequestStatus } from '../requests/requestStatusMachine';

/**
 * A one-time subscription allows one message per acceptance, so the worker's few units go to the
 * changes that matter most. A notice is pushed only while at least this many units are left: the
 * outcome (办结, 不予受理) may take the last one; a reply or a transfer needs one more, so a unit stays
 * for the outcome; progress (受理, 开始办理) needs two more. The worker's own moves (撤回, 确认, 重新办理,
 * 评价) and the filing receipt are never pushed. Every notice is kept in the 消息 centre regardless.
 */
export const unitsNeededToPush: Record<RequestEvent | 'submit', number | null> = {
  resolve: 1,
  decline: 1,
  reply: 2,
  transfer: 2,
  accept: 3,
  start: 3,
  submit: null,
  withdraw: null,
  confirm: null,
  reopen: null,
  rate: null,
};

/** The event that most likely led to a status, for notices recorded without their event. */
const eventOfStatus: Record<RequestStatus, RequestEvent | 'submit'> = {
  submitted: 'submit',
  accepted: 'accept',
  in_progress: 'start',
  resolved: 'resolve',
  declined: 'decline',
  transferred: 'transfer',
  closed: 'confirm',
  withdrawn: 'withdraw',
  reopened: 'reopen',
};

/** Units that must be left to push this notice; null: never pushed. */
export function unitsNeededFor(notice: { status: RequestStatus; event?: RequestEvent }): number | null {
  return unitsNeededToPush[notice.event ?? eventOfStatus[notice.status]];
}

/** A cadre's overdue reminder is pushed whenever a unit is left. */
export const unitsNeededForReminder = 1;

/** The outcome of a worker's 纠错 is pushed whenever a unit of its template is left. */
export const unitsNeededForReportOutcome = 1;

/** Whether a notice needing `needed` units is pushed with `left` units left. */
export function mayPush(left: number, needed: number | null): boolean {
  return needed !== null && left >= needed;
}
