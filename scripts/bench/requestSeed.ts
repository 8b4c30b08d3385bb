import { requestCategoryKeys } from '../../server/contracts/requests/categories';
import { followUpOutcomeKeys } from '../../server/contracts/requests/followUpOutcomes';
import type { CounterBump, RequestStatsDoc } from '../../server/db/requests/requestCounters';
import type { RequestDoc, TimelineEntry } from '../../server/db/requests/requestStore';
import { filedRequest } from '../../server/domain/requests/filedRequest';
import { missedDeadline } from '../../server/domain/requests/overdue';
import { nextStatus, type RequestEvent } from '../../server/domain/requests/requestStatusMachine';
import { deadlinesFrom } from '../../server/domain/requests/serviceLevels';
import { filedBumps, followUpBumps, transitionBumps } from '../../server/actions/requests/requestCounters';

const hour = 3600 * 1000;

/** The seed's times fall on whole hours, so a few thousand deadline computations serve every request. */
const deadlineCache = new Map<number, ReturnType<typeof deadlinesFrom>>();
function deadlines(from: Date): ReturnType<typeof deadlinesFrom> {
  let found = deadlineCache.get(from.getTime());
  if (!found) deadlineCache.set(from.getTime(), (found = deadlinesFrom(from)));
  return found;
}

/** The counter documents a list of bumps adds up to, as bumpCountersIn leaves them. */
export class CounterSums {
  private readonly docs = new Map<string, RequestStatsDoc>();

  add(bumps: readonly CounterBump[]): void {
    for (const { orgId, week, inc } of bumps) {
      const id = `${orgId}:${week}`;
      let doc = this.docs.get(id);
      if (!doc) this.docs.set(id, (doc = { _id: id, orgId, week, filed: 0 }));
      for (const [key, value] of Object.entries(inc)) doc[key] = ((doc[key] as number | undefined) ?? 0) + value;
    }
  }

  all(): RequestStatsDoc[] {
    return [...this.docs.values()];
  }
}

/** One move of a request, with the fields its action sets (as the actions' patches do). */
function step(doc: RequestDoc, event: RequestEvent, at: Date, patch: Partial<RequestDoc>, counters: CounterSums): RequestDoc {
  const to = nextStatus(doc.status, event);
  if (!to) throw new Error(`${event} is not allowed from ${doc.status}`);
  const entry: TimelineEntry = { at, actor: event === 'rate' || event === 'withdraw' ? 'worker' : 'cadre', actorOpenid: null, event, from: doc.status, to, orgId: patch.orgId ?? doc.orgId, note: '' };
  const after: RequestDoc = { ...doc, ...patch, status: to, updatedAt: at, timeline: [...doc.timeline, entry] };
  counters.add(transitionBumps(doc, after));
  return after;
}

/**
 * `count` requests spread over `orgIds` and the seven weeks before `now`, each taken through a
 * life the actions allow (accepted, worked, resolved on time or late, rated, followed up,
 * withdrawn, declined, transferred, flagged overdue), with the `request_stats` counters built by
 * the actions' own bump functions. For the bench and for tests that need many requests quickly.
 */
export function requestSeed(count: number, orgIds: readonly string[], now: Date, prefix = 'seed'): { requests: RequestDoc[]; counters: RequestStatsDoc[] } {
  const counters = new CounterSums();
  const span = 7 * 7 * 24; // hours: within the 8 weeks the console dashboard shows
  const requests = Array.from({ length: count }, (_, i): RequestDoc => {
    const createdAt = new Date(now.getTime() - (1 + ((i * 7919) % span)) * hour);
    const orgId = orgIds[i % orgIds.length] as string;
    const filing = {
      clientRequestId: `${prefix}-${i}`,
      category: requestCategoryKeys[i % requestCategoryKeys.length],
      title: `诉求 ${i}`,
      description: '批量生成的诉求',
      photos: [],
      contactName: '职工',
      contactMobile: `138${String(i).padStart(8, '0')}`,
      place: '西宁',
      orgId,
    };
    let doc = filedRequest(`${prefix}-${String(i).padStart(7, '0')}`, `${prefix}-worker-${i % 5000}`, filing, createdAt, deadlines(createdAt));
    counters.add(filedBumps(doc));
    const later = (hours: number) => new Date(Math.min(now.getTime() - 1000, createdAt.getTime() + hours * hour));
    const life = i % 10;
    if (life >= 2 && life <= 7) doc = step(doc, 'accept', later(1 + (i % 40)), { acceptedAt: later(1 + (i % 40)) }, counters);
    if (life === 3) doc = step(doc, 'start', later(50), {}, counters);
    if (life >= 4 && life <= 7) {
      // Some resolved within days, some a month later (past the 15-working-day deadline).
      const at = later(i % 3 === 0 ? 600 : 60 + (i % 100));
      doc = step(doc, 'resolve', at, { resolvedAt: at, overdue: false }, counters);
    }
    if (life >= 6 && life <= 7) {
      const rating = 1 + (i % 5);
      doc = step(doc, 'rate', later(700), { rating, ratingComment: null, closedAt: later(700) }, counters);
    }
    if (life >= 5 && life <= 7 && i % 3 !== 2) {
      const outcome = followUpOutcomeKeys[i % followUpOutcomeKeys.length];
      counters.add(followUpBumps(doc, outcome));
      doc = { ...doc, followUp: { outcome, note: '', at: later(720), byOpenid: `${prefix}-cadre` } };
    }
    if (life === 8) doc = step(doc, i % 20 === 8 ? 'withdraw' : 'decline', later(3), i % 20 === 8 ? {} : { closedAt: later(3), overdue: false }, counters);
    if (life === 9) {
      const to = orgIds[(i + 1) % orgIds.length] as string;
      const at = later(5);
      if (to !== orgId) doc = step(doc, 'transfer', at, { orgId: to, queuedAt: at, ...deadlines(at), acceptedAt: null, overdue: false, escalatedTo: null }, counters);
    }
    // The overdue sweep flags whatever has missed a deadline by now.
    if (!doc.overdue && missedDeadline(doc, now)) {
      const after: RequestDoc = { ...doc, overdue: true, updatedAt: now };
      counters.add(transitionBumps(doc, after));
      doc = after;
    }
    return doc;
  });
  return { requests, counters: counters.all() };
}
