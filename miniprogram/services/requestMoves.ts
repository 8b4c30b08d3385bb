import type { RequestEvent } from '../../server/contracts/requests';

/** What WXML tests with wx:if: the moves the server says are allowed now, as flags. */
export type AllowedMoves = Partial<Record<RequestEvent, boolean>>;

export function allowedMoves(actions: readonly RequestEvent[]): AllowedMoves {
  return Object.fromEntries(actions.map((action) => [action, true]));
}
