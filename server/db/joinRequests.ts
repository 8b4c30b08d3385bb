import type { JoinRequestStatus } from '../contracts/account';
import { collections } from './collections';
import type { Database, Transaction } from './database';

/** A worker's request to join an organisation: one document per worker (its id is the openid). */
export interface JoinRequestDoc {
  _id: string;
  openid: string;
  nickname: string;
  orgId: string;
  orgName: string;
  /** The organisation and every one above it: a cadre of any of them may decide. */
  orgChain: string[];
  status: JoinRequestStatus;
  /** How the request came: the worker asked, an admin's roster, or the move from self-declared organisations. */
  via: 'request' | 'roster' | 'migration';
  requestedAt: Date;
  decidedAt: Date | null;
  decidedBy: string | null;
  reason: string | null;
}

export async function findJoinRequest(db: Database, openid: string): Promise<JoinRequestDoc | null> {
  const { data } = await db.collection(collections.joinRequests).where({ _id: openid }).limit(1).get();
  return (data[0] as JoinRequestDoc | undefined) ?? null;
}

export async function putJoinRequest(db: Database, doc: JoinRequestDoc): Promise<void> {
  const { _id, ...data } = doc;
  await db.collection(collections.joinRequests).doc(_id).set({ data });
}

function pendingWhere(db: Database, orgIds: readonly string[] | 'all'): Record<string, unknown> {
  return orgIds === 'all' ? { status: 'pending' } : { orgChain: db.command.in([...orgIds]), status: 'pending' };
}

/**
 * Pending requests under any of the given organisations (all of them for a province admin), oldest
 * first, after the cursor (the last one shown: its time, then its id for requests made in the same
 * millisecond). Indexes orgChain_1_status_1_requestedAt_1__id_1 and status_1_requestedAt_1__id_1.
 */
export async function pendingJoinRequests(db: Database, orgIds: readonly string[] | 'all', after: { value: Date; id: string } | undefined, limit: number): Promise<JoinRequestDoc[]> {
  const _ = db.command;
  const filter = pendingWhere(db, orgIds);
  const where = after ? _.and([filter, _.or([{ requestedAt: _.gt(after.value) }, { requestedAt: after.value, _id: _.gt(after.id) }])]) : filter;
  const { data } = await db.collection(collections.joinRequests).where(where as Record<string, unknown>).orderBy('requestedAt', 'asc').orderBy('_id', 'asc').limit(limit).get();
  return data as JoinRequestDoc[];
}

/** How many wait under the organisations: a count over the same index, no documents read. */
export async function pendingJoinCount(db: Database, orgIds: readonly string[] | 'all'): Promise<number> {
  const { total } = await db.collection(collections.joinRequests).where(pendingWhere(db, orgIds)).count();
  return total;
}

/** A membership change as the audit log keeps it (the shape the console's 操作日志 reads). */
export interface MembershipAudit {
  action: 'approve_join' | 'decline_join' | 'roster_join' | 'migrate_join_pending';
  /** The worker whose membership changed. */
  target: string;
  orgId: string;
  actorOpenid: string;
  at: Date;
  /** When the request was made: with the action and worker it names the entry, so a retry cannot write it twice. */
  requestedAt: Date;
  detail?: string;
}

/** Writes the audit entry inside the transaction that makes the change: both land or neither does. */
export async function auditMembership(t: Transaction, entry: MembershipAudit): Promise<void> {
  const { requestedAt, ...data } = entry;
  await t.collection(collections.auditLog).doc(`${entry.action}|${entry.target}|${new Date(requestedAt).getTime()}`).set({ data });
}
