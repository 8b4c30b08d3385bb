import type { FollowUpOutcomeKey } from '../../contracts/requests/followUpOutcomes';
import type { CounterBump } from '../../db/requests/requestCounters';
import type { RequestDoc } from '../../db/requests/requestStore';
import { standingOf } from '../../domain/requests/requestStanding';
import { weekKey } from '../../points/periodKeys';

const weekOf = (doc: Pick<RequestDoc, 'createdAt'>) => weekKey(new Date(doc.createdAt));
const ms = (d: Date | string) => new Date(d).getTime();

function nonZero(inc: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(inc).filter(([, v]) => v !== 0));
}

/** A new request: counted in its organisation's filing week. */
export function filedBumps(doc: RequestDoc): CounterBump[] {
  return [{ orgId: doc.orgId, week: weekOf(doc), inc: nonZero(standingOf(doc)) }];
}

/**
 * A request changed (status, organisation, resolution, rating, overdue flag): the counters follow
 * it. Applied in the transaction that commits the change, so a failure cannot count it twice or
 * not at all. Besides the standing, each resolution counts once in `resolved` (and
 * `resolvedOnTime` when by the deadline): the on-time rate is per resolution.
 */
export function transitionBumps(before: RequestDoc, after: RequestDoc): CounterBump[] {
  const week = weekOf(before);
  const was = standingOf(before);
  const now = standingOf(after);
  const resolvedNow = after.status === 'resolved' && before.status !== 'resolved';
  const onTime = resolvedNow && ms(after.resolvedAt ?? after.updatedAt) <= ms(before.resolveDueAt);
  const events: Record<string, number> = resolvedNow ? { resolved: 1, resolvedOnTime: onTime ? 1 : 0 } : {};
  const bumps: CounterBump[] = [];
  if (before.orgId === after.orgId) {
    const keys = new Set([...Object.keys(was), ...Object.keys(now)]);
    const inc = nonZero({ ...Object.fromEntries([...keys].map((k) => [k, (now[k] ?? 0) - (was[k] ?? 0)])), ...events });
    if (Object.keys(inc).length) bumps.push({ orgId: after.orgId, week, inc });
    return bumps;
  }
  // A transfer moves the request's whole contribution to the organisation that now holds it.
  bumps.push({ orgId: before.orgId, week, inc: nonZero(Object.fromEntries(Object.entries(was).map(([k, v]) => [k, -v]))) });
  bumps.push({ orgId: after.orgId, week, inc: nonZero({ ...now, ...events }) });
  return bumps;
}

/** A 回访: satisfaction counts satisfied and basically satisfied among those reached. */
export function followUpBumps(doc: RequestDoc, outcome: FollowUpOutcomeKey): CounterBump[] {
  return [{ orgId: doc.orgId, week: weekOf(doc), inc: { followUps: 1, [`fu_${outcome}`]: 1 } }];
}
