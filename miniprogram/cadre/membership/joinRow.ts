import type { PendingJoinRequest } from '../../../server/contracts/account';

/** A request as the queue shows it: when it was made in Shanghai time, and an initial when there is no avatar. */
export type JoinRow = PendingJoinRequest & { timeText: string; initial: string };

/** Shanghai time as a cadre reads it, e.g. 2026-11-25 09:30. */
const timeOf = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600 * 1000).toISOString().slice(0, 16).replace('T', ' ');

export function joinRowOf(request: PendingJoinRequest): JoinRow {
  return { ...request, timeText: timeOf(request.requestedAt), initial: Array.from(request.nickname.trim())[0] ?? '职' };
}
