import type { FollowUpOutcomeKey } from '../../contracts/requests/followUpOutcomes';
import type { Database } from '../../db/database';
import { bumpCounters, type CounterBump } from '../../db/requests/requestCounters';
import type { RequestDoc } from '../../db/requests/requestStore';
import { weekKey } from '../../points/periodKeys';

const weekOf = (doc: Pick<RequestDoc, 'createdAt'>) => weekKey(new Date(doc.createdAt));

/** A new request: counted in its organisation's filing week. */
export function filedBumps(doc: RequestDoc): CounterBump[] {
  return [{ orgId: doc.orgId, week: weekOf(doc), inc: { filed: 1, [`st_${doc.status}`]: 1 } }];
}

export async function countFiled(db: Database, doc: RequestDoc): Promise<void> {
  for (const bump of filedBumps(doc)) await bumpCounters(db, bump.orgId, bump.week, bump.inc);
}

/**
 * A request moved (status, organisation, resolution, rating): the counters follow it. Applied in
 * the transaction that commits the change, so a failure cannot count it twice or not at all.
 */
export function transitionBumps(before: RequestDoc, after: RequestDoc): CounterBump[] {
  const week = weekOf(before);
  const resolvedNow = after.status === 'resolved' && before.status !== 'resolved';
  const onTime = resolvedNow && new Date(after.resolvedAt ?? after.updatedAt).getTime() <= new Date(before.resolveDueAt).getTime();
  const rated = before.rating === null && after.rating !== null;
  const moved = before.orgId !== after.orgId;
  if (!moved && before.status === after.status && !rated) return [];
  // A transfer moves the request's whole contribution to the organisation that now holds it.
  const bumps: CounterBump[] = [{ orgId: before.orgId, week, inc: { [`st_${before.status}`]: -1, ...(moved ? { filed: -1 } : { [`st_${after.status}`]: 1 }) } }];
  const target: Record<string, number> = moved ? { filed: 1, [`st_${after.status}`]: 1 } : {};
  const extra: Record<string, number> = {
    ...(resolvedNow ? { resolved: 1, resolvedOnTime: onTime ? 1 : 0 } : {}),
    ...(rated ? { rated: 1, ratingSum: after.rating ?? 0, ratedGood: (after.rating ?? 0) >= 4 ? 1 : 0 } : {}),
  };
  if (moved || Object.keys(extra).length) bumps.push({ orgId: after.orgId, week, inc: { ...target, ...extra } });
  return bumps;
}

export async function countTransition(db: Database, before: RequestDoc, after: RequestDoc): Promise<void> {
  for (const bump of transitionBumps(before, after)) await bumpCounters(db, bump.orgId, bump.week, bump.inc);
}

/** A 回访: satisfaction counts satisfied and basically satisfied among those reached. */
export async function countFollowUp(db: Database, doc: RequestDoc, outcome: FollowUpOutcomeKey): Promise<void> {
  await bumpCounters(db, doc.orgId, weekOf(doc), { followUps: 1, [`fu_${outcome}`]: 1 });
}
