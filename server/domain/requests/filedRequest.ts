import type { ParsedInput } from '../../contracts/action';
import type { submit } from '../../contracts/requests';
import type { RequestDoc } from '../../db/requests/requestStore';
import { deadlinesFrom } from './serviceLevels';

/** What a worker files: the submit form, as the contract parses it. */
export type Filing = ParsedInput<typeof submit>;

/**
 * A request as it is filed: waiting in the chosen organisation's queue from `now`, its service-level
 * deadlines counted from then, the worker's submit as the first step of its timeline, photo checks
 * still to start. `deadlines` can be given when the caller already has them for `now`.
 */
export function filedRequest(id: string, openid: string, filing: Filing, now: Date, deadlines = deadlinesFrom(now)): RequestDoc {
  return {
    _id: id,
    openid,
    clientRequestId: filing.clientRequestId,
    category: filing.category,
    title: filing.title,
    description: filing.description,
    photos: filing.photos,
    photoChecks: {},
    contactName: filing.contactName,
    contactMobile: filing.contactMobile,
    place: filing.place,
    orgId: filing.orgId,
    status: 'submitted',
    createdAt: now,
    updatedAt: now,
    queuedAt: now,
    ...deadlines,
    acceptedAt: null,
    resolvedAt: null,
    closedAt: null,
    overdue: false,
    escalatedTo: null,
    rating: null,
    ratingComment: null,
    timeline: [{ at: now, actor: 'worker', actorOpenid: openid, event: 'submit', from: null, to: 'submitted', orgId: filing.orgId, note: '' }],
    lastNotice: null,
    // The filing receipt is never pushed (the worker is looking at it): the 消息 centre keeps it.
    pendingNotice: null,
    photoChecksPending: filing.photos.length > 0,
  };
}
