import { waitingStatuses, workingStatuses } from '../../domain/requests/requestStatusMachine';
import { collections } from '../collections';
import type { Database } from '../database';
import { requestCollections, type RequestDoc } from './requestStore';

/**
 * Requests past a deadline and not yet flagged, oldest deadline first (indexes status_1_acceptDueAt_1
 * and status_1_resolveDueAt_1); `limit` per sweep keeps a run inside the function's timeout.
 */
export async function findNewlyOverdue(db: Database, now: Date, limit: number): Promise<RequestDoc[]> {
  const _ = db.command;
  const requests = db.collection(requestCollections.requests);
  const [late, slow] = await Promise.all([
    requests.where({ status: _.in([...waitingStatuses]), acceptDueAt: _.lte(now), overdue: false }).orderBy('acceptDueAt', 'asc').limit(limit).get(),
    requests.where({ status: _.in([...waitingStatuses, ...workingStatuses]), resolveDueAt: _.lte(now), overdue: false }).orderBy('resolveDueAt', 'asc').limit(limit).get(),
  ]);
  const byId = new Map<string, RequestDoc>();
  for (const doc of [...(late.data as RequestDoc[]), ...(slow.data as RequestDoc[])]) byId.set(doc._id, doc);
  return [...byId.values()];
}

/** Flagged requests whose reminders a sweep left unfinished (index remindPending_1). */
export async function findRemindersDue(db: Database, limit: number): Promise<RequestDoc[]> {
  const { data } = await db.collection(requestCollections.requests).where({ remindPending: true }).limit(limit).get();
  return data as RequestDoc[];
}

/** Every reminder of the request is done. */
export async function clearRemindPending(db: Database, id: string): Promise<void> {
  await db.collection(requestCollections.requests).where({ _id: id, remindPending: true }).update({ data: { remindPending: false } });
}

/** The cadres of these organisations, in one query (index orgId_1 on roles). */
export async function cadresOf(db: Database, orgIds: string[]): Promise<Array<{ openid: string; orgId: string }>> {
  if (orgIds.length === 0) return [];
  const _ = db.command;
  const { data } = await db.collection(collections.roles).where({ orgId: _.in(orgIds), role: 'cadre' }).limit(1000).get();
  return (data as Array<{ openid: string; orgId: string }>).map((r) => ({ openid: r.openid, orgId: r.orgId }));
}
