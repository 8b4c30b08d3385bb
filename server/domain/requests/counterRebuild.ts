import type { CounterBump } from '../../db/requests/requestCounters';
import type { RequestDoc } from '../../db/requests/requestStore';
import { weekKey } from '../../points/periodKeys';
import { standingOf } from './requestStanding';
import { deadlinesFrom } from './serviceLevels';

type Counted = Pick<RequestDoc, 'orgId' | 'status' | 'category' | 'overdue' | 'createdAt' | 'acceptedAt' | 'resolvedAt' | 'rating' | 'timeline'> & { followUp?: RequestDoc['followUp'] };

/**
 * What one request adds to the desk counters, worked out from the document alone: the same figures
 * live counting (filedBumps, transitionBumps, countFollowUp) adds as the request moves. Its standing
 * (filed, status, category, overdue, hours to accept and resolve, rating: standingOf) counts where
 * it is now; each resolution where it was then, on time when before the deadline set by the last
 * submit, transfer or reopen; a 回访 where it is now.
 */
export function requestContribution(doc: Counted): CounterBump[] {
  const week = weekKey(new Date(doc.createdAt));
  const byOrg = new Map<string, Record<string, number>>();
  const add = (orgId: string, inc: Record<string, number>) => {
    const counters = byOrg.get(orgId) ?? {};
    for (const [key, value] of Object.entries(inc)) counters[key] = (counters[key] ?? 0) + value;
    byOrg.set(orgId, counters);
  };
  add(doc.orgId, standingOf(doc));
  let dueAt = 0;
  for (const entry of doc.timeline ?? []) {
    const at = new Date(entry.at);
    if (entry.event === 'submit' || entry.event === 'transfer' || entry.event === 'reopen') dueAt = deadlinesFrom(at).resolveDueAt.getTime();
    // A resolution's entry names the organisation that held the request then.
    if (entry.to === 'resolved' && entry.from !== 'resolved') add(entry.orgId, { resolved: 1, resolvedOnTime: at.getTime() <= dueAt ? 1 : 0 });
  }
  if (doc.followUp) add(doc.orgId, { followUps: 1, [`fu_${doc.followUp.outcome}`]: 1 });
  return [...byOrg].map(([orgId, inc]) => ({ orgId, week, inc }));
}

/** Sums contributions into counter documents, keyed `<orgId>:<week>` as request_stats is. */
export function counterDocuments(bumps: Iterable<CounterBump>): Map<string, { orgId: string; week: string } & Record<string, number | string>> {
  const docs = new Map<string, { orgId: string; week: string } & Record<string, number | string>>();
  for (const { orgId, week, inc } of bumps) {
    const id = `${orgId}:${week}`;
    const doc = docs.get(id) ?? { orgId, week, filed: 0 };
    for (const [key, value] of Object.entries(inc)) doc[key] = Number(doc[key] ?? 0) + value;
    docs.set(id, doc);
  }
  return docs;
}
