import type { FollowUpOutcomeKey } from '../../contracts/requests/followUpOutcomes';
import type { Database } from '../../db/database';
import { bumpCounters } from '../../db/requests/requestCounters';
import type { RequestDoc } from '../../db/requests/requestStore';
import { weekKey } from '../../points/periodKeys';

const weekOf = (doc: Pick<RequestDoc, 'createdAt'>) => weekKey(new Date(doc.createdAt));

/** A new request: counted in its organisation's filing week. */
export async function countFiled(db: Database, doc: RequestDoc): Promise<void> {
  await bumpCounters(db, doc.orgId, weekOf(doc), { filed: 1, [`st_${doc.status}`]: 1 });
}

/**
 * A request moved (status, organisation, resolution, rating): the counters follow it. Called once
 * per committed change, after the commit.
 */
export async function countTransition(db: Database, before: RequestDoc, after: RequestDoc): Promise<void> {
  const week = weekOf(before);
  const resolvedNow = after.status === 'resolved' && before.status !== 'resolved';
  const onTime = resolvedNow && new Date(after.resolvedAt ?? after.updatedAt).getTime() <= new Date(before.resolveDueAt).getTime();
  const rated = before.rating === null && after.rating !== null;
  const moved = before.orgId !== after.orgId;
  if (!moved && before.status === after.status && !rated) return;
  // A transfer moves the request's whole contribution to the organisation that now holds it.
  await bumpCounters(db, before.orgId, week, { [`st_${before.status}`]: -1, ...(moved ? { filed: -1 } : { [`st_${after.status}`]: 1 }) });
  const target: Record<string, number> = moved ? { filed: 1, [`st_${after.status}`]: 1 } : {};
  const extra: Record<string, number> = {
    ...(resolvedNow ? { resolved: 1, resolvedOnTime: onTime ? 1 : 0 } : {}),
    ...(rated ? { rated: 1, ratingSum: after.rating ?? 0, ratedGood: (after.rating ?? 0) >= 4 ? 1 : 0 } : {}),
  };
  if (moved || Object.keys(extra).length) await bumpCounters(db, after.orgId, week, { ...target, ...extra });
}

/** A 回访: satisfaction counts satisfied and basically satisfied among those reached. */
export async function countFollowUp(db: Database, doc: RequestDoc, outcome: FollowUpOutcomeKey): Promise<void> {
  await bumpCounters(db, doc.orgId, weekOf(doc), { followUps: 1, [`fu_${outcome}`]: 1 });
}
