import type { RequestStatus } from './requestStatusMachine';
import { waitingStatuses, workingStatuses } from './requestStatusMachine';

export type OverdueKind = 'accept' | 'resolve';

/** Which service-level time a request has missed at `now`, if any (acceptance is checked first). */
export function missedDeadline(request: { status: RequestStatus; acceptDueAt: Date; resolveDueAt: Date }, now: Date): OverdueKind | null {
  const waiting = waitingStatuses.includes(request.status);
  if (waiting && now.getTime() >= new Date(request.acceptDueAt).getTime()) return 'accept';
  if ((waiting || workingStatuses.includes(request.status)) && now.getTime() >= new Date(request.resolveDueAt).getTime()) return 'resolve';
  return null;
}

export const overdueNotes: Record<OverdueKind, string> = {
  accept: '超过受理时限,已提请上级工会督办',
  resolve: '超过办结时限,已提请上级工会督办',
};

/**
 * The service-level time running now: acceptance while the request waits in a queue, resolution
 * while it is worked on, none once resolved or ended. Overdue when `now` is past it.
 */
export function runningDeadline(request: { status: RequestStatus; acceptDueAt: Date; resolveDueAt: Date }, now: Date): { kind: OverdueKind; dueAt: Date; overdue: boolean } | null {
  const kind: OverdueKind | null = waitingStatuses.includes(request.status) ? 'accept' : workingStatuses.includes(request.status) ? 'resolve' : null;
  if (!kind) return null;
  const dueAt = new Date(kind === 'accept' ? request.acceptDueAt : request.resolveDueAt);
  return { kind, dueAt, overdue: now.getTime() >= dueAt.getTime() };
}
