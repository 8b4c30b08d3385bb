import { nextStatus, requestEvents, requestStatuses, withinReopenWindow, type RequestEvent, type RequestStatus } from '../../server/domain/requests/requestStatusMachine';

/** Every allowed move, written out once more by hand: anything not here must be refused. */
const allowed: Array<[RequestStatus, RequestEvent, RequestStatus]> = [
  ['submitted', 'accept', 'accepted'],
  ['transferred', 'accept', 'accepted'],
  ['reopened', 'accept', 'accepted'],
  ['accepted', 'start', 'in_progress'],
  ['accepted', 'resolve', 'resolved'],
  ['in_progress', 'resolve', 'resolved'],
  ['submitted', 'transfer', 'transferred'],
  ['transferred', 'transfer', 'transferred'],
  ['reopened', 'transfer', 'transferred'],
  ['accepted', 'transfer', 'transferred'],
  ['in_progress', 'transfer', 'transferred'],
  ['submitted', 'decline', 'declined'],
  ['transferred', 'decline', 'declined'],
  ['reopened', 'decline', 'declined'],
  ['submitted', 'reply', 'submitted'],
  ['transferred', 'reply', 'transferred'],
  ['reopened', 'reply', 'reopened'],
  ['accepted', 'reply', 'accepted'],
  ['in_progress', 'reply', 'in_progress'],
  ['submitted', 'withdraw', 'withdrawn'],
  ['transferred', 'withdraw', 'withdrawn'],
  ['resolved', 'confirm', 'closed'],
  ['resolved', 'reopen', 'reopened'],
  ['resolved', 'rate', 'closed'],
  ['closed', 'rate', 'closed'],
];

const key = (from: string, event: string) => `${from}:${event}`;
const allowedMap = new Map(allowed.map(([from, event, to]) => [key(from, event), to]));
const everyPair = requestStatuses.flatMap((from) => requestEvents.map((event) => [from, event] as const));

describe('the request status machine', () => {
  test.each(allowed)('a request that is %s and gets %s becomes %s', (from, event, to) => {
    expect(nextStatus(from, event)).toBe(to);
  });

  test.each(everyPair.filter(([from, event]) => !allowedMap.has(key(from, event))))('a request that is %s refuses %s', (from, event) => {
    expect(nextStatus(from, event)).toBeNull();
  });

  test('every one of the 90 state and event pairs is covered by the two lists above', () => {
    expect(everyPair).toHaveLength(requestStatuses.length * requestEvents.length);
    expect(allowed.length).toBe(25);
  });

  test('closed, withdrawn and declined requests accept nothing but a late rating of a closed one', () => {
    for (const event of requestEvents) {
      expect(nextStatus('withdrawn', event)).toBeNull();
      expect(nextStatus('declined', event)).toBeNull();
      if (event !== 'rate') expect(nextStatus('closed', event)).toBeNull();
    }
  });

  test('a worker may reopen up to 7 days after resolution, not a minute later', () => {
    const resolvedAt = new Date('2026-11-01T10:00:00Z');
    expect(withinReopenWindow(resolvedAt, new Date('2026-11-08T10:00:00Z'))).toBe(true);
    expect(withinReopenWindow(resolvedAt, new Date('2026-11-08T10:01:00Z'))).toBe(false);
    expect(withinReopenWindow(null, resolvedAt)).toBe(false);
  });
});
